package dev.precis.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered story JSON by story id, valid for one story revision. A cached story is served without
 * touching the database for up to {@code recheckNanos}; after that one indexed lookup of the
 * revision confirms it. Writes through this server invalidate at once; writes by another process (a
 * concurrent {@code precis ingest}) show within the recheck interval.
 */
final class StoryCache {
  private static final class Entry {
    final long revision;
    final byte[] json;
    volatile long checkedAt;

    Entry(long revision, byte[] json, long checkedAt) {
      this.revision = revision;
      this.json = json;
      this.checkedAt = checkedAt;
    }
  }

  private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long recheckNanos;

  StoryCache(int maxEntries, long recheckMillis) {
    this.maxEntries = maxEntries;
    this.recheckNanos = recheckMillis * 1_000_000L;
  }

  /** The cached JSON when it was confirmed recently enough to serve without asking, or null. */
  byte[] fresh(long storyId) {
    Entry e = entries.get(storyId);
    return e != null && System.nanoTime() - e.checkedAt < recheckNanos ? e.json : null;
  }

  /** The cached JSON of the story at this revision (and marks it confirmed), or null. */
  byte[] get(long storyId, long revision) {
    Entry e = entries.get(storyId);
    if (e == null || e.revision != revision) {
      return null;
    }
    e.checkedAt = System.nanoTime();
    return e.json;
  }

  void put(long storyId, long revision, byte[] json) {
    if (entries.size() >= maxEntries && !entries.containsKey(storyId)) {
      // crude but bounded: start over rather than track recency on every read
      entries.clear();
    }
    Entry neu = new Entry(revision, json, System.nanoTime());
    entries.merge(storyId, neu, (old, n) -> n.revision >= old.revision ? n : old);
  }

  /** Forgets a story: called when this server changes it. */
  void invalidate(long storyId) {
    entries.remove(storyId);
  }
}

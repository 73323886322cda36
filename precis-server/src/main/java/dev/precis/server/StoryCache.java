package dev.precis.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
  private final long maxBytes;
  private final long recheckNanos;

  /** Bytes of JSON held (approximate under concurrent puts; reset with the entries). */
  private final AtomicLong bytes = new AtomicLong();

  StoryCache(int maxEntries, long maxBytes, long recheckMillis) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.recheckNanos = recheckMillis * 1_000_000L;
  }

  /** Bytes of rendered JSON held now. */
  long bytes() {
    return bytes.get();
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
    if (json.length > maxBytes / 4) {
      return; // one huge story must not push out everything else
    }
    if ((entries.size() >= maxEntries && !entries.containsKey(storyId))
        || bytes.get() + json.length > maxBytes) {
      // crude but bounded: start over rather than track recency on every read
      entries.clear();
      bytes.set(0);
    }
    Entry neu = new Entry(revision, json, System.nanoTime());
    Entry old = entries.put(storyId, neu);
    if (old != null && old.revision > revision) {
      entries.put(storyId, old); // a newer rendering won the race: keep it
      return;
    }
    bytes.addAndGet(json.length - (old == null ? 0 : old.json.length));
  }

  /** Forgets a story: called when this server changes it. */
  void invalidate(long storyId) {
    Entry old = entries.remove(storyId);
    if (old != null) {
      bytes.addAndGet(-old.json.length);
    }
  }
}

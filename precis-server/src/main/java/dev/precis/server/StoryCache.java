package dev.precis.server;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered story JSON by story id, valid for one story revision: a read costs one indexed
 * lookup of the revision instead of loading and rendering every article.
 */
final class StoryCache {
  private record Entry(long revision, byte[] json) {}

  private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;

  StoryCache(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  /** The cached JSON of the story at this revision, or {@code null}. */
  byte[] get(long storyId, long revision) {
    Entry e = entries.get(storyId);
    return e != null && e.revision == revision ? e.json : null;
  }

  void put(long storyId, long revision, byte[] json) {
    if (entries.size() >= maxEntries && !entries.containsKey(storyId)) {
      // crude but bounded: start over rather than track recency on every read
      entries.clear();
    }
    entries.merge(storyId, new Entry(revision, json),
        (old, neu) -> neu.revision >= old.revision ? neu : old);
  }
}

package dev.precis.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The mutable state of an open story inside {@link StoryClusterer}. */
final class StoryState {
  record Member(long seq, StoryArticle article) {}

  final long id;
  final Centroid centroid;

  /** Members with their arrival sequence numbers (merges interleave them again). */
  final ArrayList<Member> members = new ArrayList<>();

  final ArrayList<NearDuplicateIndex.Entry> canonicals = new ArrayList<>();
  long minTime = Long.MAX_VALUE;
  long maxTime = Long.MIN_VALUE;
  double timeSum;
  int timed;

  /** Stream time (millis) of the last article added: what eviction looks at. */
  long lastUpdate;

  int vectors;

  /** Set when closed or merged: index entries pointing here are stale. */
  boolean closed;

  /** The story this one was merged into, or {@code null}. */
  StoryState mergedInto;

  /** Article sequence number that last saw this story as a candidate (dedupes candidates). */
  long mark = -1;

  /** Sum of the query-term weights that reached this story for the current article. */
  double overlap;

  StoryState(long id, int centroidCapacity) {
    this.id = id;
    this.centroid = new Centroid(centroidCapacity);
  }

  /** Follows merges to the story that holds this one's articles now. */
  StoryState live() {
    StoryState s = this;
    while (s.mergedInto != null) {
      s = s.mergedInto;
    }
    return s;
  }

  void addTime(long millis) {
    minTime = Math.min(minTime, millis);
    maxTime = Math.max(maxTime, millis);
    timeSum += millis;
    timed++;
  }

  double meanTime() {
    return timed == 0 ? 0 : timeSum / timed;
  }

  void absorb(StoryState other) {
    centroid.add(other.centroid);
    members.addAll(other.members);
    canonicals.addAll(other.canonicals);
    for (NearDuplicateIndex.Entry e : other.canonicals) {
      e.story = this;
    }
    minTime = Math.min(minTime, other.minTime);
    maxTime = Math.max(maxTime, other.maxTime);
    timeSum += other.timeSum;
    timed += other.timed;
    vectors += other.vectors;
    lastUpdate = Math.max(lastUpdate, other.lastUpdate);
    other.closed = true;
    other.mergedInto = this;
    other.release();
  }

  /**
   * Drops everything but the id once the story is closed or merged: stale entries in the inverted
   * index then hold only this small shell until the next sweep.
   */
  void release() {
    members.clear();
    members.trimToSize();
    canonicals.clear();
    canonicals.trimToSize();
    centroid.release();
  }

  Story snapshot() {
    Instant first = null;
    Instant last = null;
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(java.util.Comparator.comparingLong(Member::seq));
    List<StoryArticle> articles = new ArrayList<>(sorted.size());
    for (Member m : sorted) {
      StoryArticle a = m.article();
      articles.add(a);
      if (a.published() != null) {
        if (first == null || a.published().isBefore(first)) {
          first = a.published();
        }
        if (last == null || a.published().isAfter(last)) {
          last = a.published();
        }
      }
    }
    return new Story(id, articles, first, last);
  }
}

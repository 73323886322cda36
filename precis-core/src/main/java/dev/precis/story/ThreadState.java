package dev.precis.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The mutable state of a story inside {@link StoryClusterer}: a thread of events. Its events are
 * open (still in the clusterer) or closed (kept here as snapshots); the story is complete, and
 * handed out, when its last open event closes.
 */
final class ThreadState {
  final long id;

  /** Events of this thread still open in the clusterer. */
  int openEvents;

  /** Members and snapshots of its closed events. */
  final ArrayList<StoryState.Member> members = new ArrayList<>();

  final ArrayList<StoryEvent> events = new ArrayList<>();

  /** The thread this one was merged into, or {@code null}. */
  ThreadState mergedInto;

  ThreadState(long id) {
    this.id = id;
  }

  ThreadState live() {
    ThreadState t = this;
    while (t.mergedInto != null) {
      t = t.mergedInto;
    }
    return t;
  }

  void absorb(ThreadState other) {
    openEvents += other.openEvents;
    members.addAll(other.members);
    events.addAll(other.events);
    other.mergedInto = this;
    other.members.clear();
    other.events.clear();
  }

  /** The finished story: members in arrival order, events in time order (undated last). */
  Story snapshot() {
    List<StoryState.Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingLong(StoryState.Member::seq));
    List<StoryArticle> articles = new ArrayList<>(sorted.size());
    Instant first = null;
    Instant last = null;
    for (StoryState.Member m : sorted) {
      StoryArticle a = m.article();
      articles.add(a);
      if (a.published() != null) {
        first = first == null || a.published().isBefore(first) ? a.published() : first;
        last = last == null || a.published().isAfter(last) ? a.published() : last;
      }
    }
    List<StoryEvent> ordered = new ArrayList<>(events);
    ordered.sort(
        Comparator.comparing(
                StoryEvent::day,
                Comparator.nullsLast(Comparator.<java.time.LocalDate>naturalOrder()))
            .thenComparingLong(StoryEvent::id));
    return new Story(id, articles, first, last, ordered);
  }
}

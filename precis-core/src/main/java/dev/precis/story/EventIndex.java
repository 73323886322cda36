package dev.precis.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The inverted index of {@link StoryClusterer}: from a term to the open events whose members have
 * it among their heaviest terms, so an article is compared only with the events it shares such
 * terms with and the cost does not grow with the number of events. Closed events are dropped lazily
 * (long lists are trimmed, every list is swept now and then), so its size follows the open events.
 */
final class EventIndex {
  /** Articles between two sweeps. */
  static final int SWEEP_EVERY = 20_000;

  /** Longest posting list; older entries beyond it are dropped. */
  static final int MAX_POSTINGS = 256;

  private final Map<Long, List<StoryState>> postings = new HashMap<>();
  private long sizeAtLastSweep;

  /** Indexes an event under an article's heaviest terms. */
  void add(long[] query, StoryState event) {
    for (long term : query) {
      List<StoryState> list = postings.computeIfAbsent(term, k -> new ArrayList<>(4));
      if (list.isEmpty() || list.get(list.size() - 1) != event) {
        list.add(event);
        if (list.size() > MAX_POSTINGS) {
          trim(list);
        }
      }
    }
  }

  /**
   * Fills {@code out} with the open events other than {@code self} that share the most query-term
   * weight with an article, at most {@code limit} (ties: the older event). {@code mark} must differ
   * from every earlier call's: it dedupes events reached through several terms.
   */
  void candidates(
      long[] query, double[] weights, long mark, StoryState self, int limit, List<StoryState> out) {
    out.clear();
    for (int q = 0; q < query.length; q++) {
      List<StoryState> list = postings.get(query[q]);
      if (list == null) {
        continue;
      }
      for (int i = 0; i < list.size(); i++) {
        StoryState s = list.get(i);
        if (s.closed) {
          s = s.live();
          if (s.closed) {
            continue;
          }
        }
        if (s == self) {
          continue;
        }
        if (s.mark != mark) {
          s.mark = mark;
          s.overlap = 0;
          out.add(s);
        }
        s.overlap += weights[q];
      }
    }
    if (out.size() > limit) {
      keepBest(out, limit);
    }
  }

  /** Most query-term weight first; ties: the older event. */
  private static final Comparator<StoryState> BEST_FIRST =
      (a, b) ->
          a.overlap != b.overlap ? Double.compare(b.overlap, a.overlap) : Long.compare(a.id, b.id);

  /** The bounded heap of {@link #keepBest}, reused: its root is the worst event kept so far. */
  private StoryState[] heap = new StoryState[0];

  /**
   * Cuts {@code out} to its {@code limit} best events in {@link #BEST_FIRST} order: a heap of the
   * best so far instead of sorting every event the terms reached (often several hundred).
   */
  private void keepBest(List<StoryState> out, int limit) {
    if (heap.length < limit) {
      heap = new StoryState[limit];
    }
    for (int i = 0; i < limit; i++) {
      heap[i] = out.get(i);
    }
    for (int i = limit / 2 - 1; i >= 0; i--) {
      siftDown(i, limit);
    }
    for (int i = limit; i < out.size(); i++) {
      StoryState s = out.get(i);
      if (BEST_FIRST.compare(s, heap[0]) < 0) {
        heap[0] = s;
        siftDown(0, limit);
      }
    }
    out.clear();
    for (int i = 0; i < limit; i++) {
      out.add(heap[i]);
      heap[i] = null;
    }
    out.sort(BEST_FIRST);
  }

  /** Restores the heap below {@code i}: every event is worse than or as good as its children. */
  private void siftDown(int i, int size) {
    StoryState s = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && BEST_FIRST.compare(heap[child + 1], heap[child]) > 0) {
        child++;
      }
      if (BEST_FIRST.compare(heap[child], s) <= 0) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = s;
  }

  void clear() {
    postings.clear();
  }

  private static void trim(List<StoryState> list) {
    list.removeIf(s -> s.live().closed);
    if (list.size() > MAX_POSTINGS) {
      list.subList(0, list.size() - MAX_POSTINGS * 3 / 4).clear();
    }
  }

  /**
   * Drops closed events every {@link #SWEEP_EVERY} articles ({@code articles} so far), or sooner
   * once the index has doubled since the last sweep.
   */
  void maybeSweep(long articles) {
    if (articles % SWEEP_EVERY != 0
        && (postings.size() < 4096 || postings.size() < 2 * sizeAtLastSweep)) {
      return;
    }
    Iterator<List<StoryState>> it = postings.values().iterator();
    while (it.hasNext()) {
      List<StoryState> list = it.next();
      list.removeIf(s -> s.live().closed);
      if (list.isEmpty()) {
        it.remove();
      }
    }
    sizeAtLastSweep = postings.size();
  }
}

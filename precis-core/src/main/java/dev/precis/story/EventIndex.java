package dev.precis.story;

import java.util.ArrayList;
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
      out.sort(
          (a, b) ->
              a.overlap != b.overlap
                  ? Double.compare(b.overlap, a.overlap)
                  : Long.compare(a.id, b.id));
      out.subList(limit, out.size()).clear();
    }
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

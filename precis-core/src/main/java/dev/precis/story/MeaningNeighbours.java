package dev.precis.story;

import java.util.List;

/**
 * Candidate events by meaning, for articles that say nothing of when they happened: the open events
 * nearest to the article's text vector ({@link TextMeaning}) among those that the latest {@link
 * #WINDOW} articles joined or started, beside the events that share its heaviest terms. Two reports
 * of one happening may share none of their heaviest words; without a time, nothing else brings them
 * together. The window bounds both the memory (one reference per recent article) and the cost (at
 * most {@link #WINDOW} dot products per article).
 */
final class MeaningNeighbours {
  /** Latest articles whose events are scanned. */
  static final int WINDOW = 4096;

  private final StoryState[] recent = new StoryState[WINDOW];
  private long added;
  private final int extra;
  private final StoryState[] best;
  private final double[] bestScore;

  /**
   * @param extra most candidates added per article
   */
  MeaningNeighbours(int extra) {
    this.extra = extra;
    this.best = new StoryState[Math.max(1, extra)];
    this.bestScore = new double[Math.max(1, extra)];
  }

  /** Remembers the event an article joined or started. */
  void touched(StoryState s) {
    recent[(int) (added++ % WINDOW)] = s;
  }

  /**
   * Adds to {@code candidates} the open events nearest to {@code v} among the recent ones, at most
   * {@code extra}, skipping those already there (marked with {@code seq}).
   */
  void addNearest(float[] v, long seq, List<StoryState> candidates) {
    if (extra == 0 || v.length == 0) {
      return;
    }
    int found = 0;
    long from = Math.max(0, added - WINDOW);
    for (long k = added - 1; k >= from; k--) {
      StoryState s = recent[(int) (k % WINDOW)].live();
      if (s.closed || s.mark == seq || s.meaningMark == seq) {
        continue;
      }
      s.meaningMark = seq;
      double c = s.meaningCosine(v);
      if (Double.isNaN(c) || (found == extra && c <= bestScore[found - 1])) {
        continue;
      }
      // insertion into the short list of the best so far, most similar first
      int at = found < extra ? found++ : found - 1;
      while (at > 0 && bestScore[at - 1] < c) {
        best[at] = best[at - 1];
        bestScore[at] = bestScore[at - 1];
        at--;
      }
      best[at] = s;
      bestScore[at] = c;
    }
    for (int i = 0; i < found; i++) {
      best[i].mark = seq;
      best[i].overlap = 0;
      candidates.add(best[i]);
      best[i] = null;
    }
  }
}

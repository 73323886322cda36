package dev.precis.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The last step of the learned extractor: which blocks, judged by their smoothed probabilities,
 * make the text. A block is kept at probability {@code threshold} or more; kept blocks closer than
 * {@code maxGap} dropped blocks form one run, and a run holding less than {@code minShare} of the
 * characters of the largest run is dropped. An article is one body of text; what the classifier
 * lets through beside it (a teaser, a comment, a "read more" line far below the last paragraph)
 * comes as islands set apart by furniture.
 *
 * <p>Example: {@code MainSpan.DEFAULT.keep(page, probabilities)}.
 *
 * @param threshold smallest probability of a kept block
 * @param maxGap most dropped non-empty blocks between two kept blocks of one run
 * @param minShare smallest share of the largest run's characters that a run needs to stay (0 keeps
 *     every run)
 */
public record MainSpan(double threshold, int maxGap, double minShare) {

  /** The shipped setting, chosen on the cross-validated training pages. */
  public static final MainSpan DEFAULT = new MainSpan(0.5, 3, 0.0);

  /** Which blocks of {@code page} are main text, given each block's probability {@code p}. */
  boolean[] keep(PageBlocks page, double[] p) {
    int n = p.length;
    double t = threshold;
    double best = 0;
    for (int i = 0; i < n; i++) {
      if (!BlockExtractor.isHeadline(page, i)) {
        best = Math.max(best, p[i]);
      }
    }
    // A page the model doubts throughout still has a most likely article: keep its best blocks.
    if (best < t) {
      t = best * 0.8;
    }
    boolean[] kept = new boolean[n];
    for (int i = 0; i < n; i++) {
      kept[i] = p[i] >= t && p[i] > 0 && !BlockExtractor.isHeadline(page, i);
    }
    if (minShare > 0) {
      dropIslands(page, kept);
    }
    return kept;
  }

  private void dropIslands(PageBlocks page, boolean[] kept) {
    List<int[]> runs = new ArrayList<>(); // {first, last, chars}
    int[] run = null;
    int gap = 0;
    for (int i = 0; i < kept.length; i++) {
      int chars = page.blocks.get(i).chars();
      if (kept[i]) {
        if (run == null || gap > maxGap) {
          run = new int[] {i, i, 0};
          runs.add(run);
        }
        run[1] = i;
        run[2] += chars;
        gap = 0;
      } else if (chars > 0) {
        gap++;
      }
    }
    int largest = 0;
    for (int[] r : runs) {
      largest = Math.max(largest, r[2]);
    }
    for (int[] r : runs) {
      if (r[2] < minShare * largest) {
        for (int i = r[0]; i <= r[1]; i++) {
          kept[i] = false;
        }
      }
    }
  }
}

package dev.precis.ingest;

import java.util.Arrays;

/**
 * The smoothing stage's features: the first-stage probability of a block crossed with those of its
 * neighbours, the mean over a window of seven blocks, the length-weighted mean over the blocks that
 * share its parent element, and its length. Main text comes in runs, furniture too; a lone
 * paragraph-like block amid link lists, or a short line amid paragraphs, is judged by its company.
 */
final class BlockContext {
  static final int DIMENSION = 1 << 14;
  private static final int MASK = DIMENSION - 1;

  private BlockContext() {}

  static int[][] of(PageBlocks page, double[] p) {
    int n = p.length;
    PageBlocks.Frames f = page.frames;
    // Length-weighted mean probability per parent element of the blocks.
    double[] sum = new double[f.size + 1];
    double[] weight = new double[f.size + 1];
    for (int i = 0; i < n; i++) {
      int c = container(page, i) + 1;
      int chars = page.blocks.get(i).chars();
      sum[c] += p[i] * chars;
      weight[c] += chars;
    }
    boolean[] inBest = insideBestSubtree(page, p);
    int[][] out = new int[n][];
    int[] slots = new int[24];
    for (int i = 0; i < n; i++) {
      int k = 0;
      int self = bin(p[i], 20);
      int prev = i > 0 ? bin(p[i - 1], 5) : 5;
      int next = i + 1 < n ? bin(p[i + 1], 5) : 5;
      int wordsBin = Math.min(10, 32 - Integer.numberOfLeadingZeros(page.blocks.get(i).chars()));
      slots[k++] = slot(1, 0);
      slots[k++] = slot(2, self);
      slots[k++] = slot(3, self * 100 + prev * 10 + next);
      for (int off = -3; off <= 3; off++) {
        if (off != 0) {
          int j = i + off;
          slots[k++] = slot(4, off * 100 + (j >= 0 && j < n ? bin(p[j], 10) : 11));
        }
      }
      double window = 0;
      int count = 0;
      for (int j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) {
        window += p[j];
        count++;
      }
      slots[k++] = slot(5, bin(window / count, 10));
      slots[k++] = slot(6, bin(window / count, 5) * 10 + bin(p[i], 5));
      int c = container(page, i) + 1;
      double mean = weight[c] == 0 ? p[i] : sum[c] / weight[c];
      slots[k++] = slot(7, bin(mean, 10));
      slots[k++] = slot(8, bin(mean, 5) * 10 + bin(p[i], 5));
      slots[k++] = slot(9, wordsBin * 100 + self);
      slots[k++] = slot(11, (inBest[i] ? 100 : 0) + self);
      slots[k++] = slot(12, (inBest[i] ? 100 : 0) + wordsBin);
      out[i] = Arrays.copyOf(slots, k);
    }
    return out;
  }

  /**
   * Marks the blocks inside the element whose subtree gains most from being taken whole: each block
   * adds its length times (probability - 1/2), and the element with the largest sum is the
   * article's likely container. Comment threads and teaser lists beside it fall outside.
   */
  private static boolean[] insideBestSubtree(PageBlocks page, double[] p) {
    PageBlocks.Frames f = page.frames;
    double[] gain = new double[f.size];
    int n = p.length;
    for (int i = 0; i < n; i++) {
      double g = page.blocks.get(i).chars() * (p[i] - 0.5);
      for (int a = page.blocks.get(i).frame(); a >= 0; a = f.parent[a]) {
        gain[a] += g;
      }
    }
    int best = -1;
    for (int e = 0; e < f.size; e++) {
      if (best < 0 || gain[e] > gain[best]) {
        best = e;
      }
    }
    boolean[] inside = new boolean[n];
    for (int i = 0; i < n && best >= 0; i++) {
      for (int a = page.blocks.get(i).frame(); a >= best; a = f.parent[a]) {
        if (a == best) {
          inside[i] = true;
          break;
        }
      }
    }
    return inside;
  }

  /** The parent of the block's element: the container whose blocks vote together. */
  private static int container(PageBlocks page, int i) {
    int frame = page.blocks.get(i).frame();
    return frame < 0 ? -1 : page.frames.parent[frame];
  }

  private static int bin(double p, int bins) {
    return Math.min(bins - 1, (int) (p * bins));
  }

  private static int slot(int kind, int value) {
    return Hashing.feature(kind, value) & MASK;
  }
}

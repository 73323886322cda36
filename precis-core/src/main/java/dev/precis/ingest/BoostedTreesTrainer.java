package dev.precis.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits {@link BoostedTrees} to weighted binary labels by gradient boosting on the logistic loss
 * (Newton steps, L2 on the leaf values), with histogram splits: every feature is cut into at most
 * {@value #BINS} quantile bins once, and each tree grows level by level to a fixed depth.
 * Deterministic: the same rows give the same trees.
 *
 * @param trees number of trees
 * @param depth depth of each tree
 * @param rate shrinkage of each tree's values
 * @param minHessian smallest Hessian sum a leaf may hold
 * @param lambda L2 penalty on the leaf values
 */
record BoostedTreesTrainer(int trees, int depth, double rate, double minHessian, double lambda) {
  private static final int BINS = 64;

  /** The shipped model's settings. */
  static final BoostedTreesTrainer DEFAULT = new BoostedTreesTrainer(150, 5, 0.1, 2.0, 1.0);

  /** The refining (third) stage's settings: its input is already smooth, so fewer trees. */
  static final BoostedTreesTrainer REFINE = new BoostedTreesTrainer(60, 5, 0.15, 2.0, 1.0);

  BoostedTrees fit(float[][] x, boolean[] y, float[] w) {
    int n = x.length;
    int d = n == 0 ? 0 : x[0].length;
    float[][] edges = new float[d][];
    byte[][] bins = new byte[d][n];
    for (int f = 0; f < d; f++) {
      edges[f] = edges(x, f);
      for (int r = 0; r < n; r++) {
        bins[f][r] = (byte) bin(edges[f], x[r][f]);
      }
    }
    double pos = 0;
    double all = 0;
    for (int r = 0; r < n; r++) {
      all += w[r];
      pos += y[r] ? w[r] : 0;
    }
    float bias = (float) Math.log((pos + 1) / (all - pos + 1));
    double[] score = new double[n];
    Arrays.fill(score, bias);
    double[] g = new double[n];
    double[] h = new double[n];
    List<BoostedTrees.Tree> out = new ArrayList<>();
    int[] rows = new int[n];
    for (int t = 0; t < trees; t++) {
      for (int r = 0; r < n; r++) {
        double p = 1 / (1 + Math.exp(-score[r]));
        g[r] = w[r] * (p - (y[r] ? 1 : 0));
        h[r] = Math.max(1e-6, w[r] * p * (1 - p));
        rows[r] = r;
      }
      BoostedTrees.Tree tree = grow(bins, edges, g, h, rows);
      out.add(tree);
      for (int r = 0; r < n; r++) {
        score[r] += tree.score(x[r]);
      }
    }
    return new BoostedTrees(bias, out.toArray(new BoostedTrees.Tree[0]));
  }

  /** Grows one tree; {@code rows} is reordered so that every node's rows are contiguous. */
  private BoostedTrees.Tree grow(
      byte[][] bins, float[][] edges, double[] g, double[] h, int[] rows) {
    int d = bins.length;
    int max = (1 << (depth + 1)) - 1;
    int[] feature = new int[max];
    float[] threshold = new float[max];
    int[] left = new int[max];
    int[] right = new int[max];
    float[] value = new float[max];
    int[] from = new int[max];
    int[] to = new int[max];
    int nodes = 1;
    from[0] = 0;
    to[0] = rows.length;
    int levelStart = 0;
    double[] hg = new double[BINS];
    double[] hh = new double[BINS];
    for (int level = 0; level <= depth; level++) {
      int levelEnd = nodes;
      for (int k = levelStart; k < levelEnd; k++) {
        double sg = 0;
        double sh = 0;
        for (int i = from[k]; i < to[k]; i++) {
          sg += g[rows[i]];
          sh += h[rows[i]];
        }
        feature[k] = -1;
        value[k] = (float) (-rate * sg / (sh + lambda));
        if (level == depth || sh < 2 * minHessian) {
          continue;
        }
        double parentGain = sg * sg / (sh + lambda);
        double bestGain = 1e-6;
        int bestFeature = -1;
        int bestBin = -1;
        for (int f = 0; f < d; f++) {
          Arrays.fill(hg, 0);
          Arrays.fill(hh, 0);
          byte[] col = bins[f];
          for (int i = from[k]; i < to[k]; i++) {
            int r = rows[i];
            hg[col[r]] += g[r];
            hh[col[r]] += h[r];
          }
          double lg = 0;
          double lh = 0;
          for (int b = 0; b < edges[f].length; b++) {
            lg += hg[b];
            lh += hh[b];
            double rg = sg - lg;
            double rh = sh - lh;
            if (lh < minHessian || rh < minHessian) {
              continue;
            }
            double gain = lg * lg / (lh + lambda) + rg * rg / (rh + lambda) - parentGain;
            if (gain > bestGain) {
              bestGain = gain;
              bestFeature = f;
              bestBin = b;
            }
          }
        }
        if (bestFeature < 0) {
          continue;
        }
        // partition rows: bin <= bestBin to the left
        byte[] col = bins[bestFeature];
        int i = from[k];
        int j = to[k] - 1;
        while (i <= j) {
          if (col[rows[i]] <= bestBin) {
            i++;
          } else {
            int tmp = rows[i];
            rows[i] = rows[j];
            rows[j] = tmp;
            j--;
          }
        }
        feature[k] = bestFeature;
        threshold[k] = edges[bestFeature][bestBin];
        left[k] = nodes;
        from[nodes] = from[k];
        to[nodes] = i;
        nodes++;
        right[k] = nodes;
        from[nodes] = i;
        to[nodes] = to[k];
        nodes++;
      }
      levelStart = levelEnd;
    }
    return new BoostedTrees.Tree(
        Arrays.copyOf(feature, nodes),
        Arrays.copyOf(threshold, nodes),
        Arrays.copyOf(left, nodes),
        Arrays.copyOf(right, nodes),
        Arrays.copyOf(value, nodes));
  }

  /**
   * Upper edges of up to {@value #BINS} quantile bins of feature {@code f}: a value goes to the
   * first bin whose edge is at least the value; the last edge is +infinity.
   */
  private static float[] edges(float[][] x, int f) {
    int n = x.length;
    float[] v = new float[n];
    for (int r = 0; r < n; r++) {
      v[r] = x[r][f];
    }
    Arrays.sort(v);
    float[] e = new float[BINS];
    int count = 0;
    for (int b = 1; b < BINS && n > 0; b++) {
      float q = v[(int) ((long) b * (n - 1) / BINS)];
      if (count == 0 || q > e[count - 1]) {
        e[count++] = q;
      }
    }
    if (count == 0 || e[count - 1] != Float.POSITIVE_INFINITY) {
      e[count++] = Float.POSITIVE_INFINITY;
    }
    return Arrays.copyOf(e, count);
  }

  private static int bin(float[] edges, float value) {
    int lo = 0;
    int hi = edges.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (value <= edges[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}

package dev.precis.summarize;

import java.util.Arrays;

/**
 * Budgeted maximum concept coverage: choose sentences whose costs (words) fit a budget so that the
 * summed weight of the distinct concepts they cover, plus a per-sentence bonus, is as high as
 * possible. This is the ILP of Gillick and Favre (2009) without the solver: a cost-scaled greedy
 * start, then best-improvement local search (add, swap one for one, swap one for two) until no move
 * helps. On news clusters it reaches the ILP optimum or comes within a fraction of a percent of it,
 * in a few milliseconds, and it is deterministic (ties go to the lower index).
 *
 * <p>Redundancy control: a sentence may only join when at least {@code minNovelty} of its concept
 * weight is not yet covered, so near-duplicates never fill leftover budget.
 */
final class BudgetedCoverage {
  private static final double EPS = 1e-9;

  /** How many of the best single replacements are tried in pairs. */
  private static final int PAIR_POOL = 24;

  private final int[][] concepts;
  private final double[] weight;
  private final int[] cost;
  private final double[] bonus;
  private final int[] previous;
  private final int[] next;
  private final double[] linkBonus;
  private final double[] mass;
  private final double minNovelty;
  private final int[] covered;
  private final boolean[] chosen;
  private int used;

  /**
   * @param concepts distinct concept ids of each sentence
   * @param weight weight of each concept id
   * @param cost words of each sentence
   * @param bonus value a sentence adds on its own, outside concept coverage
   * @param minNovelty share of a sentence's concept weight that must be new when it joins
   */
  BudgetedCoverage(
      int[][] concepts, double[] weight, int[] cost, double[] bonus, double minNovelty) {
    this(concepts, weight, cost, bonus, minNovelty, null, null);
  }

  /**
   * @param previous index of the sentence just before each sentence in its article, or -1
   * @param linkBonus value earned when a sentence and the one just before it are both chosen
   *     (reading flow; a sentence continuing its predecessor is resolved)
   */
  BudgetedCoverage(
      int[][] concepts,
      double[] weight,
      int[] cost,
      double[] bonus,
      double minNovelty,
      int[] previous,
      double[] linkBonus) {
    this.concepts = concepts;
    this.weight = weight;
    this.cost = cost;
    this.bonus = bonus;
    int n = cost.length;
    this.previous = previous != null ? previous : filled(n, -1);
    this.linkBonus = linkBonus != null ? linkBonus : new double[n];
    this.next = filled(n, -1);
    for (int i = 0; i < n; i++) {
      if (this.previous[i] >= 0) {
        this.next[this.previous[i]] = i;
      }
    }
    this.minNovelty = minNovelty;
    this.covered = new int[weight.length];
    this.chosen = new boolean[cost.length];
    this.mass = new double[cost.length];
    for (int i = 0; i < cost.length; i++) {
      double m = 0;
      for (int c : concepts[i]) {
        m += weight[c];
      }
      mass[i] = m;
    }
  }

  /**
   * Sentence indices (ascending) chosen among {@code candidate} within {@code budget} words.
   *
   * @param costExponent greedy ranks by gain / cost^costExponent (1 = value per word)
   * @param maxPasses cap on local-search passes, which bounds the running time
   */
  int[] solve(boolean[] candidate, int budget, double costExponent, int maxPasses) {
    // local search from two greedy starts (value per word, and value per word with long
    // sentences favoured) keeps the better end point: different starts escape different
    // local optima
    double[] exponents = {costExponent, costExponent * 0.5};
    boolean[] best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (double e : exponents) {
      reset();
      greedy(candidate, budget, e);
      for (int pass = 0; pass < maxPasses; pass++) {
        if (!improve(candidate, budget)) {
          break;
        }
      }
      double v = objective();
      if (v > bestValue + EPS) {
        bestValue = v;
        best = chosen.clone();
      }
    }
    int k = 0;
    int[] out = new int[cost.length];
    for (int i = 0; i < cost.length; i++) {
      if (best[i]) {
        out[k++] = i;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private void reset() {
    Arrays.fill(chosen, false);
    Arrays.fill(covered, 0);
    used = 0;
  }

  /** Covered concept weight plus the bonuses and links of the chosen sentences. */
  private double objective() {
    double v = 0;
    for (int c = 0; c < weight.length; c++) {
      if (covered[c] > 0) {
        v += weight[c];
      }
    }
    for (int i = 0; i < cost.length; i++) {
      if (chosen[i]) {
        v += bonus[i];
        int p = previous[i];
        if (p >= 0 && chosen[p]) {
          v += linkBonus[i];
        }
      }
    }
    return v;
  }

  private void greedy(boolean[] candidate, int budget, double costExponent) {
    while (true) {
      int best = -1;
      double bestScore = EPS;
      for (int t = 0; t < cost.length; t++) {
        if (!candidate[t] || chosen[t] || used + cost[t] > budget) {
          continue;
        }
        double gain = admissibleGain(t);
        if (gain <= EPS) {
          continue;
        }
        double score = gain / Math.pow(Math.max(1, cost[t]), costExponent);
        if (score > bestScore + EPS) {
          bestScore = score;
          best = t;
        }
      }
      if (best < 0) {
        return;
      }
      add(best);
    }
  }

  /** One best-improvement step; false when no move increases the objective. */
  private boolean improve(boolean[] candidate, int budget) {
    int n = cost.length;
    double bestDelta = EPS;
    int bestOut = -1;
    int bestIn = -1;
    int bestIn2 = -1;
    // add one sentence
    for (int t = 0; t < n; t++) {
      if (candidate[t] && !chosen[t] && used + cost[t] <= budget) {
        double g = admissibleGain(t);
        if (g > bestDelta + EPS) {
          bestDelta = g;
          bestOut = -1;
          bestIn = t;
          bestIn2 = -1;
        }
      }
    }
    // swap one chosen sentence for one other, or for two of the most valuable others
    int[] top = new int[PAIR_POOL];
    double[] topGain = new double[PAIR_POOL];
    for (int s = 0; s < n; s++) {
      if (!chosen[s]) {
        continue;
      }
      double loss = lossOf(s);
      remove(s);
      int room = budget - used;
      int k = 0;
      for (int t = 0; t < n; t++) {
        if (t == s || !candidate[t] || chosen[t] || cost[t] > room) {
          continue;
        }
        double g = admissibleGain(t);
        if (g <= EPS) {
          continue;
        }
        if (g - loss > bestDelta + EPS) {
          bestDelta = g - loss;
          bestOut = s;
          bestIn = t;
          bestIn2 = -1;
        }
        k = keepTop(top, topGain, k, t, g);
      }
      for (int a = 0; a < k; a++) {
        int t = top[a];
        if (room - cost[t] < 1) {
          continue;
        }
        add(t);
        int room2 = budget - used;
        for (int b = a + 1; b < k; b++) {
          int u = top[b];
          if (cost[u] > room2 || topGain[a] + topGain[b] - loss <= bestDelta + EPS) {
            continue; // the pair cannot beat the best move even without overlap
          }
          double g2 = admissibleGain(u);
          if (g2 > EPS && topGain[a] + g2 - loss > bestDelta + EPS) {
            bestDelta = topGain[a] + g2 - loss;
            bestOut = s;
            bestIn = t;
            bestIn2 = u;
          }
        }
        remove(t);
      }
      add(s);
    }
    if (bestIn < 0) {
      return false;
    }
    if (bestOut >= 0) {
      remove(bestOut);
    }
    add(bestIn);
    if (bestIn2 >= 0) {
      add(bestIn2);
    }
    return true;
  }

  /** Inserts {@code t} into the descending top list if it ranks; returns the new size. */
  private static int keepTop(int[] top, double[] topGain, int k, int t, double g) {
    if (k == top.length && g <= topGain[k - 1]) {
      return k;
    }
    int i = k == top.length ? k - 1 : k;
    while (i > 0 && topGain[i - 1] < g) {
      top[i] = top[i - 1];
      topGain[i] = topGain[i - 1];
      i--;
    }
    top[i] = t;
    topGain[i] = g;
    return k == top.length ? k : k + 1;
  }

  /** Gain of adding {@code t} now, or 0 when it would repeat what is already covered. */
  private double admissibleGain(int t) {
    double g = 0;
    for (int c : concepts[t]) {
      if (covered[c] == 0) {
        g += weight[c];
      }
    }
    if (mass[t] > 0 && g < minNovelty * mass[t]) {
      return 0;
    }
    return g + bonus[t] + links(t);
  }

  private double lossOf(int s) {
    double l = 0;
    for (int c : concepts[s]) {
      if (covered[c] == 1) {
        l += weight[c];
      }
    }
    return l + bonus[s] + links(s);
  }

  /** Link value {@code t} earns with its chosen neighbours (t itself not counted as chosen). */
  private double links(int t) {
    double v = 0;
    int p = previous[t];
    if (p >= 0 && chosen[p]) {
      v += linkBonus[t];
    }
    int q = next[t];
    if (q >= 0 && chosen[q]) {
      v += linkBonus[q];
    }
    return v;
  }

  private static int[] filled(int n, int value) {
    int[] a = new int[n];
    Arrays.fill(a, value);
    return a;
  }

  private void add(int t) {
    chosen[t] = true;
    used += cost[t];
    for (int c : concepts[t]) {
      covered[c]++;
    }
  }

  private void remove(int t) {
    chosen[t] = false;
    used -= cost[t];
    for (int c : concepts[t]) {
      covered[c]--;
    }
  }
}

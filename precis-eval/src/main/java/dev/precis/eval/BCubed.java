package dev.precis.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * B-cubed precision, recall and F1 of a clustering against gold clusters (Bagga and Baldwin, 1998;
 * Amigó et al., 2009). For each item, precision is the share of its predicted cluster that shares
 * its gold cluster, recall the share of its gold cluster that shares its predicted cluster; both
 * are averaged over items, and F1 is their harmonic mean.
 *
 * <pre>{@code
 * BCubed.Score s = BCubed.score(List.of("a", "a", "b"), List.of(1, 1, 1));
 * // precision 5/9, recall 1
 * }</pre>
 *
 * @param precision mean item precision
 * @param recall mean item recall
 * @param f1 harmonic mean of precision and recall
 * @param items number of items scored
 */
public record BCubed(double precision, double recall, double f1, int items) {

  /** Scores integer labels (no boxing: for streams of millions of items). */
  public static BCubed score(int[] gold, long[] predicted) {
    if (gold.length != predicted.length) {
      throw new IllegalArgumentException(
          "gold has " + gold.length + " items but predicted has " + predicted.length);
    }
    int n = gold.length;
    if (n == 0) {
      return new BCubed(0, 0, 0, 0);
    }
    Map<Integer, Integer> goldSize = new HashMap<>();
    Map<Long, Integer> predSize = new HashMap<>();
    Map<Long, Map<Integer, Integer>> both = new HashMap<>();
    for (int i = 0; i < n; i++) {
      goldSize.merge(gold[i], 1, Integer::sum);
      predSize.merge(predicted[i], 1, Integer::sum);
      both.computeIfAbsent(predicted[i], k -> new HashMap<>(4)).merge(gold[i], 1, Integer::sum);
    }
    double p = 0;
    double r = 0;
    for (int i = 0; i < n; i++) {
      double shared = both.get(predicted[i]).get(gold[i]);
      p += shared / predSize.get(predicted[i]);
      r += shared / goldSize.get(gold[i]);
    }
    p /= n;
    r /= n;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new BCubed(p, r, f, n);
  }

  /**
   * Scores predicted against gold cluster labels, item by item (both lists in the same order,
   * labels compared with {@code equals}).
   */
  public static BCubed score(List<?> gold, List<?> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(
          "gold has " + gold.size() + " items but predicted has " + predicted.size());
    }
    int n = gold.size();
    if (n == 0) {
      return new BCubed(0, 0, 0, 0);
    }
    Map<Object, Integer> goldSize = new HashMap<>();
    Map<Object, Integer> predSize = new HashMap<>();
    Map<List<Object>, Integer> both = new HashMap<>();
    for (int i = 0; i < n; i++) {
      goldSize.merge(gold.get(i), 1, Integer::sum);
      predSize.merge(predicted.get(i), 1, Integer::sum);
      both.merge(List.of(gold.get(i), predicted.get(i)), 1, Integer::sum);
    }
    double p = 0;
    double r = 0;
    for (int i = 0; i < n; i++) {
      double shared = both.get(List.of(gold.get(i), predicted.get(i)));
      p += shared / predSize.get(predicted.get(i));
      r += shared / goldSize.get(gold.get(i));
    }
    p /= n;
    r /= n;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new BCubed(p, r, f, n);
  }
}

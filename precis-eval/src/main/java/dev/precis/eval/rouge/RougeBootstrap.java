package dev.precis.eval.rouge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The system average over many clusters as ROUGE-1.5.5 prints it: the mean of {@code -r} bootstrap
 * resamples and the {@code -c}% interval read from their sorted values. Resample {@code i} draws
 * with Perl's {@code srand(i)} and {@code rand()} (a 48-bit linear congruential generator,
 * drand48), over the clusters sorted by id, so the numbers are the script's exactly when the ids
 * sort the same way as the script's evaluation ids.
 */
public final class RougeBootstrap {
  private RougeBootstrap() {}

  /** A mean with its confidence interval. */
  public record Interval(double mean, double low, double high) {}

  /** Recall, precision and F averaged over clusters. */
  public record Average(Interval recall, Interval precision, Interval f1, int clusters) {}

  /** One cluster's score, named by the cluster id. */
  public record Instance(String id, RougeScore score) {}

  /**
   * Averages per-cluster scores the way the script does.
   *
   * @param instances one score per cluster (ids must be unique)
   * @param confidence {@code -c}, e.g. 95
   * @param resamples {@code -r}, e.g. 1000
   */
  public static Average average(List<Instance> instances, double confidence, int resamples) {
    List<Instance> sorted = new ArrayList<>(instances);
    sorted.sort(Comparator.comparing(Instance::id));
    int n = sorted.size();
    double[][] values = new double[3][n];
    for (int i = 0; i < n; i++) {
      RougeScore s = sorted.get(i).score();
      values[0][i] = s.recall();
      values[1][i] = s.precision();
      values[2][i] = s.f1();
    }
    double[][] samples = new double[3][resamples];
    for (int r = 0; r < resamples; r++) {
      PerlRandom random = new PerlRandom(r);
      double[] sum = new double[3];
      for (int i = 0; i < n; i++) {
        int pick = (int) random.nextDouble(n);
        for (int k = 0; k < 3; k++) {
          sum[k] = i == 0 ? values[k][pick] : sum[k] + values[k][pick];
        }
      }
      for (int k = 0; k < 3; k++) {
        samples[k][r] = n > 0 ? sum[k] / n : 0;
      }
    }
    double delta = resamples * ((100 - confidence) / 2.0) / 100.0;
    int upperA = (int) (resamples - delta - 1);
    int lowerA = (int) delta;
    double ratio = resamples - delta - 1 - upperA;
    Interval[] out = new Interval[3];
    for (int k = 0; k < 3; k++) {
      double[] s = samples[k];
      Arrays.sort(s);
      double total = 0;
      for (double v : s) {
        total += v;
      }
      double mean = Rouge.round5(total / resamples);
      double low = Rouge.round5(at(s, lowerA) + (at(s, lowerA + 1) - at(s, lowerA)) * ratio);
      double high = Rouge.round5(at(s, upperA) + (at(s, upperA + 1) - at(s, upperA)) * ratio);
      out[k] = new Interval(mean, low, high);
    }
    return new Average(out[0], out[1], out[2], n);
  }

  /** Perl reads past the end of an array as 0 (undef). */
  private static double at(double[] a, int i) {
    return i >= 0 && i < a.length ? a[i] : 0;
  }

  /** Perl's built-in drand48: {@code srand(seed)} then {@code rand(n)}. */
  static final class PerlRandom {
    private static final long MASK = (1L << 48) - 1;
    private long x;

    PerlRandom(long seed) {
      x = ((seed & 0xFFFFFFFFL) << 16) | 0x330EL;
    }

    double nextDouble(double n) {
      x = (x * 0x5DEECE66DL + 0xBL) & MASK;
      return n * (x / (double) (1L << 48));
    }
  }
}

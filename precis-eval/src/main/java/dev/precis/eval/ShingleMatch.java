package dev.precis.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric of the Scrapinghub article-extraction benchmark: each text becomes a bag of 4-token
 * shingles (tokens are {@code \w+} runs, case kept), true positives / false positives / false
 * negatives are counted per page and normalised to sum 1 so that long pages weigh no more than
 * short ones. Precision and recall are averaged over pages; F1 comes from the two averages.
 */
public final class ShingleMatch {
  private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  /**
   * Normalised counts for one page.
   *
   * @param tp shared shingles
   * @param fp shingles only in the prediction
   * @param fn shingles only in the truth
   */
  public record Counts(double tp, double fp, double fn) {
    /** Precision of this page, with the benchmark's conventions for empty texts. */
    public double precision() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp == 0 && fp == 0 ? 0 : tp / (tp + fp);
    }

    /** Recall of this page, with the benchmark's conventions for empty texts. */
    public double recall() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp == 0 && fn == 0 ? 0 : tp / (tp + fn);
    }
  }

  /**
   * Averages over pages.
   *
   * @param precision mean precision over pages with a non-empty prediction
   * @param recall mean recall over pages with a non-empty truth
   * @param f1 harmonic mean of the two averages
   * @param pages pages scored
   */
  public record Scores(double precision, double recall, double f1, int pages) {}

  private ShingleMatch() {}

  /** Compares a predicted text with the true one. */
  public static Counts compare(String truth, String prediction) {
    Map<List<String>, Integer> t = shingles(truth);
    Map<List<String>, Integer> p = shingles(prediction);
    Set<List<String>> keys = new HashSet<>(t.keySet());
    keys.addAll(p.keySet());
    double tp = 0;
    double fp = 0;
    double fn = 0;
    for (List<String> k : keys) {
      int tc = t.getOrDefault(k, 0);
      int pc = p.getOrDefault(k, 0);
      tp += Math.min(tc, pc);
      fp += Math.max(0, pc - tc);
      fn += Math.max(0, tc - pc);
    }
    double sum = tp + fp + fn;
    return sum > 0 ? new Counts(tp / sum, fp / sum, fn / sum) : new Counts(0, 0, 0);
  }

  /** Averages page counts the way the benchmark does. */
  public static Scores average(List<Counts> pages) {
    double p = 0;
    int np = 0;
    double r = 0;
    int nr = 0;
    for (Counts c : pages) {
      if (c.tp() + c.fp() > 0) {
        p += c.precision();
        np++;
      }
      if (c.tp() + c.fn() > 0) {
        r += c.recall();
        nr++;
      }
    }
    double precision = np == 0 ? 0 : p / np;
    double recall = nr == 0 ? 0 : r / nr;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new Scores(precision, recall, f1, pages.size());
  }

  /**
   * Half-widths of 95% confidence intervals for precision, recall and F1, from bootstrap resamples
   * of the pages (1.96 standard deviations, as the benchmark's own script reports).
   *
   * @param resamples how many resamples (the benchmark uses 1,000)
   * @param seed seed of the resampling, so that reruns print the same numbers
   * @return {precision, recall, f1} half-widths
   */
  public static double[] confidence(List<Counts> pages, int resamples, long seed) {
    java.util.Random random = new java.util.Random(seed);
    double[][] values = new double[3][resamples];
    int n = pages.size();
    for (int b = 0; b < resamples; b++) {
      List<Counts> sample = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        sample.add(pages.get(random.nextInt(n)));
      }
      Scores s = average(sample);
      values[0][b] = s.precision();
      values[1][b] = s.recall();
      values[2][b] = s.f1();
    }
    double[] out = new double[3];
    for (int k = 0; k < 3; k++) {
      out[k] = 1.96 * stdev(values[k]);
    }
    return out;
  }

  private static double stdev(double[] xs) {
    if (xs.length < 2) {
      return 0;
    }
    double mean = 0;
    for (double x : xs) {
      mean += x;
    }
    mean /= xs.length;
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (xs.length - 1));
  }

  /** The {@code \w+} tokens of a text. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = tokens(text);
    Map<List<String>, Integer> out = new HashMap<>();
    int last = Math.max(1, tokens.size() - N + 1);
    for (int i = 0; i < last; i++) {
      List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + N));
      if (!shingle.isEmpty()) {
        out.merge(List.copyOf(shingle), 1, Integer::sum);
      }
    }
    return out;
  }
}

package dev.precis.eval.vectors;

import dev.precis.text.analysis.Analyzer;
import dev.precis.text.analysis.TextVector;
import dev.precis.text.analysis.WordVectors;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Whether {@link WordVectors} add signal to TF-IDF for grouping articles of one event: over groups
 * of articles known to belong together (a Multi-News cluster, a story roundup), compares the cosine
 * of two articles of one group with that of two articles of different groups, for the TF-IDF
 * vectors of the story chain ({@link Analyzer#NEWS} terms, IDF over the evaluated articles), the
 * word vectors, and an equal-weight mix of both. Pairs: every same-group pair, and as many
 * different-group pairs drawn with a fixed seed.
 */
public final class WordVectorEvaluation {
  private WordVectorEvaluation() {}

  /** Measures on one dataset. */
  public record Result(
      int groups,
      int articles,
      int samePairs,
      Scores tfidf,
      Scores vectors,
      Scores mixed,
      double hardPairShare,
      double hardTfidfAuc,
      double hardVectorAuc,
      double vectorNanosPerArticle,
      double wordsPerArticle) {}

  /**
   * Mean cosines and the area under the ROC curve of one similarity.
   *
   * @param sameMean mean cosine of two articles of one group
   * @param differentMean mean cosine of two articles of different groups
   * @param auc probability that a same-group pair scores above a different-group pair
   */
  public record Scores(double sameMean, double differentMean, double auc) {}

  /**
   * Evaluates on {@code groups}, each a list of article texts (groups of one add only negatives).
   */
  public static Result evaluate(List<List<String>> groups, WordVectors table, long seed) {
    List<Integer> groupOf = new ArrayList<>();
    List<List<String>> words = new ArrayList<>();
    List<Map<String, Integer>> terms = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (String text : groups.get(g)) {
        groupOf.add(g);
        words.add(Analyzer.NEWS.words(text));
        Map<String, Integer> tf = new HashMap<>();
        for (String t : Analyzer.NEWS.terms(text)) {
          tf.merge(t, 1, Integer::sum);
        }
        terms.add(tf);
        tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
      }
    }
    int n = words.size();
    List<Map<String, Double>> tfidf = new ArrayList<>(n);
    for (Map<String, Integer> tf : terms) {
      tfidf.add(unitTfidf(tf, df, n));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    TextVector[] vectors = new TextVector[n];
    long totalWords = 0;
    long start = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      vectors[i] = table.of(words.get(i));
    }
    long nanos = cpu.getCurrentThreadCpuTime() - start;
    for (List<String> w : words) {
      totalWords += w.size();
    }

    List<int[]> same = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n && groupOf.get(j).equals(groupOf.get(i)); j++) {
        same.add(new int[] {i, j});
      }
    }
    Random random = new Random(seed);
    List<int[]> different = new ArrayList<>();
    while (different.size() < same.size()) {
      int i = random.nextInt(n);
      int j = random.nextInt(n);
      if (!groupOf.get(i).equals(groupOf.get(j))) {
        different.add(new int[] {i, j});
      }
    }
    double[][] sameScores = scores(same, tfidf, vectors);
    double[][] differentScores = scores(different, tfidf, vectors);
    double[] sameMixed = mix(sameScores);
    double[] differentMixed = mix(differentScores);
    // the pairs the issue is about: one event, few shared words (TF-IDF cosine under 0.1)
    List<Double> hardTfidf = new ArrayList<>();
    List<Double> hardVector = new ArrayList<>();
    for (int p = 0; p < same.size(); p++) {
      if (sameScores[0][p] < 0.1) {
        hardTfidf.add(sameScores[0][p]);
        hardVector.add(sameScores[1][p]);
      }
    }
    return new Result(
        groups.size(),
        n,
        same.size(),
        scoresOf(sameScores[0], differentScores[0]),
        scoresOf(sameScores[1], differentScores[1]),
        scoresOf(sameMixed, differentMixed),
        (double) hardTfidf.size() / Math.max(1, same.size()),
        auc(toArray(hardTfidf), differentScores[0]),
        auc(toArray(hardVector), differentScores[1]),
        (double) nanos / Math.max(1, n),
        (double) totalWords / Math.max(1, n));
  }

  private static Map<String, Double> unitTfidf(
      Map<String, Integer> tf, Map<String, Integer> df, int n) {
    Map<String, Double> v = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      double w = (1 + Math.log(e.getValue())) * Math.log((double) n / df.get(e.getKey()));
      v.put(e.getKey(), w);
      norm += w * w;
    }
    double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
    v.replaceAll((k, w) -> w * inv);
    return v;
  }

  private static double[][] scores(
      List<int[]> pairs, List<Map<String, Double>> tfidf, TextVector[] vectors) {
    double[][] out = new double[2][pairs.size()];
    for (int p = 0; p < pairs.size(); p++) {
      int i = pairs.get(p)[0];
      int j = pairs.get(p)[1];
      out[0][p] = dot(tfidf.get(i), tfidf.get(j));
      out[1][p] = vectors[i].cosine(vectors[j]);
    }
    return out;
  }

  private static double dot(Map<String, Double> a, Map<String, Double> b) {
    if (a.size() > b.size()) {
      return dot(b, a);
    }
    double s = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double w = b.get(e.getKey());
      if (w != null) {
        s += e.getValue() * w;
      }
    }
    return s;
  }

  private static double[] mix(double[][] scores) {
    double[] out = new double[scores[0].length];
    for (int p = 0; p < out.length; p++) {
      out[p] = (scores[0][p] + scores[1][p]) / 2;
    }
    return out;
  }

  private static Scores scoresOf(double[] same, double[] different) {
    return new Scores(mean(same), mean(different), auc(same, different));
  }

  private static double mean(double[] x) {
    return Arrays.stream(x).average().orElse(Double.NaN);
  }

  private static double[] toArray(List<Double> x) {
    return x.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Mann-Whitney: the probability that a positive outscores a negative, ties counting half. */
  static double auc(double[] positives, double[] negatives) {
    if (positives.length == 0 || negatives.length == 0) {
      return Double.NaN;
    }
    double[] neg = negatives.clone();
    Arrays.sort(neg);
    double wins = 0;
    for (double p : positives) {
      int below = lowerBound(neg, p);
      int notAbove = upperBound(neg, p);
      wins += below + 0.5 * (notAbove - below);
    }
    return wins / ((double) positives.length * neg.length);
  }

  private static int lowerBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

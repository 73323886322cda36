package dev.precis.eval;

import dev.precis.eval.CitationTraining.Bag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Five-fold cross-validation of the citation model inside the tune half, for choosing features
 * without the report half: the model is fitted as {@code eval-citations --train} fits it ({@link
 * CitationTraining#multipleInstance}) on four folds and scores the fifth. Folds are contiguous
 * blocks of the labelled (sentence, article) pairs in label order, so a summary sentence's pairs
 * stay together but at the four block edges. The measures are over the pooled out-of-fold bag
 * scores (a bag's score: its best candidate's linear score; a bag without candidates ranks last):
 * average precision, and the highest recall at a rank where precision is at least 0.95 or 0.90.
 *
 * <pre>{@code
 * CitationCrossValidation.Result r = new CitationCrossValidation(eval).run(items, new int[0]);
 * }</pre>
 */
public final class CitationCrossValidation {

  static final int FOLDS = 5;

  private final CitationEvaluation eval;

  public CitationCrossValidation(CitationEvaluation eval) {
    this.eval = eval;
  }

  /**
   * What the cross-validation measured.
   *
   * @param features feature columns used
   * @param bags labelled pairs
   * @param positives pairs labelled as supporting
   */
  public record Result(
      int features,
      int bags,
      int positives,
      double averagePrecision,
      double recallAt95,
      double recallAt90) {}

  /**
   * Cross-validates on the tune half of {@code items} (the report half is never read), leaving out
   * the feature columns {@code drop} (negative: counted from the end, -1 the last).
   */
  public Result run(List<CitationEvaluation.Item> items, int[] drop) {
    return crossValidate(withoutColumns(new CitationTraining(eval).tuneBags(items), drop));
  }

  static Result crossValidate(List<Bag> bags) {
    double[] scores = outOfFoldScores(bags);
    boolean[] labels = labels(bags);
    int width =
        bags.stream()
            .filter(b -> b.candidates().length > 0)
            .mapToInt(b -> b.candidates()[0].length)
            .findFirst()
            .orElse(0);
    int positives = 0;
    for (boolean y : labels) {
      positives += y ? 1 : 0;
    }
    return new Result(
        width,
        bags.size(),
        positives,
        averagePrecision(scores, labels),
        recallAtPrecision(scores, labels, 0.95),
        recallAtPrecision(scores, labels, 0.90));
  }

  /** The fold of the {@code i}-th of {@code n} bags: contiguous blocks of near-equal size. */
  static int fold(int i, int n) {
    return (int) ((long) i * FOLDS / n);
  }

  /** Each bag's score by the model fitted on the other folds (-infinity: no candidate). */
  static double[] outOfFoldScores(List<Bag> bags) {
    int n = bags.size();
    double[] scores = new double[n];
    Arrays.fill(scores, Double.NEGATIVE_INFINITY);
    for (int f = 0; f < FOLDS; f++) {
      List<Bag> train = new ArrayList<>();
      int width = 0;
      for (int i = 0; i < n; i++) {
        if (fold(i, n) != f) {
          train.add(bags.get(i));
        }
        if (bags.get(i).candidates().length > 0) {
          width = bags.get(i).candidates()[0].length;
        }
      }
      double[] w = CitationTraining.multipleInstance(train, width);
      if (w == null) {
        continue; // no training bag has a candidate
      }
      for (int i = 0; i < n; i++) {
        if (fold(i, n) == f) {
          for (double[] c : bags.get(i).candidates()) {
            double s = w[0];
            for (int j = 0; j < c.length; j++) {
              s += w[j + 1] * c[j];
            }
            scores[i] = Math.max(scores[i], s);
          }
        }
      }
    }
    return scores;
  }

  static boolean[] labels(List<Bag> bags) {
    boolean[] y = new boolean[bags.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = bags.get(i).supports();
    }
    return y;
  }

  /** Indexes by descending score; ties keep their order. */
  private static int[] ranking(double[] scores) {
    return IntStream.range(0, scores.length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -scores[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static int positives(boolean[] labels) {
    int n = 0;
    for (boolean y : labels) {
      n += y ? 1 : 0;
    }
    return n;
  }

  /** The mean, over the positives, of the precision at each positive's rank (0: no positive). */
  static double averagePrecision(double[] scores, boolean[] labels) {
    int positives = positives(labels);
    if (positives == 0) {
      return 0;
    }
    int hits = 0;
    double sum = 0;
    int rank = 0;
    for (int i : ranking(scores)) {
      rank++;
      if (labels[i]) {
        hits++;
        sum += (double) hits / rank;
      }
    }
    return sum / positives;
  }

  /** The highest recall at a rank whose precision is at least {@code floor} (0: none). */
  static double recallAtPrecision(double[] scores, boolean[] labels, double floor) {
    int positives = positives(labels);
    if (positives == 0) {
      return 0;
    }
    int hits = 0;
    int rank = 0;
    double best = 0;
    for (int i : ranking(scores)) {
      rank++;
      hits += labels[i] ? 1 : 0;
      if ((double) hits / rank >= floor) {
        best = Math.max(best, (double) hits / positives);
      }
    }
    return best;
  }

  /**
   * The highest precision at a rank whose recall is at least {@code floor} (0: never reached); bags
   * scored negative infinity (no candidate) are never reached.
   */
  static double precisionAtRecall(double[] scores, boolean[] labels, double floor) {
    int positives = positives(labels);
    int hits = 0;
    int rank = 0;
    double best = 0;
    for (int i : ranking(scores)) {
      if (scores[i] == Double.NEGATIVE_INFINITY) {
        break;
      }
      rank++;
      hits += labels[i] ? 1 : 0;
      if ((double) hits / positives >= floor) {
        best = Math.max(best, (double) hits / rank);
      }
    }
    return best;
  }

  /** The bags without some feature columns (negative: from the end). */
  static List<Bag> withoutColumns(List<Bag> bags, int[] drop) {
    if (drop.length == 0) {
      return bags;
    }
    List<Bag> out = new ArrayList<>();
    for (Bag b : bags) {
      double[][] c = new double[b.candidates().length][];
      for (int k = 0; k < c.length; k++) {
        double[] f = b.candidates()[k];
        int width = f.length;
        c[k] =
            IntStream.range(0, width)
                .filter(j -> Arrays.stream(drop).noneMatch(x -> x == j || x + width == j))
                .mapToDouble(j -> f[j])
                .toArray();
      }
      out.add(new Bag(b.supports(), c));
    }
    return out;
  }
}

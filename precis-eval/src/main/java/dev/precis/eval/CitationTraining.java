package dev.precis.eval;

import dev.precis.summarize.CitationFinder;
import dev.precis.summarize.CitationModel;
import dev.precis.text.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits {@link CitationModel} on the tune half of the citation labels, the way {@link
 * CitationFinder} uses it (multiple-instance learning): each labelled (sentence, article) pair is
 * the bag of the article's candidates (sentences and adjacent pairs sharing two content words), the
 * finder keeps the article's best-judged candidate, so each bag is represented by its best
 * candidate under the current model, the model is refitted on those, and this repeats until the
 * choice is stable (start: the candidate covering the largest share of both sides' weight).
 *
 * <p>The model is an L2-regularised logistic regression on standardised features, solved by
 * Newton's method (deterministic), folded back into weights over the raw features. The threshold is
 * the one with the highest tune recall at tune precision {@code >= minPrecision} (else the best
 * F0.5). The report half is never read here.
 *
 * <pre>{@code
 * CitationModel m = new CitationTraining(eval).train(items, 0.95);
 * }</pre>
 */
public final class CitationTraining {

  /** L2 penalty per example on the standardised weights (not the bias). */
  static final double L2 = 0.01;

  private final CitationEvaluation eval;

  public CitationTraining(CitationEvaluation eval) {
    this.eval = eval;
  }

  /** One labelled (sentence, article) pair: its candidates' features (none: never cited). */
  record Bag(boolean supports, double[][] candidates) {}

  /** The bags of the tune half of {@code items}, under the finder's candidate rule. */
  List<Bag> tuneBags(List<CitationEvaluation.Item> items) {
    CitationFinder finder = new CitationFinder();
    List<Bag> bags = new ArrayList<>();
    for (CitationEvaluation.Item item : items) {
      if (!item.split().equals("tune")) {
        continue; // the report half is never fitted on
      }
      List<Document> docs = eval.documents(item.set(), item.cluster());
      List<List<double[]>> f =
          finder.index(docs).candidateFeatures(CitationEvaluation.locate(docs, item));
      for (int d : item.others().stream().sorted().toList()) {
        List<double[]> c = d < f.size() ? f.get(d) : List.of();
        bags.add(new Bag(item.supports().contains(d), c.toArray(new double[0][])));
      }
    }
    return bags;
  }

  /** Fits the model and chooses its threshold on the tune half of {@code items}. */
  public CitationModel train(List<CitationEvaluation.Item> items, double minPrecision) {
    return fit(tuneBags(items), minPrecision);
  }

  static CitationModel fit(List<Bag> bags, double minPrecision) {
    int n = CitationModel.features().size();
    double[] w = multipleInstance(bags, n);
    CitationModel model = new CitationModel(w[0], Arrays.copyOfRange(w, 1, n + 1), 0.5);
    return model.withThreshold(threshold(bags, model, minPrecision));
  }

  /**
   * The multiple-instance fit: bias then weights over the {@code n} raw features, each bag
   * represented by its best candidate under the current weights until the choice is stable. Bags
   * without candidates are left out.
   */
  static double[] multipleInstance(List<Bag> bags, int n) {
    double[] w = null;
    int[] chosen = null;
    for (int round = 0; round < 20; round++) {
      int[] pick = new int[bags.size()];
      for (int b = 0; b < bags.size(); b++) {
        pick[b] = best(bags.get(b).candidates(), w);
      }
      if (Arrays.equals(pick, chosen)) {
        break;
      }
      chosen = pick;
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      for (int b = 0; b < bags.size(); b++) {
        if (pick[b] >= 0) {
          x.add(bags.get(b).candidates()[pick[b]]);
          y.add(bags.get(b).supports());
        }
      }
      w = logistic(x, y, n);
    }
    return w;
  }

  /** The candidate with the highest linear score (before any model: the most weight covered). */
  static int best(double[][] candidates, double[] w) {
    int best = -1;
    double top = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < candidates.length; k++) {
      double[] f = candidates[k];
      double s = 0;
      if (w == null) {
        s = f[0] + f[1];
      } else {
        for (int j = 0; j < f.length; j++) {
          s += w[j + 1] * f[j];
        }
      }
      if (s > top) {
        top = s;
        best = k;
      }
    }
    return best;
  }

  /** Bias then weights over the raw features, fitted on standardised ones by Newton's method. */
  static double[] logistic(List<double[]> x, List<Boolean> y, int n) {
    int m = x.size();
    double[] mean = new double[n];
    double[] scale = new double[n];
    for (double[] f : x) {
      for (int j = 0; j < n; j++) {
        mean[j] += f[j] / m;
      }
    }
    for (double[] f : x) {
      for (int j = 0; j < n; j++) {
        scale[j] += (f[j] - mean[j]) * (f[j] - mean[j]) / m;
      }
    }
    for (int j = 0; j < n; j++) {
      scale[j] = scale[j] <= 1e-12 ? 1 : Math.sqrt(scale[j]);
    }
    double[][] z = new double[m][n + 1];
    for (int i = 0; i < m; i++) {
      z[i][0] = 1;
      for (int j = 0; j < n; j++) {
        z[i][j + 1] = (x.get(i)[j] - mean[j]) / scale[j];
      }
    }
    double[] v = new double[n + 1];
    for (int iter = 0; iter < 100; iter++) {
      double[] grad = new double[n + 1];
      double[][] hess = new double[n + 1][n + 1];
      for (int i = 0; i < m; i++) {
        double p = 1 / (1 + Math.exp(-dot(z[i], v)));
        double r = p - (y.get(i) ? 1 : 0);
        double s = p * (1 - p);
        for (int a = 0; a <= n; a++) {
          grad[a] += r * z[i][a] / m;
          for (int b = 0; b <= n; b++) {
            hess[a][b] += s * z[i][a] * z[i][b] / m;
          }
        }
      }
      for (int a = 1; a <= n; a++) {
        grad[a] += L2 * v[a];
        hess[a][a] += L2;
      }
      hess[0][0] += 1e-9;
      double[] step = LinearSystem.solve(hess, grad);
      double change = 0;
      for (int a = 0; a <= n; a++) {
        v[a] -= step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-9) {
        break;
      }
    }
    double[] out = new double[n + 1];
    out[0] = v[0];
    for (int j = 0; j < n; j++) {
      out[j + 1] = v[j + 1] / scale[j];
      out[0] -= v[j + 1] * mean[j] / scale[j];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** The bag's score as the finder computes it: its best candidate's probability (0: none). */
  private static double score(Bag bag, CitationModel model) {
    double best = 0;
    for (double[] f : bag.candidates()) {
      best = Math.max(best, model.probability(f));
    }
    return best;
  }

  /** Highest tune recall at tune precision {@code >= floor}; else the best F0.5. */
  static double threshold(List<Bag> bags, CitationModel model, double floor) {
    return threshold(bags, bags.stream().mapToDouble(b -> score(b, model)).toArray(), floor);
  }

  /**
   * Highest recall at precision {@code >= floor} over bags with these scores (one per bag, in
   * order); else the best F0.5. Thresholds 0.05 to 0.995 in steps of 0.005.
   */
  static double threshold(List<Bag> bags, double[] scores, double floor) {
    long positives = bags.stream().filter(Bag::supports).count();
    double bestT = 0.5;
    double[] bestKey = null;
    for (int step = 10; step <= 199; step++) {
      double t = step * 0.005;
      int tp = 0;
      int fp = 0;
      for (int b = 0; b < bags.size(); b++) {
        if (scores[b] >= t) {
          tp += bags.get(b).supports() ? 1 : 0;
          fp += bags.get(b).supports() ? 0 : 1;
        }
      }
      double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double r = positives == 0 ? 0 : (double) tp / positives;
      double f05 = p + r == 0 ? 0 : 1.25 * p * r / (0.25 * p + r);
      double[] key = {p >= floor ? 1 : 0, p >= floor ? r : f05};
      if (bestKey == null || Arrays.compare(key, bestKey) > 0) {
        bestKey = key;
        bestT = t;
      }
    }
    return bestT;
  }
}

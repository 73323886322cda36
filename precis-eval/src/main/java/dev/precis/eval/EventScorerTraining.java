package dev.precis.eval;

import dev.precis.model.Article;
import dev.precis.story.EventExamples;
import dev.precis.story.EventScorer;
import dev.precis.story.StoryOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains {@link EventScorer}: a logistic regression, fitted by Newton's method with a small L2
 * penalty (deterministic, no learning rate), on the candidate events of the tune streams ({@link
 * EventExamples}); then the joining probability with the best mean event B-cubed F1 over those same
 * tune streams. Streams are weighted equally, however many articles each has.
 */
public final class EventScorerTraining {
  /** L2 penalty on the weights (not the bias), per example. */
  static final double L2 = 1e-4;

  static final int ITERATIONS = 25;

  /** Joining probabilities tried. */
  static final double[] THRESHOLDS = {
    0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85
  };

  private EventScorerTraining() {}

  /**
   * Fits the scorer on the streams and chooses its joining probabilities on them (the dated model's
   * on the streams of dated articles, the undated model's on the others); logs progress.
   */
  public static EventScorer train(
      List<DevStoryStreams.Named> streams, StoryOptions options, Consumer<String> log) {
    List<List<double[]>> x = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Boolean>> y = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> weight = List.of(new ArrayList<>(), new ArrayList<>());
    boolean[] datedStream = new boolean[streams.size()];
    for (int k = 0; k < streams.size(); k++) {
      DevStoryStreams.Named n = streams.get(k);
      Map<String, String> gold = new HashMap<>();
      List<Article> articles = new ArrayList<>();
      int dated = 0;
      for (LabeledStream.Item it : n.items()) {
        gold.put(it.article().id(), it.event());
        articles.add(it.article());
        dated += it.article().published() != null ? 1 : 0;
      }
      datedStream[k] = 2 * dated >= articles.size();
      List<EventExamples.Example> ex = EventExamples.collect(articles, gold::get, options);
      int[] perModel = new int[2];
      for (EventExamples.Example e : ex) {
        perModel[e.timed() ? 0 : 1]++;
      }
      int positives = 0;
      for (EventExamples.Example e : ex) {
        int m = e.timed() ? 0 : 1;
        x.get(m).add(e.features());
        y.get(m).add(e.sameEvent());
        weight.get(m).add(1.0);
        positives += e.sameEvent() ? 1 : 0;
      }
      log.accept(
          String.format(
              Locale.ROOT,
              "%-26s %d candidates, %d of the gold event",
              n.name(),
              ex.size(),
              positives));
    }
    double[][] beta = {fit(x.get(0), y.get(0), weight.get(0)), fit(x.get(1), y.get(1), weight.get(1))};
    double[] bestF1 = {-1, -1};
    double[] bestT = {0.5, 0.5};
    for (double t : THRESHOLDS) {
      EventScorer s = new EventScorer(model(beta[0], t), model(beta[1], t));
      double[] sum = new double[2];
      int[] count = new int[2];
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "p>=%.2f", t));
      for (int k = 0; k < streams.size(); k++) {
        DevStoryStreams.Named n = streams.get(k);
        double f1 = StoryStreamEvaluation.runLabeled(n.items(), options.withScorer(s)).events().f1();
        int m = datedStream[k] ? 0 : 1;
        sum[m] += f1;
        count[m]++;
        line.append(String.format(Locale.ROOT, "  %s %.4f", n.name(), f1));
      }
      log.accept(line.toString());
      for (int m = 0; m < 2; m++) {
        double mean = count[m] == 0 ? 0 : sum[m] / count[m];
        if (mean > bestF1[m]) {
          bestF1[m] = mean;
          bestT[m] = t;
        }
      }
    }
    return new EventScorer(model(beta[0], bestT[0]), model(beta[1], bestT[1]));
  }

  private static EventScorer.Model model(double[] beta, double threshold) {
    return new EventScorer.Model(
        java.util.Arrays.copyOfRange(beta, 1, beta.length), beta[0], threshold);
  }

  /** Weighted L2-penalised logistic regression; returns bias then weights. */
  static double[] fit(List<double[]> x, List<Boolean> y, List<Double> weight) {
    int d = EventScorer.FEATURES.size() + 1;
    if (x.isEmpty()) {
      return new double[d];
    }
    double total = 0;
    for (double w : weight) {
      total += w;
    }
    double[] beta = new double[d];
    double[] row = new double[d];
    for (int iter = 0; iter < ITERATIONS; iter++) {
      double[] grad = new double[d];
      double[][] hess = new double[d][d];
      for (int i = 0; i < x.size(); i++) {
        row[0] = 1;
        System.arraycopy(x.get(i), 0, row, 1, d - 1);
        double z = 0;
        for (int k = 0; k < d; k++) {
          z += beta[k] * row[k];
        }
        double p = 1 / (1 + Math.exp(-z));
        double w = weight.get(i) / total;
        double err = (y.get(i) ? 1 : 0) - p;
        double curv = w * Math.max(p * (1 - p), 1e-9);
        for (int a = 0; a < d; a++) {
          grad[a] += w * err * row[a];
          for (int b = a; b < d; b++) {
            hess[a][b] += curv * row[a] * row[b];
          }
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < a; b++) {
          hess[a][b] = hess[b][a];
        }
        if (a > 0) {
          grad[a] -= L2 * beta[a];
          hess[a][a] += L2;
        } else {
          hess[a][a] += 1e-12;
        }
      }
      double[] step = solve(hess, grad);
      double change = 0;
      for (int k = 0; k < d; k++) {
        beta[k] += step[k];
        change = Math.max(change, Math.abs(step[k]));
      }
      if (change < 1e-7) {
        break;
      }
    }
    return beta;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = java.util.Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      if (Math.abs(m[c][c]) < 1e-15) {
        continue;
      }
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] out = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * out[k];
      }
      out[r] = Math.abs(m[r][r]) < 1e-15 ? 0 : s / m[r][r];
    }
    return out;
  }
}

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
 * EventExamples}), one model for each of {@link EventScorer#MODELS}; then each model's joining
 * probability with the best mean event B-cubed F1 over the tune streams whose articles it scores.
 */
public final class EventScorerTraining {
  /** L2 penalty on the weights (not the bias), per example. */
  static final double L2 = 1e-4;

  static final int ITERATIONS = 25;

  /** Joining probabilities tried. */
  static final double[] THRESHOLDS = {
    0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85
  };

  private EventScorerTraining() {}

  /**
   * Fits the scorer on the streams and chooses its joining probabilities on them (the dated model's
   * on the streams of dated articles, the undated model's on the others); logs progress.
   */
  public static EventScorer train(
      List<DevStoryStreams.Named> streams, StoryOptions options, Consumer<String> log) {
    int models = EventScorer.MODELS.size();
    List<List<double[]>> x = new ArrayList<>();
    List<List<Boolean>> y = new ArrayList<>();
    for (int m = 0; m < models; m++) {
      x.add(new ArrayList<>());
      y.add(new ArrayList<>());
    }
    // the model most of a stream's articles use: its threshold is chosen on such streams
    int[] streamModel = new int[streams.size()];
    for (int k = 0; k < streams.size(); k++) {
      DevStoryStreams.Named n = streams.get(k);
      Map<String, String> gold = new HashMap<>();
      List<Article> articles = new ArrayList<>();
      int[] uses = new int[models];
      for (LabeledStream.Item it : n.items()) {
        Article a = it.article();
        gold.put(a.id(), it.event());
        articles.add(a);
        uses[EventScorer.index(a.published() != null, a.title() != null && !a.title().isBlank())]++;
      }
      for (int m = 1; m < models; m++) {
        if (uses[m] > uses[streamModel[k]]) {
          streamModel[k] = m;
        }
      }
      int positives = 0;
      List<EventExamples.Example> ex = EventExamples.collect(articles, gold::get, options);
      for (EventExamples.Example e : ex) {
        x.get(e.model()).add(e.features());
        y.get(e.model()).add(e.sameEvent());
        positives += e.sameEvent() ? 1 : 0;
      }
      log.accept(
          String.format(
              Locale.ROOT,
              "%-26s %d candidates, %d of the gold event; model %s",
              n.name(),
              ex.size(),
              positives,
              EventScorer.MODELS.get(streamModel[k])));
    }
    double[][] beta = new double[models][];
    for (int m = 0; m < models; m++) {
      beta[m] = fit(x.get(m), y.get(m));
    }
    double[] bestF1 = new double[models];
    double[] bestT = new double[models];
    java.util.Arrays.fill(bestF1, -1);
    java.util.Arrays.fill(bestT, 0.5);
    for (double t : THRESHOLDS) {
      EventScorer s = scorer(beta, new double[] {t, t, t, t});
      double[] sum = new double[models];
      int[] count = new int[models];
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "p>=%.2f", t));
      for (int k = 0; k < streams.size(); k++) {
        DevStoryStreams.Named n = streams.get(k);
        double f1 =
            StoryStreamEvaluation.runLabeled(n.items(), options.withScorer(s)).events().f1();
        sum[streamModel[k]] += f1;
        count[streamModel[k]]++;
        line.append(String.format(Locale.ROOT, "  %s %.4f", n.name(), f1));
      }
      log.accept(line.toString());
      for (int m = 0; m < models; m++) {
        double mean = count[m] == 0 ? 0 : sum[m] / count[m];
        if (mean > bestF1[m]) {
          bestF1[m] = mean;
          bestT[m] = t;
        }
      }
    }
    return scorer(beta, bestT);
  }

  private static EventScorer scorer(double[][] beta, double[] thresholds) {
    return new EventScorer(
        model(beta[0], thresholds[0]),
        model(beta[1], thresholds[1]),
        model(beta[2], thresholds[2]),
        model(beta[3], thresholds[3]));
  }

  private static EventScorer.Model model(double[] beta, double threshold) {
    return new EventScorer.Model(
        java.util.Arrays.copyOfRange(beta, 1, beta.length), beta[0], threshold);
  }

  /** Weighted L2-penalised logistic regression; returns bias then weights. */
  static double[] fit(List<double[]> x, List<Boolean> y) {
    int d = EventScorer.FEATURES.size() + 1;
    if (x.isEmpty()) {
      return new double[d];
    }
    double total = x.size();
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
        double w = 1 / total;
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
      double[] step = LinearSystem.solve(hess, grad);
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
}

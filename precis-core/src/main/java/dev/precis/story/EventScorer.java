package dev.precis.story;

import dev.precis.model.ShippedResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How likely an article reports the same happening as an open event: a logistic regression over
 * what tells two events apart when their words are alike (content similarity to the event and to
 * its closest member, how far apart in time, the kind of happening, the tolls reported, the names
 * shared). Each candidate is judged on its own, not against the other candidates, so a small input
 * with one open event is judged as a large stream would be. It replaces hand-set thresholds: the
 * clusterer joins an article to its most probable candidate event when that probability reaches the
 * model's threshold. Articles have a model for each of what they come with: a publication time or
 * not (without a date the text alone must keep same-topic events apart), a title or not (title
 * words weigh in an article's vector, which shifts its similarities).
 *
 * <p>The shipped weights ({@link #learned()}) are trained by {@code precis eval-stories --dev
 * ../shared/data --train-scorer FILE} on the tune part of the development streams only.
 *
 * <pre>{@code
 * StoryOptions o = StoryOptions.defaults().withScorer(EventScorer.learned());
 * }</pre>
 *
 * @param datedTitled the model for articles with a publication time and a title
 * @param dated for articles with a publication time and no title
 * @param undatedTitled for articles with a title and no publication time
 * @param undated for articles with neither
 */
public record EventScorer(Model datedTitled, Model dated, Model undatedTitled, Model undated) {

  /** Names of the models, in the order of the components (as the scorer file names them). */
  public static final List<String> MODELS =
      List.of("dated-titled", "dated", "undated-titled", "undated");

  /**
   * One logistic regression.
   *
   * @param weights one weight per {@link #FEATURES} entry
   * @param bias the intercept
   * @param threshold the least probability with which an article joins an event
   */
  public record Model(double[] weights, double bias, double threshold) {
    public Model {
      weights = weights.clone();
      if (weights.length != FEATURES.size()) {
        throw new IllegalArgumentException(
            "event scorer needs " + FEATURES.size() + " weights, got " + weights.length);
      }
      if (!(threshold > 0 && threshold < 1)) {
        throw new IllegalArgumentException("event scorer threshold must be in (0, 1)");
      }
    }

    @Override
    public double[] weights() {
      return weights.clone();
    }

    /** The probability that the article of these features belongs to the event. */
    public double probability(double[] features) {
      double z = bias;
      for (int i = 0; i < weights.length; i++) {
        z += weights[i] * features[i];
      }
      return 1 / (1 + Math.exp(-z));
    }

    /** This model joining at another probability. */
    public Model withThreshold(double t) {
      return new Model(weights, bias, t);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Model m
          && Arrays.equals(weights, m.weights)
          && bias == m.bias
          && threshold == m.threshold;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(weights) * 31 + Double.hashCode(bias) * 7 + Double.hashCode(threshold);
    }

    @Override
    public String toString() {
      return "Model[bias=" + bias + ", threshold=" + threshold + "]";
    }
  }

  /** Names of the features, in the order of {@link Model#weights}. */
  public static final List<String> FEATURES =
      List.of(
          "cosine",
          "sqrt_cosine",
          "cosine_x_publication_decay",
          "cosine_x_day_decay",
          "cosine_x_decay",
          "decay",
          "same_day",
          "undated",
          "cosine_x_undated",
          "toll_conflict",
          "toll_agree",
          "kind_conflict",
          "kind_agree",
          "name_overlap",
          "cosine_x_name_overlap",
          "log_event_size",
          "closest_member",
          "titled",
          "cosine_x_titled",
          "decay_x_titled",
          "gap_days",
          "title_overlap",
          "same_day_late",
          "shared_numbers",
          "shared_quotes");

  /** Position of {@code toll_conflict} in {@link #FEATURES}. */
  static final int TOLL_CONFLICT = 9;

  /** Position of {@code kind_conflict} in {@link #FEATURES}. */
  static final int KIND_CONFLICT = 11;

  /** Longest gap the {@code gap_days} feature counts. */
  static final double MAX_GAP_DAYS = 30;

  /** Where the shipped weights are (a text resource beside this class). */
  public static final String RESOURCE = "event-scorer.txt";

  /** The model for an article with or without a publication time and a title. */
  public Model model(boolean timed, boolean titled) {
    return models().get(index(timed, titled));
  }

  /** Position in {@link #MODELS} of the model of such an article. */
  public static int index(boolean timed, boolean titled) {
    return (timed ? 0 : 2) + (titled ? 0 : 1);
  }

  /** The models in the order of {@link #MODELS}. */
  public List<Model> models() {
    return List.of(datedTitled, dated, undatedTitled, undated);
  }

  /** The shipped scorer, trained on the tune part of the development streams. */
  public static EventScorer learned() {
    return Shipped.SCORER;
  }

  private static final class Shipped {
    static final EventScorer SCORER = load();

    private static EventScorer load() {
      return ShippedResource.load(EventScorer.class, RESOURCE, EventScorer::read);
    }
  }

  /**
   * Reads a scorer written by {@link #write()}: lines {@code model.name value} ({@code model} is
   * {@code dated} or {@code undated}; {@code name} is {@code bias}, {@code threshold} or a
   * feature), {@code #} comments.
   */
  public static EventScorer read(InputStream in) throws IOException {
    int n = FEATURES.size();
    int k = MODELS.size();
    double[][] w = new double[k][n];
    double[][] fixed = new double[k][2];
    for (double[] f : fixed) {
      Arrays.fill(f, Double.NaN);
    }
    boolean[][] seen = new boolean[k][n];
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      int dot = parts[0].indexOf('.');
      int m = dot < 0 ? -1 : MODELS.indexOf(parts[0].substring(0, dot));
      if (parts.length != 2 || m < 0) {
        throw new IOException("event scorer: cannot read line '" + line + "'");
      }
      String name = parts[0].substring(dot + 1);
      double v = Double.parseDouble(parts[1]);
      switch (name) {
        case "bias" -> fixed[m][0] = v;
        case "threshold" -> fixed[m][1] = v;
        default -> {
          int at = FEATURES.indexOf(name);
          if (at < 0) {
            throw new IOException("event scorer: unknown feature '" + name + "'");
          }
          w[m][at] = v;
          seen[m][at] = true;
        }
      }
    }
    Model[] models = new Model[k];
    for (int m = 0; m < k; m++) {
      for (int i = 0; i < n; i++) {
        if (!seen[m][i]) {
          throw new IOException(
              "event scorer: no weight for '" + MODELS.get(m) + "." + FEATURES.get(i) + "'");
        }
      }
      if (Double.isNaN(fixed[m][0]) || Double.isNaN(fixed[m][1])) {
        throw new IOException("event scorer: each model needs 'bias' and 'threshold'");
      }
      models[m] = new Model(w[m], fixed[m][0], fixed[m][1]);
    }
    return new EventScorer(models[0], models[1], models[2], models[3]);
  }

  /** This scorer as text that {@link #read} reads back. */
  public String write() {
    List<String> lines = new ArrayList<>();
    List<Model> models = models();
    for (int m = 0; m < models.size(); m++) {
      String name = MODELS.get(m);
      lines.add(name + ".bias " + format(models.get(m).bias()));
      lines.add(name + ".threshold " + format(models.get(m).threshold()));
      for (int i = 0; i < FEATURES.size(); i++) {
        lines.add(name + "." + FEATURES.get(i) + " " + format(models.get(m).weights[i]));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}

package dev.precis.summarize;

import dev.precis.model.ShippedResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The learned judge of {@link CitationFinder}: a logistic model over the named features of a
 * (summary sentence, candidate sentence) pair, and the lowest probability cited.
 *
 * <p>The shipped model is the text resource {@value #RESOURCE} beside this class, written by {@code
 * ./precis eval-citations --train FILE} (fitted on the tune half of datasets/citations, threshold
 * chosen there; README "Citations"): lines {@code name value}, {@code #} comments, {@code bias},
 * {@code threshold}, then one weight per feature of {@link CitationEvidence#FEATURES}.
 *
 * <pre>{@code
 * CitationModel m = CitationModel.shipped();
 * double p = m.probability(features); // cited when p >= m.threshold()
 * }</pre>
 *
 * @param bias the intercept
 * @param weights one per feature of {@link CitationEvidence#FEATURES}, in that order
 * @param threshold lowest probability cited
 */
public record CitationModel(double bias, double[] weights, double threshold) {

  /** Where the shipped model is (a text resource beside this class). */
  public static final String RESOURCE = "citation-model.txt";

  public CitationModel {
    if (weights.length != CitationEvidence.FEATURES.size()) {
      throw new IllegalArgumentException(
          "citation model: "
              + weights.length
              + " weights for "
              + CitationEvidence.FEATURES.size()
              + " features");
    }
    weights = weights.clone();
  }

  /** The names of the features, in the order of {@link #weights}. */
  public static List<String> features() {
    return CitationEvidence.FEATURES;
  }

  /** The model with another threshold. */
  public CitationModel withThreshold(double t) {
    return new CitationModel(bias, weights, t);
  }

  /** The probability that the pair with these features states the same content. */
  public double probability(double[] features) {
    double z = bias;
    for (int k = 0; k < features.length; k++) {
      z += weights[k] * features[k];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The shipped model. */
  public static CitationModel shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final CitationModel MODEL = load();

    private static CitationModel load() {
      return ShippedResource.load(CitationModel.class, RESOURCE, CitationModel::read);
    }
  }

  /** Reads a model written by {@link #write}; every feature must have its weight. */
  public static CitationModel read(InputStream in) throws IOException {
    Map<String, Double> values = new HashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 2) {
        throw new IOException("citation model: cannot read line '" + line + "'");
      }
      values.put(parts[0], Double.parseDouble(parts[1]));
    }
    List<String> names = features();
    double[] w = new double[names.size()];
    for (int k = 0; k < w.length; k++) {
      Double v = values.get(names.get(k));
      if (v == null) {
        throw new IOException("citation model: no weight for feature " + names.get(k));
      }
      w[k] = v;
    }
    if (!values.containsKey("bias") || !values.containsKey("threshold")) {
      throw new IOException("citation model: no bias or threshold");
    }
    return new CitationModel(values.get("bias"), w, values.get("threshold"));
  }

  /** The model as {@link #read} reads it, after the given comment lines. */
  public List<String> write(List<String> comments) {
    List<String> out = new ArrayList<>();
    for (String c : comments) {
      out.add("# " + c);
    }
    out.add(String.format(Locale.ROOT, "bias %.6f", bias));
    out.add(String.format(Locale.ROOT, "threshold %.3f", threshold));
    for (int k = 0; k < weights.length; k++) {
      out.add(String.format(Locale.ROOT, "%s %.6f", features().get(k), weights[k]));
    }
    return out;
  }
}

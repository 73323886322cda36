package dev.precis.eval.baseline;

import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline: centroid-based summarization (Radev et al., MEAD): the cluster centroid is the sum of
 * the sentences' tf-idf vectors restricted to its {@value #CENTROID_TERMS} heaviest terms;
 * sentences are ranked by cosine with it, and near copies (cosine above 0.5) are skipped.
 */
public final class CentroidSummarizer implements Summarizer {
  static final int CENTROID_TERMS = 100;

  @Override
  public String name() {
    return "centroid";
  }

  @Override
  public List<Sentence> select(List<Document> documents, int maxWords) {
    BaselineText text = BaselineText.of(documents);
    Map<String, Double> centroid = centroid(text);
    double norm = norm(centroid);
    double[] scores = new double[text.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = BaselineText.cosine(text.tfidf.get(i), text.norms.get(i), centroid, norm);
    }
    return text.fill(BaselineText.rank(scores), maxWords, 0.5);
  }

  static Map<String, Double> centroid(BaselineText text) {
    Map<String, Double> sum = new HashMap<>();
    for (Map<String, Double> v : text.tfidf) {
      for (Map.Entry<String, Double> e : v.entrySet()) {
        sum.merge(e.getKey(), e.getValue(), Double::sum);
      }
    }
    List<Map.Entry<String, Double>> entries = new ArrayList<>(sum.entrySet());
    entries.sort(
        (a, b) ->
            !a.getValue().equals(b.getValue())
                ? Double.compare(b.getValue(), a.getValue())
                : a.getKey().compareTo(b.getKey()));
    Map<String, Double> top = new HashMap<>();
    for (int i = 0; i < Math.min(CENTROID_TERMS, entries.size()); i++) {
      top.put(entries.get(i).getKey(), entries.get(i).getValue());
    }
    return top;
  }

  static double norm(Map<String, Double> v) {
    double sq = 0;
    for (double x : v.values()) {
      sq += x * x;
    }
    return Math.sqrt(sq);
  }
}

package dev.precis.eval.baseline;

import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Baseline: Maximal Marginal Relevance (Carbonell and Goldstein, 1998): repeatedly takes the
 * fitting sentence maximising {@code λ·sim(s, centroid) − (1−λ)·max sim(s, chosen)}, λ = 0.7, with
 * the cluster centroid of {@link CentroidSummarizer} as the query.
 */
public final class MmrSummarizer implements Summarizer {
  private static final double LAMBDA = 0.7;

  @Override
  public String name() {
    return "mmr";
  }

  @Override
  public List<Sentence> select(List<Document> documents, int maxWords) {
    BaselineText text = BaselineText.of(documents);
    Map<String, Double> centroid = CentroidSummarizer.centroid(text);
    double norm = CentroidSummarizer.norm(centroid);
    int n = text.size();
    double[] relevance = new double[n];
    for (int i = 0; i < n; i++) {
      relevance[i] = BaselineText.cosine(text.tfidf.get(i), text.norms.get(i), centroid, norm);
    }
    double[] maxSim = new double[n];
    boolean[] used = new boolean[n];
    List<Integer> chosen = new ArrayList<>();
    int words = 0;
    while (true) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (used[i] || words + text.sentences.get(i).words() > maxWords) {
          continue;
        }
        double score = LAMBDA * relevance[i] - (1 - LAMBDA) * maxSim[i];
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      chosen.add(best);
      words += text.sentences.get(best).words();
      for (int i = 0; i < n; i++) {
        if (!used[i]) {
          maxSim[i] = Math.max(maxSim[i], text.cosine(i, best));
        }
      }
      if (maxWords - words < BaselineText.MIN_WORDS) {
        break;
      }
    }
    return text.inReadingOrder(chosen);
  }
}

package dev.precis.eval.baseline;

import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.List;
import java.util.Map;

/**
 * Baseline: TextRank (Mihalcea and Tarau, 2004): edges weighted by word overlap normalised by
 * sentence length, {@code |Si ∩ Sj| / (log|Si| + log|Sj|)}, ranked by weighted PageRank (damping
 * 0.85). Near copies (cosine above 0.5) of a chosen sentence are skipped.
 */
public final class TextRankSummarizer implements Summarizer {
  @Override
  public String name() {
    return "textrank";
  }

  @Override
  public List<Sentence> select(List<Document> documents, int maxWords) {
    BaselineText text = BaselineText.of(documents);
    int n = text.size();
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      Map<String, Integer> a = text.termCounts.get(i);
      int la = Math.max(1, text.sentences.get(i).words());
      for (int j = i + 1; j < n; j++) {
        Map<String, Integer> b = text.termCounts.get(j);
        int overlap = 0;
        for (String t : a.keySet()) {
          if (b.containsKey(t)) {
            overlap++;
          }
        }
        if (overlap == 0) {
          continue;
        }
        int lb = Math.max(1, text.sentences.get(j).words());
        double denominator = Math.log(la) + Math.log(lb);
        double weight = denominator > 0 ? overlap / denominator : overlap;
        w[i][j] = weight;
        w[j][i] = weight;
      }
    }
    double[] scores = BaselineText.pageRank(BaselineText.rowNormalise(w), 0.85);
    return text.fill(BaselineText.rank(scores), maxWords, 0.5);
  }
}

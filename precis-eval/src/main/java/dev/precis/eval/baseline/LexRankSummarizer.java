package dev.precis.eval.baseline;

import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.List;

/**
 * Baseline: LexRank (Erkan and Radev, 2004), thresholded variant: sentences are linked when the
 * cosine of their tf-idf vectors is at least 0.1, and ranked by PageRank (damping 0.85) over that
 * graph. Near copies (cosine above 0.5) of a chosen sentence are skipped.
 */
public final class LexRankSummarizer implements Summarizer {
  private static final double THRESHOLD = 0.1;

  @Override
  public String name() {
    return "lexrank";
  }

  @Override
  public List<Sentence> select(List<Document> documents, int maxWords) {
    BaselineText text = BaselineText.of(documents);
    int n = text.size();
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (text.cosine(i, j) >= THRESHOLD) {
          w[i][j] = 1;
          w[j][i] = 1;
        }
      }
    }
    double[] scores = BaselineText.pageRank(BaselineText.rowNormalise(w), 0.85);
    return text.fill(BaselineText.rank(scores), maxWords, 0.5);
  }
}

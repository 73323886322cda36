package dev.precis.eval.baseline;

import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline: the first sentences, article by article in the given order, as long as they fit the
 * budget (a sentence that does not fit is skipped, the next one may).
 */
public final class LeadSummarizer implements Summarizer {
  @Override
  public String name() {
    return "lead";
  }

  @Override
  public List<Sentence> select(List<Document> documents, int maxWords) {
    BaselineText text = BaselineText.of(documents);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      order.add(i);
    }
    return text.fill(order, maxWords, 1.01);
  }
}

package dev.precis.eval.baseline;

import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Baseline: sentences in a random order filling the budget. Seeded, and the seed is mixed with the
 * cluster's text, so the same cluster always gets the same summary.
 */
public final class RandomSummarizer implements Summarizer {
  private final long seed;

  public RandomSummarizer() {
    this(42);
  }

  public RandomSummarizer(long seed) {
    this.seed = seed;
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public List<Sentence> select(List<Document> documents, int maxWords) {
    BaselineText text = BaselineText.of(documents);
    List<Integer> order = new ArrayList<>();
    long h = seed;
    for (int i = 0; i < text.size(); i++) {
      order.add(i);
      h = h * 31 + text.sentences.get(i).text().hashCode();
    }
    Collections.shuffle(order, new Random(h));
    return text.fill(order, maxWords, 1.01);
  }
}

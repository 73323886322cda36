package dev.precis.eval;

import dev.precis.ingest.RawArticle;
import java.util.List;

/**
 * One evaluation item: the articles to summarize and the human reference summaries.
 *
 * @param id cluster id (topic); the bootstrap sorts clusters by it, as ROUGE sorts eval ids
 * @param documents the articles, raw: they go through {@code Precis.prepare} and {@code split}
 * @param references one or more reference summaries, each one sentence a line
 */
public record EvalCluster(String id, List<RawArticle> documents, List<List<String>> references) {
  public EvalCluster {
    documents = List.copyOf(documents);
    references = references.stream().map(List::copyOf).toList();
  }

  /** Mean number of words (whitespace-separated) of the references, rounded. */
  public int referenceWords() {
    if (references.isEmpty()) {
      return 0;
    }
    long total = 0;
    for (List<String> r : references) {
      for (String line : r) {
        total += dev.precis.text.Words.count(line);
      }
    }
    return (int) Math.round((double) total / references.size());
  }
}

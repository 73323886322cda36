package dev.precis.eval;

import dev.precis.ingest.RawArticle;
import java.util.List;
import java.util.Map;

/**
 * One evaluation item: the articles to summarize and the human reference summaries.
 *
 * @param id cluster id (topic); the bootstrap sorts clusters by it, as ROUGE sorts eval ids
 * @param documents the articles, raw: they go through {@code Precis.prepare} and {@code split}
 * @param references one or more reference summaries, each one sentence a line
 * @param peers summaries of other systems shipped with the dataset (system id → lines), e.g. the
 *     participants of a shared task, evaluated as {@code peer:ID}; often empty
 */
public record EvalCluster(
    String id,
    List<RawArticle> documents,
    List<List<String>> references,
    Map<String, List<String>> peers) {
  public EvalCluster {
    documents = List.copyOf(documents);
    references = references.stream().map(List::copyOf).toList();
    peers = Map.copyOf(peers);
  }

  /** A cluster without peer summaries. */
  public EvalCluster(String id, List<RawArticle> documents, List<List<String>> references) {
    this(id, documents, references, Map.of());
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

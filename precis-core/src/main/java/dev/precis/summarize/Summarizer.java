package dev.precis.summarize;

import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.List;

/**
 * An extractive summarizer: picks sentences from a set of documents within a word budget. Every
 * algorithm and baseline implements this one call, so evaluation can compare them on the same data.
 * Citations and formatting are added afterwards by {@link CitationFinder}.
 */
public interface Summarizer {
  /** Short name used on the command line and in evaluation tables, e.g. "lexrank". */
  String name();

  /**
   * Selects sentences whose words (whitespace-separated) sum to at most {@code maxWords}, in the
   * order they should be read. Must be deterministic for the same input.
   */
  List<Sentence> select(List<Document> documents, int maxWords);
}

package dev.precis.summarize;

import dev.precis.model.Article;
import dev.precis.text.Words;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A cited extractive summary.
 *
 * @param sentences summary sentences in reading order
 * @param articles the summarized articles; citations index into this list
 */
public record Summary(List<SummarySentence> sentences, List<Article> articles) {
  public Summary {
    sentences = List.copyOf(sentences);
    articles = List.copyOf(articles);
  }

  /** The summary text, one sentence a line. */
  public String text() {
    return sentences.stream().map(SummarySentence::text).collect(Collectors.joining("\n"));
  }

  /** Number of words (whitespace-separated) in the summary. */
  public int words() {
    return sentences.stream().mapToInt(s -> Words.count(s.text())).sum();
  }
}

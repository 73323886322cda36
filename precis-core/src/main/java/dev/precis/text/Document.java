package dev.precis.text;

import dev.precis.model.Article;
import java.util.List;

/**
 * An article split into sentences: the unit every summarizer and fact extractor reads.
 *
 * @param index position of the article in its set (0-based); citations refer to it
 * @param article the cleaned article
 * @param sentences its sentences in text order
 */
public record Document(int index, Article article, List<Sentence> sentences) {
  public Document {
    sentences = List.copyOf(sentences);
  }

  /** Splits an article into a document with the given splitter. */
  public static Document of(int index, Article article, SentenceSplitter splitter) {
    String text = article.text();
    List<Span> spans = splitter.split(text);
    Sentence[] out = new Sentence[spans.size()];
    for (int i = 0; i < out.length; i++) {
      Span s = spans.get(i);
      out[i] = new Sentence(index, i, s.start(), s.end(), s.of(text));
    }
    return new Document(index, article, List.of(out));
  }
}

package dev.precis.text;

import java.util.List;

/** Splits cleaned text into sentences. Implementations are stateless and thread-safe. */
public interface SentenceSplitter {
  /** Sentence spans in text order; spans exclude surrounding whitespace. */
  List<Span> split(String text);
}

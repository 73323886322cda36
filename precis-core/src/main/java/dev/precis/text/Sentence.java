package dev.precis.text;

/**
 * One sentence of an article.
 *
 * @param document index of the article in its set (0-based)
 * @param index position of the sentence in the article (0-based)
 * @param start offset of the first character in the article's cleaned text
 * @param end offset after the last character
 * @param text the sentence, exactly {@code article.text().substring(start, end)}
 */
public record Sentence(int document, int index, int start, int end, String text) {

  /** Words as ROUGE and budgets count them: whitespace-separated pieces. */
  public int words() {
    return Words.count(text);
  }
}

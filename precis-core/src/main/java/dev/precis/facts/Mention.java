package dev.precis.facts;

/**
 * One place where a fact is stated in a source article.
 *
 * @param document index of the article in the set (0-based)
 * @param start offset of the first character in the article's cleaned text
 * @param end offset after the last character
 * @param text the mentioned text, exactly {@code article.text().substring(start, end)}
 */
public record Mention(int document, int start, int end, String text) {}

package dev.precis.model;

/**
 * A pointer from a summary sentence to the place in a source article that states it.
 *
 * @param document index of the article in the summarized set (0-based)
 * @param start offset of the supporting sentence in the article's cleaned text
 * @param end offset after its last character
 */
public record Citation(int document, int start, int end) {}

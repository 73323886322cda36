package dev.precis.text;

/**
 * The result of boilerplate removal.
 *
 * @param title the title found in the text (a leading headline line), or {@code null}
 * @param text the body without boilerplate, paragraphs separated by blank lines
 */
public record CleanText(String title, String text) {}

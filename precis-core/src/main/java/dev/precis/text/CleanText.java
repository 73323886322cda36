package dev.precis.text;

import java.time.Instant;

/**
 * The result of boilerplate removal.
 *
 * @param title the title found in the text (a leading headline line), or {@code null}
 * @param text the body without boilerplate, paragraphs separated by blank lines
 * @param published the date of a dropped date line ("Published: Fri, April 21, 2017"), as the start
 *     of that day in UTC, or {@code null}
 */
public record CleanText(String title, String text, Instant published) {

  /** A result without a publication date. */
  public CleanText(String title, String text) {
    this(title, text, null);
  }
}

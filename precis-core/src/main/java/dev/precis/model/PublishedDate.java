package dev.precis.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The range of publication dates Precis believes: from 1900 to one day from now. A date outside it
 * (a typo, a hostile {@code +999999999-12-31T23:59:59Z}, a far-future date that would pin a story
 * to the top of the list) is dropped: the article is kept as undated. Dates inside the range never
 * overflow the millisecond arithmetic of clustering, storage and sorting.
 */
public final class PublishedDate {
  /** Earliest date believed. */
  public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

  /** How far in the future a date may lie (time zones, clocks a little ahead). */
  public static final Duration FUTURE_SLACK = Duration.ofDays(1);

  private PublishedDate() {}

  /** The date when it is plausible, else {@code null}. */
  public static Instant plausible(Instant published) {
    if (published == null) {
      return null;
    }
    Instant latest = Instant.now().plus(FUTURE_SLACK);
    return published.isBefore(EARLIEST) || published.isAfter(latest) ? null : published;
  }
}

package dev.precis.facts;

import java.time.LocalDate;

/**
 * A temporal expression and the calendar date it resolves to.
 *
 * @param text the expression as written ("on Wednesday", "April 12", "last week")
 * @param date the first day it denotes, or {@code null} when it cannot be resolved
 * @param granularity how much of the calendar it denotes
 * @param basis how it was resolved: "explicit", "published" (relative to the publication date),
 *     "story" (year taken from another article), "event" (relative to the earlier day of the
 *     happening a late report tells of, which the story's other articles state), or "unresolved"
 * @param mention where it stands
 */
public record DateMention(
    String text, LocalDate date, Granularity granularity, String basis, Mention mention) {

  /** How much of the calendar a date expression denotes. */
  public enum Granularity {
    DAY,
    WEEK,
    MONTH,
    YEAR
  }
}

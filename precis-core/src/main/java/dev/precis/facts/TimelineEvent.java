package dev.precis.facts;

import dev.precis.model.Citation;
import java.time.LocalDate;
import java.util.List;

/**
 * One dated event on a story's timeline.
 *
 * @param date the day (or first day of the week, month or year) it happened
 * @param granularity how precise {@code date} is
 * @param expressions how the articles wrote the date ("on April 4", "Tuesday")
 * @param text the sentence that states it (the first article's version)
 * @param citations every sentence stating it
 */
public record TimelineEvent(
    LocalDate date,
    DateMention.Granularity granularity,
    List<String> expressions,
    String text,
    List<Citation> citations) {
  public TimelineEvent {
    expressions = List.copyOf(expressions);
    citations = List.copyOf(citations);
  }
}

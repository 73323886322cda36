package dev.precis.story;

import java.time.LocalDate;
import java.util.List;

/**
 * One event of a {@link Story}: one happening (a meeting, a call, an attack, a vote) at a place and
 * a time, reported by the articles listed. A story is a thread of such events.
 *
 * @param id event number, unique within one {@link StoryClusterer}, in order of creation
 * @param articleIds its members (copies included) in arrival order
 * @param day the day it happened as its articles tell (dates in their text, else their publication
 *     days), or {@code null} when none says
 * @param headline the title of its most central article, or {@code null} when none has a title
 */
public record StoryEvent(long id, List<String> articleIds, LocalDate day, String headline) {
  public StoryEvent {
    articleIds = List.copyOf(articleIds);
  }
}

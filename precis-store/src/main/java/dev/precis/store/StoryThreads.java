package dev.precis.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * The story level of the store: a stored story row is one event; events that share a {@code
 * thread_key} form one story (a thread of related events). A row without a thread key (created
 * since the last link) is a story of its own.
 */
public final class StoryThreads {
  /**
   * An event of a story: its stored row id and the day it happened as its articles tell (while the
   * event is open, the day of its earliest publication), or {@code null} when unknown.
   */
  public record StoredEvent(long storyId, LocalDate day) {}

  /**
   * The key an event is grouped under, the day it happened and its headline (the title of its most
   * central article, as {@code precis stories} gives it), for {@link #link}; a {@code null} day or
   * headline keeps what is stored.
   */
  public record EventLink(String eventKey, LocalDate day, String headline) {
    /** A link that changes neither the day nor the headline (an event still open). */
    public static EventLink open(String eventKey) {
      return new EventLink(eventKey, null, null);
    }
  }

  private StoryThreads() {}

  /**
   * Puts the given events (by their keys) into the story {@code threadKey}, with their days and
   * headlines; idempotent. A {@code null} day or headline keeps the one stored.
   */
  static int link(Connection c, String threadKey, List<EventLink> events) throws SQLException {
    int changed = 0;
    for (EventLink e : events) {
      changed +=
          Sql.update(
              c,
              "UPDATE stories SET thread_key = ?, event_day = COALESCE(?, event_day),"
                  + " title = COALESCE(?, title) WHERE story_key = ?",
              threadKey,
              Sql.date(e.day()),
              Sql.cut(e.headline(), 2000),
              e.eventKey());
    }
    return changed;
  }

  /**
   * The events (with articles) of the story that the event {@code storyId} belongs to, dated ones
   * first in time order, then undated ones; empty when there is no such event.
   */
  static List<StoredEvent> eventsOf(Connection c, long storyId) throws SQLException {
    List<StoredEvent> out =
        Sql.list(
            c,
            "SELECT e.id, e.event_day, e.first_seen FROM stories s JOIN stories e"
                + " ON COALESCE(e.thread_key, e.story_key) = COALESCE(s.thread_key, s.story_key)"
                + " WHERE s.id = ? AND (e.article_count > 0 OR e.id = s.id)",
            rs -> {
              LocalDate day = rs.getObject(2, LocalDate.class);
              OffsetDateTime first = rs.getObject(3, OffsetDateTime.class);
              if (day == null && first != null) {
                // still open: the day of its first publication until the clusterer tells
                day = first.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
              }
              return new StoredEvent(rs.getLong(1), day);
            },
            storyId);
    out.sort(
        Comparator.comparing(
                StoredEvent::day, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparingLong(StoredEvent::storyId));
    return out;
  }
}

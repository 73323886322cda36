package dev.precis.story;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A story: the articles, from one or more outlets, that report the same event, in arrival order.
 * Copies of an article (syndication, light rewrites) are members too, marked with {@link
 * StoryArticle#duplicateOf()}, so that a summary computed over the canonical articles can still
 * list every outlet.
 *
 * @param id story number, unique within one {@link StoryClusterer}, in order of creation
 * @param articles members in arrival order
 * @param firstSeen earliest publication time of a member, or {@code null} when none had one
 * @param lastSeen latest publication time of a member, or {@code null}
 * @param events its events in time order (undated ones last, in arrival order); every member
 *     belongs to exactly one
 */
public record Story(
    long id,
    List<StoryArticle> articles,
    Instant firstSeen,
    Instant lastSeen,
    List<StoryEvent> events) {

  public Story {
    articles = List.copyOf(articles);
    events = List.copyOf(events);
  }

  /** Stories by when they happened: earliest event day, else first publication; undated last. */
  static final Comparator<Story> IN_TIME_ORDER =
      Comparator.comparing(
              Story::firstDay, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
          .thenComparingLong(Story::id);

  private static LocalDate firstDay(Story s) {
    for (StoryEvent e : s.events()) {
      if (e.day() != null) {
        return e.day(); // events come in time order
      }
    }
    return s.firstSeen() == null ? null : LocalDate.ofInstant(s.firstSeen(), ZoneOffset.UTC);
  }

  /** A story of one event holding all its articles (the event takes the story's id). */
  public Story(long id, List<StoryArticle> articles, Instant firstSeen, Instant lastSeen) {
    this(id, articles, firstSeen, lastSeen, List.of(singleEvent(id, articles)));
  }

  private static StoryEvent singleEvent(long id, List<StoryArticle> articles) {
    List<String> ids = new ArrayList<>(articles.size());
    String headline = null;
    for (StoryArticle a : articles) {
      ids.add(a.id());
      if (headline == null && a.title() != null && !a.title().isBlank()) {
        headline = a.title();
      }
    }
    return new StoryEvent(id, ids, null, headline);
  }

  /**
   * The story's headline: that of its latest dated event (the title of that event's most central
   * article), else of its largest event, else the title of the first member that has one, or {@code
   * null}.
   */
  public String title() {
    StoryEvent latest = null;
    StoryEvent largest = null;
    for (StoryEvent e : events) {
      if (e.headline() == null) {
        continue;
      }
      if (e.day() != null && (latest == null || !e.day().isBefore(latest.day()))) {
        latest = e;
      }
      if (largest == null || e.articleIds().size() > largest.articleIds().size()) {
        largest = e;
      }
    }
    if (latest != null) {
      return latest.headline();
    }
    if (largest != null) {
      return largest.headline();
    }
    for (StoryArticle a : articles) {
      if (a.title() != null && !a.title().isBlank()) {
        return a.title();
      }
    }
    return null;
  }

  /** Distinct outlets of all members (copies included), sorted. */
  public List<String> outlets() {
    TreeSet<String> out = new TreeSet<>();
    for (StoryArticle a : articles) {
      if (a.outlet() != null) {
        out.add(a.outlet());
      }
    }
    return List.copyOf(out);
  }

  /** Ids of all members in arrival order. */
  public List<String> articleIds() {
    List<String> ids = new ArrayList<>(articles.size());
    for (StoryArticle a : articles) {
      ids.add(a.id());
    }
    return ids;
  }

  /** Ids of the canonical members (the texts to summarize), in arrival order. */
  public List<String> canonicalIds() {
    List<String> ids = new ArrayList<>();
    for (StoryArticle a : articles) {
      if (a.canonical()) {
        ids.add(a.id());
      }
    }
    return ids;
  }

  /** Ids of the copies of the given canonical article. */
  public List<String> copiesOf(String canonicalId) {
    List<String> ids = new ArrayList<>();
    for (StoryArticle a : articles) {
      if (canonicalId.equals(a.duplicateOf())) {
        ids.add(a.id());
      }
    }
    return ids;
  }
}

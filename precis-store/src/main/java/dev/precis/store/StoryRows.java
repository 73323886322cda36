package dev.precis.store;

import static dev.precis.store.Sql.cut;
import static dev.precis.store.Sql.time;

import dev.precis.model.Article;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code stories} table: a story's row with its counters (articles, revision), title, outlets
 * and time range, kept in step with its articles.
 */
final class StoryRows {
  static final String UNIQUE_VIOLATION = "23505";

  private static final String STORY_COLUMNS =
      "id, story_key, COALESCE(title, headline), outlets, article_count, revision, first_seen,"
          + " last_seen, updated_at, CASE WHEN title IS NOT NULL THEN headline END";

  private StoryRows() {}

  /** The id of the story with this key, created (empty) when missing. */
  static long idOf(Connection c, String key, Instant now) throws SQLException {
    Long id = find(c, key);
    if (id != null) {
      return id;
    }
    Savepoint save = c.setSavepoint();
    try {
      return Sql.insert(
          c,
          "INSERT INTO stories (story_key, created_at, updated_at) VALUES (?, ?, ?)",
          key,
          Sql.time(now),
          Sql.time(now));
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        c.rollback(save);
        Long raced = find(c, key);
        if (raced != null) {
          return raced;
        }
      }
      throw e;
    }
  }

  private static Long find(Connection c, String key) throws SQLException {
    return Sql.first(c, "SELECT id FROM stories WHERE story_key = ?", rs -> rs.getLong(1), key);
  }

  private record Totals(String title, String outlets, StoryTimes times) {}

  /** Counts the article into its story: revision, title, outlets, time range. */
  static void join(Connection c, long storyId, Article article, Instant now) throws SQLException {
    Totals was =
        Sql.first(
            c,
            "SELECT title, outlets, first_seen, last_seen FROM stories WHERE id = ? FOR UPDATE",
            rs ->
                new Totals(
                    rs.getString(1), rs.getString(2), new StoryTimes(time(rs, 3), time(rs, 4))),
            storyId);
    // story times come from publication times only; ingest time is not a story time
    StoryTimes times = was.times().with(article.published());
    String title = was.title();
    if (title == null && article.title() != null && !article.title().isBlank()) {
      title = article.title();
    }
    String outlets = was.outlets();
    String outlet = outletOf(article);
    if (outlet != null) {
      Set<String> set = new LinkedHashSet<>(splitOutlets(outlets));
      set.add(outlet.replace('\n', ' '));
      String joined = String.join("\n", set);
      if (joined.length() <= 4000) {
        outlets = joined;
      }
    }
    Sql.update(
        c,
        "UPDATE stories SET title = ?, outlets = ?, article_count = article_count + 1,"
            + " revision = revision + 1, first_seen = ?, last_seen = ?, updated_at = ?"
            + " WHERE id = ?",
        cut(title, 2000),
        outlets,
        Sql.time(times.first()),
        Sql.time(times.last()),
        Sql.time(now),
        storyId);
  }

  /** The outlet shown for an article: its publisher, else the host of its URL. */
  static String outletOf(Article a) {
    String outlet = a.outlet();
    String url = a.url();
    if (outlet != null && !outlet.isBlank()) {
      return outlet.strip();
    }
    if (url != null) {
      try {
        String host = URI.create(url.strip()).getHost();
        if (host != null) {
          return host.startsWith("www.") ? host.substring(4) : host;
        }
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  private static List<String> splitOutlets(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
  }

  /**
   * Moves articles into the story with key {@code storyKey} (created when missing) and recounts
   * every story involved.
   *
   * @return number of articles that changed story
   */
  static int moveArticles(Connection c, List<Long> articleIds, String storyKey)
      throws SQLException {
    Instant now = Instant.now();
    long target = idOf(c, storyKey, now);
    Set<Long> touched = new LinkedHashSet<>();
    int moved = 0;
    for (long id : articleIds) {
      Long from =
          Sql.first(c, "SELECT story_id FROM articles WHERE id = ?", rs -> rs.getLong(1), id);
      if (from == null || from == target) {
        continue;
      }
      Sql.update(c, "UPDATE articles SET story_id = ? WHERE id = ?", target, id);
      touched.add(from);
      moved++;
    }
    if (moved > 0) {
      touched.add(target);
      for (long story : touched) {
        recount(c, story, now);
      }
    }
    return moved;
  }

  /** The outlet of a stored article row, cleaned as an {@link Article} cleans it. */
  private static String storedOutlet(String outlet, String url) {
    return outletOf(new Article("x", null, "", url, outlet, null, null, null));
  }

  private record Member(String title, String outlet, Instant published) {}

  /** Recomputes a story's counters from its articles and bumps its revision. */
  private static void recount(Connection c, long storyId, Instant now) throws SQLException {
    Sql.first(c, "SELECT id FROM stories WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), storyId);
    List<Member> members =
        Sql.list(
            c,
            "SELECT title, outlet, url, published, ingested_at FROM articles WHERE story_id = ?"
                + " ORDER BY COALESCE(published, ingested_at), id",
            rs ->
                new Member(
                    rs.getString(1), storedOutlet(rs.getString(2), rs.getString(3)), time(rs, 4)),
            storyId);
    String title = null;
    Set<String> outlets = new LinkedHashSet<>();
    StoryTimes times = StoryTimes.UNKNOWN;
    for (Member m : members) {
      if (title == null && m.title() != null && !m.title().isBlank()) {
        title = m.title();
      }
      if (m.outlet() != null) {
        outlets.add(m.outlet().replace('\n', ' '));
      }
      times = times.with(m.published());
    }
    Sql.update(
        c,
        "UPDATE stories SET title = ?, outlets = ?, article_count = ?, revision = revision + 1,"
            + " first_seen = ?, last_seen = ?, updated_at = ? WHERE id = ?",
        cut(title, 2000),
        cut(String.join("\n", outlets), 4000),
        members.size(),
        Sql.time(times.first()),
        Sql.time(times.last()),
        Sql.time(now),
        storyId);
  }

  /** The current revision of a story, or -1 when there is no such story. */
  static long revision(Connection c, long storyId) throws SQLException {
    Long revision =
        Sql.first(c, "SELECT revision FROM stories WHERE id = ?", rs -> rs.getLong(1), storyId);
    return revision == null ? -1 : revision;
  }

  /** Stories with at least one article, newest first (latest article time, then id). */
  static StoryPage page(Connection c, int page, int size) throws SQLException {
    long total =
        Sql.first(c, "SELECT COUNT(*) FROM stories WHERE article_count > 0", rs -> rs.getLong(1));
    List<StoryInfo> stories =
        Sql.list(
            c,
            "SELECT "
                + STORY_COLUMNS
                + " FROM stories WHERE article_count > 0"
                + " ORDER BY last_seen DESC, id DESC LIMIT ? OFFSET ?",
            StoryRows::info,
            size,
            (long) (page - 1) * size);
    return new StoryPage(stories, page, size, total);
  }

  /** A story, or {@code null} when there is none with this id. */
  static StoryInfo info(Connection c, long storyId) throws SQLException {
    return Sql.first(
        c, "SELECT " + STORY_COLUMNS + " FROM stories WHERE id = ?", StoryRows::info, storyId);
  }

  private static StoryInfo info(ResultSet rs) throws SQLException {
    return new StoryInfo(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        splitOutlets(rs.getString(4)),
        rs.getInt(5),
        rs.getLong(6),
        time(rs, 7),
        time(rs, 8),
        time(rs, 9),
        rs.getString(10));
  }

  /** Number of articles and of stories with articles. */
  static Store.Counts counts(Connection c) throws SQLException {
    return Sql.first(
        c,
        "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories"
            + " WHERE article_count > 0)",
        rs -> new Store.Counts(rs.getLong(1), rs.getLong(2)));
  }
}

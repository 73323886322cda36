package dev.precis.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummarySentence;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * The Precis database: articles, their sentences, stories, and each story's cited summary.
 *
 * <p>Every write runs in one transaction, so a process killed at any point leaves either the whole
 * article (with its sentences and story membership) or nothing; summaries are computed afterwards
 * and carry the story revision they reflect, so a stale one is recomputed by the next ingest or the
 * next read. The same article (same URL and same cleaned text) stored twice is found by its hash
 * and left alone.
 *
 * <p>Thread-safe: a connection pool serves concurrent callers.
 */
public final class Store implements AutoCloseable {
  /** Longest article body stored, in characters (H2's longest VARCHAR). */
  public static final int MAX_TEXT_CHARS = 1_000_000;

  private static final String UNIQUE_VIOLATION = "23505";

  /** H2's code for a database file locked by another process. */
  private static final int H2_DATABASE_IN_USE = 90020;

  private final HikariDataSource pool;
  private final DatabaseUrl url;

  /**
   * Stores open on each embedded file in this process: they share one H2 database, which only the
   * last to close may shut down.
   */
  private static final Map<Path, Integer> OPEN_FILES = new HashMap<>();

  /** Set by the first write: only a changed embedded file is compacted on close. */
  private volatile boolean written;

  private Store(HikariDataSource pool, DatabaseUrl url) {
    this.pool = pool;
    this.url = url;
  }

  /** Opens (creating when needed) the database and brings its schema up to date. */
  public static Store open(DatabaseUrl url) {
    return open(url, 8);
  }

  /** Opens the database with a pool of at most {@code maxConnections}. */
  public static Store open(DatabaseUrl url, int maxConnections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setPoolName("precis");
    config.setConnectionTimeout(15_000);
    // fail at once when the database is unreachable instead of retrying for connectionTimeout
    config.setInitializationFailTimeout(1);
    url.h2File().ifPresent(PrivateFiles::prepare);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
      try (Connection c = ds.getConnection()) {
        c.isValid(5);
      }
    } catch (SQLException | RuntimeException e) {
      if (inUse(e)) {
        throw new StoreException(
            "database "
                + url.h2File().map(PrivateFiles::mvFile).map(Path::toString).orElse(url.display())
                + " is in use by another process (a running precis serve or ingest); stop it first,"
                + " or use PostgreSQL (--db postgresql://...) for concurrent access",
            e);
      }
      throw new StoreException("cannot open database " + url.display() + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new StoreException(
          "cannot migrate database " + url.display() + ": " + rootMessage(e), e);
    }
    url.h2File().ifPresent(f -> opened(f, 1));
    return new Store(ds, url);
  }

  /** Counts a store opened (+1) or closed (-1) on a file; returns how many remain open. */
  private static int opened(Path file, int change) {
    synchronized (OPEN_FILES) {
      int now = OPEN_FILES.getOrDefault(file.toAbsolutePath(), 0) + change;
      if (now <= 0) {
        OPEN_FILES.remove(file.toAbsolutePath());
      } else {
        OPEN_FILES.put(file.toAbsolutePath(), now);
      }
      return now;
    }
  }

  /** Where this store lives (without the password). */
  public DatabaseUrl url() {
    return url;
  }

  /**
   * The outcome of storing one article.
   *
   * @param articleId the article's id (the existing one when it was already stored)
   * @param storyId the story it belongs to
   * @param added true when it was new; false when the same article was already stored
   */
  public record AddResult(long articleId, long storyId, boolean added) {}

  /**
   * Stores an article with its sentences in the story with the given key (created when missing),
   * all in one transaction. An article already stored (same URL and cleaned text) changes nothing
   * and keeps its story.
   *
   * @param article the cleaned article
   * @param sentences its sentences (offsets into {@code article.text()})
   * @param storyKey the story to join
   */
  public AddResult addArticle(Article article, List<Sentence> sentences, String storyKey) {
    if (article.text().length() > MAX_TEXT_CHARS) {
      throw new IllegalArgumentException(
          "article "
              + article.id()
              + " has "
              + article.text().length()
              + " characters, over the limit of "
              + MAX_TEXT_CHARS);
    }
    String contentHash = sha256(article.text());
    String identity = identityOf(article);
    return inTransaction(
        c -> {
          AddResult existing = findArticle(c, identity);
          if (existing != null) {
            return existing;
          }
          Instant now = Instant.now();
          long storyId = storyId(c, storyKey, now);
          long articleId;
          Savepoint save = c.setSavepoint();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO articles (identity_hash, content_hash, external_id, url, title, outlet,"
                      + " author, published, origin, body, story_id, ingested_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, identity);
            ps.setString(2, contentHash);
            ps.setString(3, cut(article.id(), 1000));
            ps.setString(4, cut(article.url(), 4000));
            ps.setString(5, cut(article.title(), 2000));
            ps.setString(6, cut(article.outlet(), 500));
            ps.setString(7, cut(article.author(), 1000));
            setTime(ps, 8, article.published());
            ps.setString(9, cut(article.origin(), 4000));
            ps.setString(10, article.text());
            ps.setLong(11, storyId);
            setTime(ps, 12, now);
            ps.executeUpdate();
            articleId = generatedId(ps);
          } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
              // stored meanwhile by a concurrent writer: theirs stands
              c.rollback(save);
              AddResult raced = findArticle(c, identity);
              if (raced != null) {
                return raced;
              }
            }
            throw e;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO sentences (article_id, idx, start_offset, end_offset) VALUES (?, ?, ?, ?)")) {
            for (Sentence s : sentences) {
              ps.setLong(1, articleId);
              ps.setInt(2, s.index());
              ps.setInt(3, s.start());
              ps.setInt(4, s.end());
              ps.addBatch();
            }
            if (!sentences.isEmpty()) {
              ps.executeBatch();
            }
          }
          joinStory(c, storyId, article, now);
          return new AddResult(articleId, storyId, true);
        });
  }

  /** SHA-256 over the URL and the content hash: the same article from the same place. */
  private static String identityOf(Article article) {
    return sha256((article.url() == null ? "" : article.url()) + "\n" + sha256(article.text()));
  }

  private static AddResult findArticle(Connection c, String identity) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id, story_id FROM articles WHERE identity_hash = ?")) {
      ps.setString(1, identity);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new AddResult(rs.getLong(1), rs.getLong(2), false) : null;
      }
    }
  }

  /** The id of the story with this key, created (empty) when missing. */
  private static long storyId(Connection c, String key, Instant now) throws SQLException {
    Long id = findStory(c, key);
    if (id != null) {
      return id;
    }
    Savepoint save = c.setSavepoint();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO stories (story_key, created_at, updated_at) VALUES (?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, key);
      setTime(ps, 2, now);
      setTime(ps, 3, now);
      ps.executeUpdate();
      return generatedId(ps);
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        c.rollback(save);
        Long raced = findStory(c, key);
        if (raced != null) {
          return raced;
        }
      }
      throw e;
    }
  }

  private static Long findStory(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM stories WHERE story_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** Counts the article into its story: revision, title, outlets, time range. */
  private static void joinStory(Connection c, long storyId, Article article, Instant now)
      throws SQLException {
    String title;
    String outlets;
    Instant first;
    Instant last;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT title, outlets, first_seen, last_seen FROM stories WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, storyId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        title = rs.getString(1);
        outlets = rs.getString(2);
        first = time(rs, 3);
        last = time(rs, 4);
      }
    }
    // story times come from publication times only; ingest time is not a story time
    StoryTimes times = new StoryTimes(first, last).with(article.published());
    if (title == null && article.title() != null && !article.title().isBlank()) {
      title = article.title();
    }
    String outlet = outletOf(article);
    if (outlet != null) {
      Set<String> set = new LinkedHashSet<>(splitOutlets(outlets));
      set.add(outlet.replace('\n', ' '));
      String joined = String.join("\n", set);
      if (joined.length() <= 4000) {
        outlets = joined;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE stories SET title = ?, outlets = ?, article_count = article_count + 1,"
                + " revision = revision + 1, first_seen = ?, last_seen = ?, updated_at = ?"
                + " WHERE id = ?")) {
      ps.setString(1, cut(title, 2000));
      ps.setString(2, outlets);
      setTime(ps, 3, times.first());
      setTime(ps, 4, times.last());
      setTime(ps, 5, now);
      ps.setLong(6, storyId);
      ps.executeUpdate();
    }
  }

  /** The outlet shown for an article: its publisher, else the host of its URL. */
  static String outletOf(Article a) {
    if (a.outlet() != null && !a.outlet().isBlank()) {
      return a.outlet().strip();
    }
    if (a.url() != null) {
      try {
        String host = URI.create(a.url().strip()).getHost();
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

  /** The key of the story a stored article belongs to, or empty when it is not stored. */
  public Optional<String> storyKeyOf(Article article) {
    String identity = identityOf(article);
    return inConnection(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.story_key FROM articles a JOIN stories s ON s.id = a.story_id"
                      + " WHERE a.identity_hash = ?")) {
            ps.setString(1, identity);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Moves stored articles into the story with key {@code storyKey} (created when missing), in one
   * transaction: used when story clustering merges two stories. The counters, title, outlets and
   * time range of every story involved are recomputed and their revisions grow, so their summaries
   * are recomputed; a story left empty disappears from listings.
   *
   * @return number of articles that changed story
   */
  public int moveArticles(List<Long> articleIds, String storyKey) {
    if (articleIds.isEmpty()) {
      return 0;
    }
    return inTransaction(
        c -> {
          Instant now = Instant.now();
          long target = storyId(c, storyKey, now);
          Set<Long> touched = new LinkedHashSet<>();
          int moved = 0;
          try (PreparedStatement find =
                  c.prepareStatement("SELECT story_id FROM articles WHERE id = ?");
              PreparedStatement move =
                  c.prepareStatement("UPDATE articles SET story_id = ? WHERE id = ?")) {
            for (long id : articleIds) {
              find.setLong(1, id);
              long from;
              try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                  continue;
                }
                from = rs.getLong(1);
              }
              if (from == target) {
                continue;
              }
              move.setLong(1, target);
              move.setLong(2, id);
              move.executeUpdate();
              touched.add(from);
              moved++;
            }
          }
          if (moved > 0) {
            touched.add(target);
            for (long story : touched) {
              recount(c, story, now);
            }
          }
          return moved;
        });
  }

  /** Recomputes a story's counters from its articles and bumps its revision. */
  private static void recount(Connection c, long storyId, Instant now) throws SQLException {
    String title = null;
    Set<String> outlets = new LinkedHashSet<>();
    StoryTimes times = StoryTimes.UNKNOWN;
    int count = 0;
    try (PreparedStatement lock =
        c.prepareStatement("SELECT id FROM stories WHERE id = ? FOR UPDATE")) {
      lock.setLong(1, storyId);
      lock.executeQuery().close();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT title, outlet, url, published, ingested_at FROM articles WHERE story_id = ?"
                + " ORDER BY COALESCE(published, ingested_at), id")) {
      ps.setLong(1, storyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          count++;
          String t = rs.getString(1);
          if (title == null && t != null && !t.isBlank()) {
            title = t;
          }
          String outlet =
              outletOf(
                  new Article("x", null, "", rs.getString(3), rs.getString(2), null, null, null));
          if (outlet != null) {
            outlets.add(outlet.replace('\n', ' '));
          }
          times = times.with(time(rs, 4));
        }
      }
    }
    String joined = String.join("\n", outlets);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE stories SET title = ?, outlets = ?, article_count = ?, revision = revision + 1,"
                + " first_seen = ?, last_seen = ?, updated_at = ? WHERE id = ?")) {
      ps.setString(1, cut(title, 2000));
      ps.setString(2, cut(joined, 4000));
      ps.setInt(3, count);
      setTime(ps, 4, times.first());
      setTime(ps, 5, times.last());
      setTime(ps, 6, now);
      ps.setLong(7, storyId);
      ps.executeUpdate();
    }
  }

  // ---------------------------------------------------------------- summaries

  /** Ids of stories whose stored summary is missing or older than their articles. */
  public List<Long> storiesNeedingSummary() {
    return inConnection(
        c -> {
          List<Long> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT s.id FROM stories s LEFT JOIN summaries m ON m.story_id = s.id"
                          + " WHERE s.article_count > 0 AND (m.id IS NULL OR m.story_revision <> s.revision)"
                          + " ORDER BY s.id");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getLong(1));
            }
          }
          return out;
        });
  }

  /**
   * A story's articles split into documents from the stored sentence offsets, in summary order
   * (document {@code i} is {@code articles.get(i)}), with the story revision they reflect.
   *
   * @param revision the story's revision when read
   * @param articles the stored articles, in document order
   * @param documents one document per article
   */
  public record StoryDocuments(
      long revision, List<StoredArticle> articles, List<Document> documents) {}

  /** The documents of a story, or empty when there is no such story. */
  public Optional<StoryDocuments> storyDocuments(long storyId) {
    return inTransaction(
        c -> {
          long revision = revision(c, storyId);
          if (revision < 0) {
            return Optional.empty();
          }
          List<StoredArticle> articles = articles(c, storyId);
          Map<Long, List<int[]>> spans = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT t.article_id, t.start_offset, t.end_offset FROM sentences t"
                      + " JOIN articles a ON a.id = t.article_id WHERE a.story_id = ?"
                      + " ORDER BY t.article_id, t.idx")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                spans
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new int[] {rs.getInt(2), rs.getInt(3)});
              }
            }
          }
          List<Document> docs = new ArrayList<>(articles.size());
          for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i).article();
            List<int[]> list = spans.getOrDefault(articles.get(i).id(), List.of());
            List<Sentence> sentences = new ArrayList<>(list.size());
            for (int k = 0; k < list.size(); k++) {
              int[] s = list.get(k);
              sentences.add(new Sentence(i, k, s[0], s[1], a.text().substring(s[0], s[1])));
            }
            docs.add(new Document(i, a, sentences));
          }
          return Optional.of(new StoryDocuments(revision, articles, docs));
        });
  }

  /**
   * Stores a story's summary computed from {@link #storyDocuments} at {@code docs.revision()},
   * replacing the previous one. Does nothing and returns false when the story changed since (the
   * caller recomputes).
   */
  public boolean saveSummary(
      long storyId, StoryDocuments docs, Summary summary, String summarizer, int words) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT revision FROM stories WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || rs.getLong(1) != docs.revision()) {
                return false;
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE stories SET headline = ? WHERE id = ?")) {
            ps.setString(
                1,
                summary.sentences().isEmpty() ? null : headline(summary.sentences().get(0).text()));
            ps.setLong(2, storyId);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM summaries WHERE story_id = ?")) {
            ps.setLong(1, storyId);
            ps.executeUpdate();
          }
          long summaryId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO summaries (story_id, story_revision, summarizer, word_budget, created_at)"
                      + " VALUES (?, ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, storyId);
            ps.setLong(2, docs.revision());
            ps.setString(3, cut(summarizer, 100));
            ps.setInt(4, words);
            setTime(ps, 5, Instant.now());
            ps.executeUpdate();
            summaryId = generatedId(ps);
          }
          List<StoredArticle> articles = docs.articles();
          try (PreparedStatement sent =
                  c.prepareStatement(
                      "INSERT INTO summary_sentences (summary_id, idx, sentence_text, article_id,"
                          + " start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)");
              PreparedStatement cite =
                  c.prepareStatement(
                      "INSERT INTO citations (summary_id, sentence_idx, ord, article_id, start_offset,"
                          + " end_offset) VALUES (?, ?, ?, ?, ?, ?)")) {
            List<SummarySentence> sentences = summary.sentences();
            for (int i = 0; i < sentences.size(); i++) {
              SummarySentence s = sentences.get(i);
              Sentence o = s.origin();
              sent.setLong(1, summaryId);
              sent.setInt(2, i);
              sent.setString(3, cut(s.text(), 100_000));
              sent.setLong(4, articles.get(o.document()).id());
              sent.setInt(5, o.start());
              sent.setInt(6, o.end());
              sent.addBatch();
              List<Citation> cs = s.citations();
              for (int k = 0; k < cs.size(); k++) {
                Citation ct = cs.get(k);
                cite.setLong(1, summaryId);
                cite.setInt(2, i);
                cite.setInt(3, k);
                cite.setLong(4, articles.get(ct.document()).id());
                cite.setInt(5, ct.start());
                cite.setInt(6, ct.end());
                cite.addBatch();
              }
            }
            if (!sentences.isEmpty()) {
              sent.executeBatch();
              cite.executeBatch();
            }
          }
          return true;
        });
  }

  // ---------------------------------------------------------------- reads

  /** The current revision of a story, or -1 when there is no such story. */
  public long revision(long storyId) {
    return inConnection(c -> revision(c, storyId));
  }

  private static long revision(Connection c, long storyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM stories WHERE id = ?")) {
      ps.setLong(1, storyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  /** The first words of a sentence, at most about 100 characters, cut at a word boundary. */
  static String headline(String sentence) {
    String s = sentence.strip().replaceAll("\\s+", " ");
    if (s.length() <= 100) {
      return s;
    }
    int cut = s.lastIndexOf(' ', 100);
    return s.substring(0, cut > 40 ? cut : 100) + "…";
  }

  private static final String STORY_COLUMNS =
      "id, story_key, COALESCE(title, headline), outlets, article_count, revision, first_seen,"
          + " last_seen, updated_at, CASE WHEN title IS NOT NULL THEN headline END";

  /** Stories with at least one article, newest first (latest article time, then id). */
  public StoryPage stories(int page, int size) {
    if (page < 1 || size < 1) {
      throw new IllegalArgumentException("page and size must be at least 1");
    }
    return inConnection(
        c -> {
          long total;
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT COUNT(*) FROM stories WHERE article_count > 0");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
          }
          List<StoryInfo> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + STORY_COLUMNS
                      + " FROM stories WHERE article_count > 0"
                      + " ORDER BY last_seen DESC, id DESC LIMIT ? OFFSET ?")) {
            ps.setInt(1, size);
            ps.setLong(2, (long) (page - 1) * size);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(storyInfo(rs));
              }
            }
          }
          return new StoryPage(out, page, size, total);
        });
  }

  /** A story, or empty when there is none with this id. */
  public Optional<StoryInfo> storyInfo(long storyId) {
    return inConnection(c -> Optional.ofNullable(storyInfo(c, storyId)));
  }

  private static StoryInfo storyInfo(Connection c, long storyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + STORY_COLUMNS + " FROM stories WHERE id = ?")) {
      ps.setLong(1, storyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? storyInfo(rs) : null;
      }
    }
  }

  private static StoryInfo storyInfo(ResultSet rs) throws SQLException {
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

  /** A story with its articles and stored summary (read consistently in one transaction). */
  public Optional<StoryDetail> story(long storyId) {
    return inTransaction(
        c -> {
          StoryInfo info = storyInfo(c, storyId);
          if (info == null) {
            return Optional.empty();
          }
          List<StoredArticle> articles = articles(c, storyId);
          Map<Long, Integer> index = new HashMap<>();
          for (int i = 0; i < articles.size(); i++) {
            index.put(articles.get(i).id(), i);
          }
          long summaryId = -1;
          long summaryRevision = -1;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id, story_revision FROM summaries WHERE story_id = ?")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                summaryId = rs.getLong(1);
                summaryRevision = rs.getLong(2);
              }
            }
          }
          Summary summary = null;
          if (summaryId >= 0) {
            summary = loadSummary(c, summaryId, articles, index);
          }
          return Optional.of(new StoryDetail(info, articles, summary, summaryRevision));
        });
  }

  private static Summary loadSummary(
      Connection c, long summaryId, List<StoredArticle> articles, Map<Long, Integer> index)
      throws SQLException {
    Map<Integer, List<Citation>> citations = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT sentence_idx, article_id, start_offset, end_offset FROM citations"
                + " WHERE summary_id = ? ORDER BY sentence_idx, ord")) {
      ps.setLong(1, summaryId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Integer doc = index.get(rs.getLong(2));
          if (doc != null) {
            citations
                .computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                .add(new Citation(doc, rs.getInt(3), rs.getInt(4)));
          }
        }
      }
    }
    List<SummarySentence> sentences = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT idx, sentence_text, article_id, start_offset, end_offset FROM summary_sentences"
                + " WHERE summary_id = ? ORDER BY idx")) {
      ps.setLong(1, summaryId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Integer doc = index.get(rs.getLong(3));
          if (doc == null) {
            continue;
          }
          String body = articles.get(doc).article().text();
          int start = rs.getInt(4);
          int end = rs.getInt(5);
          // the sentence's index in its article is not kept: -1 marks it unknown
          Sentence origin = new Sentence(doc, -1, start, end, body.substring(start, end));
          sentences.add(
              new SummarySentence(
                  rs.getString(2), origin, citations.getOrDefault(rs.getInt(1), List.of())));
        }
      }
    }
    return new Summary(sentences, articles.stream().map(StoredArticle::article).toList());
  }

  /** A story's articles in a stable order: by time (published, else ingested), then id. */
  private static List<StoredArticle> articles(Connection c, long storyId) throws SQLException {
    List<StoredArticle> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, external_id, title, body, url, outlet, published, author, origin,"
                + " ingested_at FROM articles WHERE story_id = ?"
                + " ORDER BY COALESCE(published, ingested_at), id")) {
      ps.setLong(1, storyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Article a =
              new Article(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  time(rs, 7),
                  rs.getString(8),
                  rs.getString(9));
          out.add(new StoredArticle(rs.getLong(1), storyId, a, time(rs, 10)));
        }
      }
    }
    return out;
  }

  /**
   * The most recent stored articles (by publication, else ingestion time), oldest first: what a
   * story clusterer replays to pick up where the stored stories are.
   */
  public List<Article> recentArticles(int limit) {
    return inConnection(
        c -> {
          List<Article> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT external_id, title, body, url, outlet, published, author, origin FROM articles"
                      + " ORDER BY COALESCE(published, ingested_at) DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Article(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        time(rs, 6),
                        rs.getString(7),
                        rs.getString(8)));
              }
            }
          }
          java.util.Collections.reverse(out);
          return out;
        });
  }

  /** Number of articles and stories stored: a cheap liveness probe of the database. */
  public record Counts(long articles, long stories) {}

  public Counts counts() {
    return inConnection(
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories"
                          + " WHERE article_count > 0)")) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2));
          }
        });
  }

  /**
   * Links events (stored story rows, by key) into the story {@code threadKey}, with the day each
   * happened (or {@code null}); linking the same events again changes nothing.
   */
  public int linkEvents(String threadKey, List<StoryThreads.EventLink> events) {
    return events.isEmpty() ? 0 : inTransaction(c -> StoryThreads.link(c, threadKey, events));
  }

  /**
   * The events of the story that event {@code storyId} belongs to, in time order (undated last).
   */
  public List<StoryThreads.StoredEvent> storyEvents(long storyId) {
    return inConnection(c -> StoryThreads.eventsOf(c, storyId));
  }

  // ---------------------------------------------------------------- plumbing

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inConnection(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("database error: " + rootMessage(e), e);
    }
  }

  /**
   * Runs {@code work} in one transaction, retried a few times when the database reports a conflict
   * with a concurrent transaction (serialization failure, deadlock, lock timeout).
   */
  private <T> T inTransaction(SqlWork<T> work) {
    written = true;
    for (int attempt = 1; ; attempt++) {
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        if (attempt < 5 && retryable(e)) {
          continue;
        }
        throw new StoreException("database error: " + rootMessage(e), e);
      }
    }
  }

  private static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.equals("40001") || state.equals("40P01") || state.equals("HYT00"));
  }

  private static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("no generated id returned");
      }
      return keys.getLong(1);
    }
  }

  private static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }
  }

  private static Instant time(ResultSet rs, int i) throws SQLException {
    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code s}. */
  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null) {
      m = t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
        return true;
      }
    }
    return false;
  }

  /**
   * Closes the pool. An embedded file that was written is compacted first ({@code SHUTDOWN
   * COMPACT}: a 20,000-article ingest otherwise leaves several times the space its data needs) and
   * its files are set private again (compaction writes a new file).
   */
  @Override
  public void close() {
    Optional<Path> file = url.h2File();
    if (file.isPresent() && opened(file.get(), -1) == 0 && written) {
      try (Connection c = pool.getConnection();
          Statement st = c.createStatement()) {
        st.execute("SHUTDOWN COMPACT");
      } catch (SQLException | RuntimeException e) {
        // closed or broken already: the pool closes what is left; the file stays as it was
      }
    }
    pool.close();
    file.ifPresent(PrivateFiles::tighten);
  }
}

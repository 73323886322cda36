package dev.precis.store;

import static dev.precis.store.Sql.cut;
import static dev.precis.store.Sql.time;

import dev.precis.model.Article;
import dev.precis.store.Store.AddResult;
import dev.precis.text.Sentence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The {@code articles} and {@code sentences} tables: a cleaned article stored once (found again by
 * the hash of its URL and text), with its sentence offsets and the story it belongs to.
 */
final class ArticleRows {
  /** The columns {@link #article(ResultSet, int)} reads, in its order. */
  private static final String ARTICLE_COLUMNS =
      "external_id, title, body, url, outlet, published, author, origin";

  private ArticleRows() {}

  /** Stores the article and its sentences in the story {@code storyKey}, or finds it stored. */
  static AddResult add(Connection c, Article article, List<Sentence> sentences, String storyKey)
      throws SQLException {
    String identity = identityOf(article);
    AddResult existing = find(c, identity);
    if (existing != null) {
      return existing;
    }
    Instant now = Instant.now();
    long storyId = StoryRows.idOf(c, storyKey, now);
    long articleId;
    Savepoint save = c.setSavepoint();
    try {
      articleId =
          Sql.insert(
              c,
              "INSERT INTO articles (identity_hash, content_hash, external_id, url, title, outlet,"
                  + " author, published, origin, body, story_id, ingested_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              identity,
              sha256(article.text()),
              cut(article.id(), 1000),
              cut(article.url(), 4000),
              cut(article.title(), 2000),
              cut(article.outlet(), 500),
              cut(article.author(), 1000),
              Sql.time(article.published()),
              cut(article.origin(), 4000),
              article.text(),
              storyId,
              Sql.time(now));
    } catch (SQLException e) {
      if (StoryRows.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        // stored meanwhile by a concurrent writer: theirs stands
        c.rollback(save);
        AddResult raced = find(c, identity);
        if (raced != null) {
          return raced;
        }
      }
      throw e;
    }
    try (Sql.Batch batch =
        new Sql.Batch(
            c,
            "INSERT INTO sentences (article_id, idx, start_offset, end_offset) VALUES (?, ?, ?, ?)")) {
      for (Sentence s : sentences) {
        batch.add(articleId, s.index(), s.start(), s.end());
      }
      batch.run();
    }
    StoryRows.join(c, storyId, article, now);
    return new AddResult(articleId, storyId, true);
  }

  /** SHA-256 over the URL and the content hash: the same article from the same place. */
  static String identityOf(Article article) {
    return sha256((article.url() == null ? "" : article.url()) + "\n" + sha256(article.text()));
  }

  private static AddResult find(Connection c, String identity) throws SQLException {
    return Sql.first(
        c,
        "SELECT id, story_id FROM articles WHERE identity_hash = ?",
        rs -> new AddResult(rs.getLong(1), rs.getLong(2), false),
        identity);
  }

  /** The key of the story a stored article belongs to, or empty when it is not stored. */
  static Optional<String> storyKeyOf(Connection c, Article article) throws SQLException {
    return Optional.ofNullable(
        Sql.first(
            c,
            "SELECT s.story_key FROM articles a JOIN stories s ON s.id = a.story_id"
                + " WHERE a.identity_hash = ?",
            rs -> rs.getString(1),
            identityOf(article)));
  }

  /** A story's articles in a stable order: by time (published, else ingested), then id. */
  static List<StoredArticle> ofStory(Connection c, long storyId) throws SQLException {
    return Sql.list(
        c,
        "SELECT id, "
            + ARTICLE_COLUMNS
            + ", ingested_at FROM articles WHERE story_id = ?"
            + " ORDER BY COALESCE(published, ingested_at), id",
        rs -> new StoredArticle(rs.getLong(1), storyId, article(rs, 2), time(rs, 10)),
        storyId);
  }

  /** The most recent articles (by publication, else ingestion time), oldest first. */
  static List<Article> recent(Connection c, int limit) throws SQLException {
    List<Article> out =
        Sql.list(
            c,
            "SELECT "
                + ARTICLE_COLUMNS
                + " FROM articles ORDER BY COALESCE(published, ingested_at) DESC, id DESC LIMIT ?",
            rs -> article(rs, 1),
            limit);
    Collections.reverse(out);
    return out;
  }

  /** The article in {@link #ARTICLE_COLUMNS} starting at column {@code from}. */
  private static Article article(ResultSet rs, int from) throws SQLException {
    return new Article(
        rs.getString(from),
        rs.getString(from + 1),
        rs.getString(from + 2),
        rs.getString(from + 3),
        rs.getString(from + 4),
        time(rs, from + 5),
        rs.getString(from + 6),
        rs.getString(from + 7));
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
}

package dev.precis.store;

import dev.precis.model.Article;
import dev.precis.summarize.Summary;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.List;
import java.util.Optional;

/**
 * The Precis database: articles, their sentences, stories, and each story's cited summary.
 *
 * <p>Every write runs in one transaction, so a process killed at any point leaves either the whole
 * article (with its sentences and story membership) or nothing; summaries are computed afterwards
 * and carry the story revision they reflect, so a stale one is recomputed by the next ingest or the
 * next read. The same article (same URL and same cleaned text) stored twice is found by its hash
 * and left alone.
 *
 * <p>This class is the store's whole public face; each table group has its own class behind it
 * ({@code ArticleRows}, {@code StoryRows}, {@code SummaryRows}, {@link StoryThreads}), all written
 * against the small {@code Sql} layer, and {@code Database} owns the pool and transactions.
 *
 * <p>Thread-safe: a connection pool serves concurrent callers.
 *
 * <pre>{@code
 * try (Store store = Store.open(DatabaseUrl.parse("precis.db"))) {
 *   StoryPage newest = store.stories(1, 20);
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
  /** Longest article body stored, in characters (H2's longest VARCHAR). */
  public static final int MAX_TEXT_CHARS = 1_000_000;

  private final Database db;

  private Store(Database db) {
    this.db = db;
  }

  /** Opens (creating when needed) the database and brings its schema up to date. */
  public static Store open(DatabaseUrl url) {
    return open(url, 8);
  }

  /** Opens the database with a pool of at most {@code maxConnections}. */
  public static Store open(DatabaseUrl url, int maxConnections) {
    return new Store(Database.open(url, maxConnections));
  }

  /** Where this store lives (without the password). */
  public DatabaseUrl url() {
    return db.url();
  }

  // ---------------------------------------------------------------- articles

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
    return db.inTransaction(c -> ArticleRows.add(c, article, sentences, storyKey));
  }

  /** The key of the story a stored article belongs to, or empty when it is not stored. */
  public Optional<String> storyKeyOf(Article article) {
    return db.inConnection(c -> ArticleRows.storyKeyOf(c, article));
  }

  /**
   * The most recent stored articles (by publication, else ingestion time), oldest first: what a
   * story clusterer replays to pick up where the stored stories are.
   */
  public List<Article> recentArticles(int limit) {
    return db.inConnection(c -> ArticleRows.recent(c, limit));
  }

  // ---------------------------------------------------------------- stories

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
    return db.inTransaction(c -> StoryRows.moveArticles(c, articleIds, storyKey));
  }

  /** The current revision of a story, or -1 when there is no such story. */
  public long revision(long storyId) {
    return db.inConnection(c -> StoryRows.revision(c, storyId));
  }

  /** Stories with at least one article, newest first (latest article time, then id). */
  public StoryPage stories(int page, int size) {
    if (page < 1 || size < 1) {
      throw new IllegalArgumentException("page and size must be at least 1");
    }
    return db.inConnection(c -> StoryRows.page(c, page, size));
  }

  /** A story, or empty when there is none with this id. */
  public Optional<StoryInfo> storyInfo(long storyId) {
    return db.inConnection(c -> Optional.ofNullable(StoryRows.info(c, storyId)));
  }

  /** A story with its articles and stored summary (read consistently in one transaction). */
  public Optional<StoryDetail> story(long storyId) {
    return db.inTransaction(
        c -> {
          StoryInfo info = StoryRows.info(c, storyId);
          if (info == null) {
            return Optional.empty();
          }
          return Optional.of(SummaryRows.detail(c, info, ArticleRows.ofStory(c, storyId)));
        });
  }

  /** Number of articles and stories stored: a cheap liveness probe of the database. */
  public record Counts(long articles, long stories) {}

  public Counts counts() {
    return db.inConnection(StoryRows::counts);
  }

  /**
   * Links events (stored story rows, by key) into the story {@code threadKey}, with the day each
   * happened (or {@code null}); linking the same events again changes nothing.
   */
  public int linkEvents(String threadKey, List<StoryThreads.EventLink> events) {
    return events.isEmpty() ? 0 : db.inTransaction(c -> StoryThreads.link(c, threadKey, events));
  }

  /**
   * The events of the story that event {@code storyId} belongs to, in time order (undated last).
   */
  public List<StoryThreads.StoredEvent> storyEvents(long storyId) {
    return db.inConnection(c -> StoryThreads.eventsOf(c, storyId));
  }

  // ---------------------------------------------------------------- summaries

  /** Ids of stories whose stored summary is missing or older than their articles. */
  public List<Long> storiesNeedingSummary() {
    return db.inConnection(SummaryRows::storiesNeedingSummary);
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
    return db.inTransaction(c -> SummaryRows.storyDocuments(c, storyId));
  }

  /**
   * Stores a story's summary computed from {@link #storyDocuments} at {@code docs.revision()},
   * replacing the previous one. Does nothing and returns false when the story changed since (the
   * caller recomputes).
   */
  public boolean saveSummary(
      long storyId, StoryDocuments docs, Summary summary, String summarizer, int words) {
    return db.inTransaction(c -> SummaryRows.save(c, storyId, docs, summary, summarizer, words));
  }

  /**
   * Closes the pool. An embedded file that was written is compacted first ({@code SHUTDOWN
   * COMPACT}: a 20,000-article ingest otherwise leaves several times the space its data needs) and
   * its files are set private again (compaction writes a new file).
   */
  @Override
  public void close() {
    db.close();
  }
}

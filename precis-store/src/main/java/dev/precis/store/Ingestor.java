package dev.precis.store;

import dev.precis.Precis;
import dev.precis.facts.FactSheet;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
import dev.precis.text.Document;
import java.util.List;
import java.util.Optional;

/**
 * Prepares raw articles with {@link Precis}, stores them in their story, and keeps each story's
 * cited summary current. The one place where ingestion logic lives: the {@code ingest} command and
 * the HTTP API both call it.
 */
public final class Ingestor {
  private final Store store;
  private final Precis precis;
  private final SummaryOptions options;

  /** Ingests with the standard {@link Precis#defaults()} stages. */
  public Ingestor(Store store, SummaryOptions options) {
    this(store, Precis.defaults(), options);
  }

  /**
   * @param precis the stages articles go through; {@code options.summarizer()} must be one of its
   *     summarizers
   */
  public Ingestor(Store store, Precis precis, SummaryOptions options) {
    precis.summarizers().check(options.summarizer());
    this.store = store;
    this.precis = precis;
    this.options = options;
  }

  /** The stages articles go through. */
  public Precis precis() {
    return precis;
  }

  public Store store() {
    return store;
  }

  /** Cleans, splits and stores one article in the story with key {@code storyKey}. */
  public Store.AddResult add(RawArticle raw, String storyKey) {
    return addPrepared(precis.prepare(raw), storyKey);
  }

  /** Splits and stores an already cleaned article. */
  public Store.AddResult addPrepared(Article article, String storyKey) {
    Document doc = precis.split(List.of(article)).get(0);
    return store.addArticle(article, doc.sentences(), storyKey);
  }

  /**
   * Recomputes the summary of every story whose summary is missing or stale (for example after an
   * ingest was killed before it got there).
   *
   * @return number of summaries written
   */
  public int refreshSummaries() {
    int n = 0;
    for (long id : store.storiesNeedingSummary()) {
      if (summarize(id).isPresent()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Summarizes a story from its stored articles and stores the result; retried when articles join
   * meanwhile. Empty when there is no such story.
   */
  public Optional<Summary> summarize(long storyId) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<Store.StoryDocuments> docs = store.storyDocuments(storyId);
      if (docs.isEmpty() || docs.get().documents().isEmpty()) {
        return Optional.empty();
      }
      Summary summary = precis.summarizeDocuments(docs.get().documents(), options);
      if (store.saveSummary(storyId, docs.get(), summary, options.summarizer(), options.words())) {
        return Optional.of(summary);
      }
    }
    return Optional.empty();
  }

  /** Most articles of one story read for its fact sheet: extraction cost grows with them. */
  public static final int MAX_FACT_ARTICLES = 100;

  /**
   * The fact sheet of a story as read: entities, quotes, figures and timeline, with citations whose
   * document indices point into {@code detail.articles()}. Very large stories (more than {@link
   * #MAX_FACT_ARTICLES} articles) are read from their first articles only.
   */
  public FactSheet facts(StoryDetail detail) {
    return precis.facts(
        precis.split(
            detail.articles().stream()
                .limit(MAX_FACT_ARTICLES)
                .map(StoredArticle::article)
                .toList()));
  }

  /** The story with a current summary: computed and stored first when missing or stale. */
  public Optional<StoryDetail> story(long storyId) {
    Optional<StoryDetail> detail = store.story(storyId);
    if (detail.isPresent()
        && !detail.get().summaryCurrent()
        && !detail.get().articles().isEmpty()) {
      summarize(storyId);
      detail = store.story(storyId);
    }
    return detail;
  }
}

package dev.precis;

import dev.precis.format.EventSummary;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.story.FeatureExtractor;
import dev.precis.story.Story;
import dev.precis.story.StoryClusterer;
import dev.precis.story.StoryOptions;
import dev.precis.story.TextFeatures;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Articles in, stories out: prepare (extract and clean) → cluster ({@link StoryClusterer}) →
 * summarize a story over its canonical articles. The one orchestration of the {@code stories}
 * command, the store's clustered ingest and (through it) the server.
 *
 * <p>{@link #prepare} is thread-safe (so callers may prepare on a pool); {@link #add}, {@link
 * #closeAll} and the listener run on one thread, in input order, like the clusterer.
 *
 * <p>With {@code keepTexts}, the pipeline holds the canonical articles of every open story and
 * hands them to the listener when the story closes (memory follows open stories); without, a caller
 * that stores articles elsewhere gets an empty list.
 */
public final class StoryPipeline {
  /** Most articles one story summary is computed over (keeps huge stories fast). */
  public static final int MAX_SUMMARY_ARTICLES = 40;

  private static final ThreadLocal<FeatureExtractor> EXTRACTOR =
      ThreadLocal.withInitial(FeatureExtractor::new);

  /** A story that closed, with the texts of its canonical (non-duplicate) articles if kept. */
  public record ClosedStory(Story story, List<Article> canonical) {}

  /** A prepared article and its clustering features ({@code null} when it has no text). */
  public record Prepared(Article article, TextFeatures features) {}

  private final Precis precis;
  private final StoryClusterer clusterer;
  private final boolean keepTexts;
  private final Map<String, Article> texts = new HashMap<>();

  public StoryPipeline(
      Precis precis, StoryOptions options, boolean keepTexts, Consumer<ClosedStory> listener) {
    this.precis = precis;
    this.keepTexts = keepTexts;
    this.clusterer = new StoryClusterer(options, story -> listener.accept(close(story)));
  }

  public Precis precis() {
    return precis;
  }

  /** Extracts, cleans and computes clustering features; thread-safe. */
  public Prepared prepare(RawArticle raw) {
    Article a = precis.prepare(raw);
    return new Prepared(a, a.text().isBlank() ? null : StoryClusterer.features(a, EXTRACTOR.get()));
  }

  /** Clusters a prepared article. */
  public StoryClusterer.Assignment add(Prepared p) {
    StoryClusterer.Assignment as =
        p.features() == null
            ? clusterer.add(p.article())
            : clusterer.add(p.article(), p.features());
    if (keepTexts && as.duplicateOf() == null) {
      texts.put(p.article().id(), p.article());
    }
    return as;
  }

  /** Clusters a cleaned article. */
  public StoryClusterer.Assignment add(Article article) {
    return add(new Prepared(article, null));
  }

  /** Whether an article with this id is in an open story (ids must be unique while open). */
  public boolean isOpen(String articleId) {
    return texts.containsKey(articleId);
  }

  /** Articles clustered so far. */
  public long articles() {
    return clusterer.articles();
  }

  /** Closes every open story; the listener hears each one. */
  public void closeAll() {
    clusterer.closeAll();
  }

  /**
   * The cited summary of a story's canonical articles, computed over at most {@link
   * #MAX_SUMMARY_ARTICLES} of them evenly spread over its arrival order; {@code null} if none.
   */
  public Summary summarize(List<Article> canonical, SummaryOptions options) {
    return StoryEntries.summarize(precis, canonical, options);
  }

  /**
   * The summaries of a story's events, in the story's (time) order, each over that event's own
   * canonical articles (at most {@link #MAX_SUMMARY_ARTICLES}, spread): no summary mixes two
   * events. An event without text gets a {@code null} summary.
   */
  public List<EventSummary> summarizeEvents(
      Story story, List<Article> canonical, SummaryOptions options) {
    return StoryEntries.summarizeEvents(precis, story, canonical, options);
  }

  /** At most {@link #MAX_SUMMARY_ARTICLES}, evenly spread over the story's arrival order. */
  public static List<Article> spread(List<Article> articles) {
    int n = articles.size();
    if (n <= MAX_SUMMARY_ARTICLES) {
      return articles;
    }
    List<Article> out = new ArrayList<>(MAX_SUMMARY_ARTICLES);
    for (int i = 0; i < MAX_SUMMARY_ARTICLES; i++) {
      out.add(articles.get((int) ((long) i * (n - 1) / (MAX_SUMMARY_ARTICLES - 1))));
    }
    return out;
  }

  private ClosedStory close(Story story) {
    List<Article> canonical = new ArrayList<>();
    if (keepTexts) {
      for (String id : story.canonicalIds()) {
        Article a = texts.remove(id);
        if (a != null && !a.text().isBlank()) {
          canonical.add(a);
        }
      }
      for (String id : story.articleIds()) {
        texts.remove(id);
      }
    }
    return new ClosedStory(story, canonical);
  }
}

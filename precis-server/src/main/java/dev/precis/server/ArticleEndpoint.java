package dev.precis.server;

import static dev.precis.server.JsonAnswers.sendJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.Precis;
import dev.precis.ingest.EmptyArticles;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.store.ClusteredIngest;
import dev.precis.store.Ingestor;
import dev.precis.store.Store;
import dev.precis.story.StoryOptions;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/articles}: articles stored under the story key given, or clustered into stories
 * with the articles posted before (and those stored, replayed on start).
 */
final class ArticleEndpoint {
  /** Stored articles fed to the clusterer on start (the last few days of a busy feed). */
  private static final int REPLAY_ARTICLES = 20_000;

  private final ServerConfig config;
  private final Precis precis;
  private final Ingestor ingestor;
  private final StoryEndpoints stories;

  /**
   * Article posts stored at once: each holds the clusterer or a database transaction, so more only
   * queue, and a flood of posts must not take every request thread.
   */
  private final WorkSlots writeSlots =
      new WorkSlots(
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          10,
          "too many article posts in progress; try again shortly");

  /** Clusters the articles posted without a story key; guarded by itself. */
  private final ClusteredIngest stream;

  ArticleEndpoint(ServerConfig config, Precis precis, Ingestor ingestor, StoryEndpoints stories) {
    this.config = config;
    this.precis = precis;
    this.ingestor = ingestor;
    this.stories = stories;
    // a run key of its own per start: new clusters never reuse the keys of an earlier run
    this.stream =
        new ClusteredIngest(
            ingestor,
            StoryOptions.defaults(),
            "api:" + Long.toString(System.currentTimeMillis(), 36));
  }

  /**
   * Replays the most recent stored articles into the clusterer (holding its lock), so posted
   * articles join the stories already stored; then brings up to date the summaries a kill left
   * stale. A post stores its articles, then summarizes their stories: killed in between, the
   * articles are there and acknowledged to nobody, and the client's retry finds them stored ({@code
   * added: false}), so nothing else would summarize those stories again (ServerRestartTest).
   */
  void replayRecent(Store store) {
    synchronized (stream) {
      try {
        for (Article a : store.recentArticles(REPLAY_ARTICLES)) {
          stream.replay(a);
        }
      } catch (RuntimeException e) {
        System.err.println("precis: warning: could not replay recent articles: " + e.getMessage());
      }
    }
    try {
      refreshStaleSummaries();
    } catch (RuntimeException e) {
      System.err.println("precis: warning: could not refresh stale summaries: " + e.getMessage());
    }
  }

  /** Summarizes every story whose stored summary is missing or of an older revision. */
  private void refreshStaleSummaries() {
    for (long id : ingestor.store().storiesNeedingSummary()) {
      ingestor.summarize(id);
      stories.invalidate(id);
    }
  }

  /** Closes the clusterer's open stories (on stop), leaving every stored summary current. */
  void finish() {
    synchronized (stream) {
      int movedBefore = stream.moved();
      stream.finish();
      if (stream.moved() != movedBefore) {
        // closing the clusters moved articles between stored stories: summarize those again
        refreshStaleSummaries();
      }
    }
  }

  void post(Request request, byte[] body, Response response, Callback callback) {
    ArticleRequests.Batch batch = ArticleRequests.parse(request, body, config.maxArticles());
    writeSlots.run(() -> store(batch, response, callback));
  }

  private void store(ArticleRequests.Batch batch, Response response, Callback callback) {
    String story = batch.story();
    ObjectNode out = StoryJson.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("articles");
    Set<Long> storyIds = new LinkedHashSet<>();
    Set<Long> changed = new LinkedHashSet<>();
    int added = 0;
    int skipped = 0;
    boolean storiesMoved = false;
    ArrayNode warnings = out.putArray("warnings");
    batch.warnings().forEach(warnings::add);
    for (RawArticle raw : batch.articles()) {
      Store.AddResult r;
      try {
        Article article = precis.prepare(raw); // the costly part, outside the lock
        if (EmptyArticles.isEmpty(article)) {
          // skipped as every command skips it: nothing empty reaches the reader
          String warning = EmptyArticles.warning("article " + raw.id());
          list.addObject().put("input", raw.id()).put("skipped", EmptyArticles.REASON);
          warnings.add(warning);
          skipped++;
          continue;
        }
        if (story != null) {
          r = ingestor.addPrepared(article, story);
        } else {
          synchronized (stream) {
            int movedBefore = stream.moved();
            r = stream.addPrepared(article);
            storiesMoved |= stream.moved() != movedBefore;
          }
        }
      } catch (IllegalArgumentException e) {
        throw new HttpError(413, e.getMessage());
      }
      ObjectNode a = list.addObject();
      a.put("id", r.articleId());
      a.put("storyId", r.storyId());
      a.put("added", r.added());
      storyIds.add(r.storyId());
      if (r.added()) {
        changed.add(r.storyId());
        added++;
      }
    }
    for (long id : changed) {
      ingestor.summarize(id);
      stories.invalidate(id);
    }
    if (storiesMoved) {
      // a cluster that closed moved articles between stored stories: those stories changed too
      refreshStaleSummaries();
    }
    ArrayNode ids = out.putArray("stories");
    storyIds.forEach(ids::add);
    out.put("added", added);
    out.put("unchanged", batch.articles().size() - added - skipped);
    out.put("skipped", skipped);
    sendJson(response, callback, added > 0 ? 201 : 200, out);
  }
}

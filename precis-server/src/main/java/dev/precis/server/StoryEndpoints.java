package dev.precis.server;

import static dev.precis.server.JsonAnswers.bytes;
import static dev.precis.server.JsonAnswers.send;
import static dev.precis.server.JsonAnswers.sendJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.store.Ingestor;
import dev.precis.store.Store;
import dev.precis.store.StoryDetail;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The read endpoints: {@code GET /api/health}, {@code /api/stories} and {@code /api/stories/ID}, a
 * story's JSON cached by the revision it shows.
 */
final class StoryEndpoints {
  private static final int MAX_PAGE_SIZE = 100;

  /** Rendered story JSON kept in memory. */
  static final long STORY_CACHE_BYTES = 64L << 20;

  private final Store store;
  private final Ingestor ingestor;
  private final StoryCache cache = new StoryCache(10_000, STORY_CACHE_BYTES, 250);
  private final Object[] renderLocks = new Object[64];
  private final HealthCheck health;

  StoryEndpoints(Store store, Ingestor ingestor, HealthCheck health) {
    this.store = store;
    this.ingestor = ingestor;
    this.health = health;
    for (int i = 0; i < renderLocks.length; i++) {
      renderLocks[i] = new Object();
    }
  }

  /** Forgets a story's rendered JSON after it changed. */
  void invalidate(long storyId) {
    cache.invalidate(storyId);
  }

  /**
   * Answered from {@link HealthCheck}, never waiting for a pooled connection: a probe is answered
   * within about {@link HealthCheck#FRESH_WAIT_MILLIS} however busy the database is.
   */
  void health(Response response, Callback callback) {
    ObjectNode o = StoryJson.MAPPER.createObjectNode();
    int status = health.answer(o);
    sendJson(response, callback, status, o);
  }

  void stories(Request request, Response response, Callback callback) {
    Fields query = Request.extractQueryParameters(request);
    int page = QueryParams.intParam(query, "page", 1, 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    int size = QueryParams.intParam(query, "size", 20, 1, MAX_PAGE_SIZE);
    sendJson(response, callback, 200, StoryJson.page(store.stories(page, size)));
  }

  void story(String idText, Response response, Callback callback) {
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw new HttpError(404, "no such story: " + idText);
    }
    byte[] json = StoryEvents.withEvents(id, eventJson(id), store.storyEvents(id), this::eventJson);
    send(response, callback, 200, JsonAnswers.JSON, json);
  }

  /** The JSON of one stored event (a story row) with its own summary, cached by revision. */
  private byte[] eventJson(long id) {
    byte[] cached = cache.fresh(id);
    if (cached == null) {
      long revision = store.revision(id);
      if (revision < 0) {
        throw new HttpError(404, "no such story: " + id);
      }
      cached = cache.get(id, revision);
    }
    return cached != null ? cached : render(id);
  }

  /**
   * Loads, summarizes when stale and renders a story. One thread per story does the work (the
   * others wait for it and take the cached result), so many readers of a story that just changed do
   * not all recompute it.
   */
  private byte[] render(long id) {
    synchronized (renderLocks[(int) Math.floorMod(id, (long) renderLocks.length)]) {
      long revision = store.revision(id);
      byte[] cached = cache.get(id, revision);
      if (cached != null) {
        return cached;
      }
      Optional<StoryDetail> detail = ingestor.story(id);
      if (detail.isEmpty()) {
        throw new HttpError(404, "no such story: " + id);
      }
      if (detail.get().articles().isEmpty()) {
        throw new HttpError(404, "story " + id + " has no articles (merged into another story)");
      }
      cached = bytes(StoryJson.detail(detail.get(), ingestor.facts(detail.get())));
      if (detail.get().summaryCurrent()) {
        cache.put(id, detail.get().info().revision(), cached);
      }
      return cached;
    }
  }
}

package dev.precis.server;

import static dev.precis.server.JsonAnswers.error;

import dev.precis.ingest.InputException;
import dev.precis.store.StoreException;
import java.util.concurrent.Executor;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every route of the server on one screen: method and path to an endpoint, failures to a JSON error
 * of the matching status. Writes are checked (origin, key, type, length) before their body is read.
 */
final class Routes extends Handler.Abstract {
  /** A body posted to an endpoint, read in full. */
  @FunctionalInterface
  interface BodyEndpoint {
    void handle(Request request, byte[] body, Response response, Callback callback);
  }

  /** How long a refused write's body is read and dropped so the client sees the refusal. */
  private static final long DISCARD_MILLIS = 5_000;

  private static final HttpField NOSNIFF =
      new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
  private static final HttpField NO_REFERRER =
      new PreEncodedHttpField("Referrer-Policy", "no-referrer");

  private final ServerConfig config;
  private final RequestGuard guard;
  private final Executor requestThreads;
  private final StaticPages pages;
  private final StoryEndpoints stories;
  private final ArticleEndpoint articles;
  private final SummarizeEndpoint summaries;

  Routes(
      ServerConfig config,
      Executor requestThreads,
      StaticPages pages,
      StoryEndpoints stories,
      ArticleEndpoint articles,
      SummarizeEndpoint summaries) {
    this.config = config;
    this.guard = new RequestGuard(config);
    this.requestThreads = requestThreads;
    this.pages = pages;
    this.stories = stories;
    this.articles = articles;
    this.summaries = summaries;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    headers.add(NOSNIFF);
    headers.add(NO_REFERRER);
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    answer(
        request,
        response,
        callback,
        () -> {
          guard.checkHost(request);
          if (path.startsWith("/api/")) {
            api(method, path, request, response, callback);
          } else {
            pages.page(method, path, response, callback);
          }
        });
    return true;
  }

  private void api(
      String method, String path, Request request, Response response, Callback callback) {
    switch (path) {
      case "/api/health" -> {
        requireMethod(method, "GET");
        stories.health(response, callback);
      }
      case "/api/openapi.json" -> {
        requireMethod(method, "GET");
        pages.openApi(response, callback);
      }
      case "/api/stories" -> {
        requireMethod(method, "GET");
        stories.stories(request, response, callback);
      }
      case "/api/articles" -> {
        requireMethod(method, "POST");
        withBody(request, response, callback, articles::post);
      }
      case "/api/summarize" -> {
        requireMethod(method, "POST");
        withBody(request, response, callback, summaries::post);
      }
      default -> {
        if (path.startsWith("/api/stories/")) {
          requireMethod(method, "GET");
          stories.story(path.substring("/api/stories/".length()), response, callback);
        } else {
          throw new HttpError(404, "no such endpoint: " + path);
        }
      }
    }
  }

  static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new HttpError(405, "method " + method + " not allowed here (use " + allowed + ")");
    }
  }

  /** Runs a handler, answering its failure with a JSON error of the matching status. */
  private static void answer(
      Request request, Response response, Callback callback, Runnable handler) {
    String method = request.getMethod();
    String path = Request.getPathInContext(request);
    try {
      handler.run();
    } catch (HttpError e) {
      if (e.status == 408 || e.status == 413) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
      }
      error(response, callback, e.status, e.getMessage());
    } catch (InputException | IllegalArgumentException e) {
      error(response, callback, 400, e.getMessage());
    } catch (StoreException e) {
      error(response, callback, 503, "database unavailable: " + e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      // an Error too: a handler run after an asynchronous read must still answer, or the
      // request would hang with its callback never completed
      System.err.println("precis: internal error on " + method + " " + path + ": " + e);
      if (System.getenv("PRECIS_DEBUG") != null) {
        e.printStackTrace();
      }
      error(response, callback, 500, "internal error");
    }
  }

  /**
   * Checks a write before reading its body (origin, key, type, declared length), then reads the
   * body without holding a thread and runs {@code endpoint} on a request thread once it is
   * complete.
   */
  private void withBody(
      Request request, Response response, Callback callback, BodyEndpoint endpoint) {
    guard.checkSameOrigin(request);
    try {
      guard.requireKey(request);
      ArticleRequests.checkType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
      RequestBodies.checkDeclaredLength(request, config.maxBodyBytes());
    } catch (HttpError refused) {
      // refused before a byte is parsed and answered at once; the body is dropped afterwards
      // (bounded, without holding a thread) before the connection closes, since closing while
      // the client still sends resets the connection and it would never see its status
      // (RefusedWriteTest, HostileClientTest)
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      Callback thenDiscard =
          Callback.from(
              () ->
                  RequestBodies.discard(request, config.maxBodyBytes(), DISCARD_MILLIS)
                      .whenComplete((ignored, failure) -> callback.succeeded()),
              callback::failed);
      answer(
          request,
          response,
          thenDiscard,
          () -> {
            throw refused;
          });
      return;
    }
    RequestBodies.read(request, config.maxBodyBytes(), config.bodyTimeoutMillis())
        .whenCompleteAsync(
            (body, failure) ->
                answer(
                    request,
                    response,
                    callback,
                    () -> {
                      if (failure != null) {
                        throw RequestBodies.refusal(failure);
                      }
                      endpoint.handle(request, body, response, callback);
                    }),
            requestThreads);
  }
}

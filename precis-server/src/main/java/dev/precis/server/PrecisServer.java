package dev.precis.server;

import static dev.precis.server.JsonAnswers.bytes;
import static dev.precis.server.JsonAnswers.error;
import static dev.precis.server.JsonAnswers.send;
import static dev.precis.server.JsonAnswers.sendJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.Precis;
import dev.precis.format.FactSheetFormat;
import dev.precis.format.SummaryFormat;
import dev.precis.ingest.EmptyArticles;
import dev.precis.ingest.InputException;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.store.ClusteredIngest;
import dev.precis.store.Ingestor;
import dev.precis.store.Store;
import dev.precis.store.StoreException;
import dev.precis.store.StoryDetail;
import dev.precis.story.StoryOptions;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
import dev.precis.text.Document;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Precis HTTP server: the JSON API under {@code /api} and the web reader at {@code /}, on Jetty
 * 12 core handlers. Handlers are thin: parsing and status codes here, the work in {@link Ingestor},
 * {@link Store} and {@link Precis}.
 *
 * <p>Stopping is graceful: new requests are refused with 503 while requests in flight finish (up to
 * 10 seconds); a JVM shutdown (Ctrl-C, SIGTERM) stops the server the same way.
 */
public final class PrecisServer implements AutoCloseable {
  private static final String JSON = JsonAnswers.JSON;
  private static final int MAX_SUMMARY_WORDS = 1000;

  /** Most articles in one stateless summary: it is computed while the client waits. */
  private static final int MAX_SUMMARIZE_ARTICLES = 200;

  private static final int MAX_PAGE_SIZE = 100;

  /** How long a refused write's body is read and dropped so the client sees the refusal. */
  private static final long DISCARD_MILLIS = 5_000;

  /** Stored articles fed to the clusterer on start (the last few days of a busy feed). */
  private static final int REPLAY_ARTICLES = 20_000;

  /** Rendered story JSON kept in memory. */
  static final long STORY_CACHE_BYTES = 64L << 20;

  /** A connection with nothing sent or received for this long is closed. */
  static final long IDLE_TIMEOUT_MILLIS = 30_000;

  /** Slowest request body accepted (after the first second), in bytes per second. */
  static final long MIN_REQUEST_BYTES_PER_SECOND = 1024;

  /** Most open connections; beyond it Jetty stops accepting until one closes. */
  static final int MAX_CONNECTIONS = 2048;

  private static final HttpField NOSNIFF =
      new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
  private static final HttpField CSP =
      new PreEncodedHttpField(
          "Content-Security-Policy",
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
              + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  private static final HttpField NO_REFERRER =
      new PreEncodedHttpField("Referrer-Policy", "no-referrer");

  private final ServerConfig config;
  private final Ingestor ingestor;
  private final Store store;
  private final StoryCache cache = new StoryCache(10_000, STORY_CACHE_BYTES, 250);
  private final Object[] renderLocks = new Object[64];

  /**
   * Stateless summaries running at once: CPU-bound work beyond the cores only queues, and a flood
   * of summaries must not starve the cheap story reads that share the thread pool.
   */
  private final WorkSlots summarizeSlots =
      new WorkSlots(
          Math.max(2, 2 * Runtime.getRuntime().availableProcessors()),
          30,
          "too many summaries in progress; try again shortly");

  /**
   * Article posts stored at once: each holds the clusterer or a database transaction, so more only
   * queue, and a flood of posts must not take every request thread.
   */
  private final WorkSlots writeSlots =
      new WorkSlots(
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          10,
          "too many article posts in progress; try again shortly");

  private final Map<String, byte[]> resources = new HashMap<>();
  private final Server server;
  private final ServerConnector connector;
  private final RequestGuard guard;

  /** Clusters the articles posted without a story key; guarded by itself. */
  private final ClusteredIngest stream;

  private final Thread replay;
  private final Precis precis;

  /** A server with the standard {@link Precis#defaults()} stages. */
  public PrecisServer(Store store, ServerConfig config) {
    this(store, config, Precis.defaults());
  }

  /** A server whose articles and summaries go through {@code precis}'s stages. */
  public PrecisServer(Store store, ServerConfig config, Precis precis) {
    this.config = config;
    this.store = store;
    this.precis = precis;
    this.ingestor = new Ingestor(store, precis, config.options());
    for (int i = 0; i < renderLocks.length; i++) {
      renderLocks[i] = new Object();
    }
    this.guard = new RequestGuard(config);
    // a run key of its own per start: new clusters never reuse the keys of an earlier run
    this.stream =
        new ClusteredIngest(
            ingestor,
            StoryOptions.defaults(),
            "api:" + Long.toString(System.currentTimeMillis(), 36));
    this.replay = new Thread(this::replayRecent, "precis-replay");
    this.replay.setDaemon(true);
    loadResource("/", "index.html");
    loadResource("/app.js", "app.js");
    loadResource("/app.css", "app.css");
    loadResource("/api/openapi.json", "openapi.json");

    QueuedThreadPool threads = new QueuedThreadPool(config.threads(), 4);
    threads.setName("precis-http");
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // a client that sends its body slower than this is cut off (408) instead of holding the
    // connection until the body deadline
    http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
    http.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    server.addConnector(connector);
    // each open connection costs a file descriptor and a little memory, never a thread
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
    GracefulHandler graceful = new GracefulHandler(new App());
    server.setHandler(graceful);
    server.setErrorHandler(new JsonAnswers.JsonErrorHandler());
    server.setStopTimeout(10_000);
    server.setStopAtShutdown(true);
  }

  /** Starts listening; throws when the port is taken. */
  public PrecisServer start() {
    try {
      server.start();
      replay.start();
    } catch (IOException e) {
      throw new InputException(
          "cannot listen on " + config.host() + ":" + config.port() + " (" + e.getMessage() + ")");
    } catch (Exception e) {
      throw new IllegalStateException("server failed to start: " + e.getMessage(), e);
    }
    return this;
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    if (host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    }
    return "http://" + host + ":" + port();
  }

  /** The address really bound, e.g. {@code http://0.0.0.0:8080} when listening everywhere. */
  public String boundUrl() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "http://" + host + ":" + port();
  }

  /** True unless the bound address is a loopback one (other machines may connect). */
  public boolean listensBeyondLoopback() {
    try {
      return !java.net.InetAddress.getByName(config.host()).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return true;
    }
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Replays the most recent stored articles into the clusterer (holding its lock), so posted
   * articles join the stories already stored.
   */
  private void replayRecent() {
    synchronized (stream) {
      try {
        for (Article a : store.recentArticles(REPLAY_ARTICLES)) {
          stream.replay(a);
        }
      } catch (RuntimeException e) {
        System.err.println("precis: warning: could not replay recent articles: " + e.getMessage());
      }
    }
  }

  /** Stops gracefully: refuses new requests, lets those in flight finish. */
  @Override
  public void close() {
    try {
      server.stop();
      synchronized (stream) {
        stream.finish();
      }
    } catch (java.util.concurrent.TimeoutException e) {
      // requests still running after the stop timeout were cut off: the server is down anyway
      System.err.println("precis: requests still running after 10 s were cut off");
    } catch (Exception e) {
      throw new IllegalStateException("server failed to stop: " + e.getMessage(), e);
    }
  }

  private void loadResource(String path, String name) {
    try (InputStream in = PrecisServer.class.getResourceAsStream("web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource web/" + name);
      }
      resources.put(path, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- routing

  private final class App extends Handler.Abstract {
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
              page(method, path, response, callback);
            }
          });
      return true;
    }
  }

  private static final byte[] NOT_FOUND_PAGE =
      ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found · Precis"
              + "</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><main>"
              + "<h1>Page not found</h1><p class=\"muted\">There is no such page here.</p>"
              + "<p><a href=\"/\">← All stories</a></p></main></body></html>")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);

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

  private void page(String method, String path, Response response, Callback callback) {
    byte[] body = resources.get(path);
    if (body == null && !path.startsWith("/api/") && "GET".equals(method)) {
      // a browser gets a page with a way back, not a line of JSON
      response.getHeaders().add(CSP);
      send(response, callback, 404, "text/html; charset=utf-8", NOT_FOUND_PAGE);
      return;
    }
    if (body == null || path.startsWith("/api/")) {
      throw new HttpError(404, "no such page: " + path);
    }
    requireMethod(method, "GET");
    String type =
        path.endsWith(".js")
            ? "text/javascript; charset=utf-8"
            : path.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    response.getHeaders().add(CSP);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    send(response, callback, 200, type, body);
  }

  private void api(
      String method, String path, Request request, Response response, Callback callback) {
    switch (path) {
      case "/api/health" -> {
        requireMethod(method, "GET");
        health(response, callback);
      }
      case "/api/openapi.json" -> {
        requireMethod(method, "GET");
        send(response, callback, 200, JSON, resources.get(path));
      }
      case "/api/stories" -> {
        requireMethod(method, "GET");
        Fields query = Request.extractQueryParameters(request);
        int page = QueryParams.intParam(query, "page", 1, 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int size = QueryParams.intParam(query, "size", 20, 1, MAX_PAGE_SIZE);
        sendJson(response, callback, 200, StoryJson.page(store.stories(page, size)));
      }
      case "/api/articles" -> {
        requireMethod(method, "POST");
        withBody(
            request, response, callback, body -> postArticles(request, body, response, callback));
      }
      case "/api/summarize" -> {
        requireMethod(method, "POST");
        withBody(request, response, callback, body -> summarize(request, body, response, callback));
      }
      default -> {
        if (path.startsWith("/api/stories/")) {
          requireMethod(method, "GET");
          story(path.substring("/api/stories/".length()), response, callback);
        } else {
          throw new HttpError(404, "no such endpoint: " + path);
        }
      }
    }
  }

  // ---------------------------------------------------------------- endpoints

  private void health(Response response, Callback callback) {
    ObjectNode o = StoryJson.MAPPER.createObjectNode();
    try {
      Store.Counts counts = store.counts();
      o.put("status", "ok");
      o.put("database", store.url().postgres() ? "postgresql" : "h2");
      o.put("articles", counts.articles());
      o.put("stories", counts.stories());
      sendJson(response, callback, 200, o);
    } catch (StoreException e) {
      o.put("status", "unavailable");
      o.put("error", e.getMessage());
      sendJson(response, callback, 503, o);
    }
  }

  private void story(String idText, Response response, Callback callback) {
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw new HttpError(404, "no such story: " + idText);
    }
    byte[] json = StoryEvents.withEvents(id, eventJson(id), store.storyEvents(id), this::eventJson);
    send(response, callback, 200, JSON, json);
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

  /**
   * Checks a write before reading its body (origin, key, type, declared length), then reads the
   * body without holding a thread and runs {@code handler} on a request thread once it is complete.
   */
  private void withBody(
      Request request, Response response, Callback callback, Consumer<byte[]> handler) {
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
                      handler.accept(body);
                    }),
            server.getThreadPool());
  }

  private void postArticles(Request request, byte[] body, Response response, Callback callback) {
    ArticleRequests.Batch batch =
        ArticleRequests.parse(
            request.getHeaders().get(HttpHeader.CONTENT_TYPE),
            body,
            QueryParams.asMap(request),
            config.maxArticles());
    writeSlots.run(() -> store(batch, response, callback));
  }

  private void store(ArticleRequests.Batch batch, Response response, Callback callback) {
    String story = batch.story();
    ObjectNode out = StoryJson.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("articles");
    Set<Long> stories = new LinkedHashSet<>();
    Set<Long> changed = new LinkedHashSet<>();
    int added = 0;
    int skipped = 0;
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
            r = stream.addPrepared(article);
          }
        }
      } catch (IllegalArgumentException e) {
        throw new HttpError(413, e.getMessage());
      }
      ObjectNode a = list.addObject();
      a.put("id", r.articleId());
      a.put("storyId", r.storyId());
      a.put("added", r.added());
      stories.add(r.storyId());
      if (r.added()) {
        changed.add(r.storyId());
        added++;
      }
    }
    for (long id : changed) {
      ingestor.summarize(id);
      cache.invalidate(id);
    }
    ArrayNode ids = out.putArray("stories");
    stories.forEach(ids::add);
    out.put("added", added);
    out.put("unchanged", batch.articles().size() - added - skipped);
    out.put("skipped", skipped);
    sendJson(response, callback, added > 0 ? 201 : 200, out);
  }

  private void summarize(Request request, byte[] body, Response response, Callback callback) {
    ArticleRequests.Batch batch =
        ArticleRequests.parse(
            request.getHeaders().get(HttpHeader.CONTENT_TYPE),
            body,
            QueryParams.asMap(request),
            Math.min(config.maxArticles(), MAX_SUMMARIZE_ARTICLES));
    SummaryOptions base = config.options();
    int words = batch.words() != null ? batch.words() : base.words();
    if (words > MAX_SUMMARY_WORDS) {
      throw new HttpError(400, "\"words\" must be at most " + MAX_SUMMARY_WORDS);
    }
    String summarizer = batch.summarizer() != null ? batch.summarizer() : base.summarizer();
    precis.summarizers().check(summarizer); // unknown names are a 400 with the list of known ones
    summarizeSlots.run(() -> summarizeNow(batch, words, summarizer, response, callback));
  }

  private void summarizeNow(
      ArticleRequests.Batch batch,
      int words,
      String summarizer,
      Response response,
      Callback callback) {
    SummaryOptions base = config.options();
    List<Article> articles = batch.articles().stream().map(precis::prepare).toList();
    List<Document> docs = precis.split(articles);
    Summary summary =
        precis.summarizeDocuments(docs, new SummaryOptions(words, base.truncate(), summarizer));
    ObjectNode json = SummaryFormat.toJson(summary);
    if (batch.facts()) {
      json.set("facts", FactSheetFormat.toJson(precis.facts(docs)));
    }
    sendJson(response, callback, 200, json);
  }

  // ---------------------------------------------------------------- helpers

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new HttpError(405, "method " + method + " not allowed here (use " + allowed + ")");
    }
  }
}

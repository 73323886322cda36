package dev.precis.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.Precis;
import dev.precis.format.FactSheetFormat;
import dev.precis.format.SummaryFormat;
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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
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
  private static final String JSON = "application/json; charset=utf-8";
  private static final int MAX_SUMMARY_WORDS = 1000;

  /** Most articles in one stateless summary: it is computed while the client waits. */
  private static final int MAX_SUMMARIZE_ARTICLES = 200;

  private static final int MAX_PAGE_SIZE = 100;

  /** Stored articles fed to the clusterer on start (the last few days of a busy feed). */
  private static final int REPLAY_ARTICLES = 20_000;

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
  private final StoryCache cache = new StoryCache(10_000, 250);
  private final Object[] renderLocks = new Object[64];

  /**
   * Stateless summaries running at once: CPU-bound work beyond the cores only queues, and a flood
   * of summaries must not starve the cheap story reads that share the thread pool.
   */
  private final java.util.concurrent.Semaphore summarizeSlots =
      new java.util.concurrent.Semaphore(
          Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), true);

  private final Map<String, byte[]> resources = new HashMap<>();
  private final Server server;
  private final ServerConnector connector;
  private final byte[] apiKey;

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
    this.apiKey = config.apiKey() == null ? null : config.apiKey().getBytes(StandardCharsets.UTF_8);
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
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    GracefulHandler graceful = new GracefulHandler(new App());
    server.setHandler(graceful);
    server.setErrorHandler(new JsonErrorHandler());
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
      try {
        if (path.startsWith("/api/")) {
          api(method, path, request, response, callback);
        } else {
          page(method, path, response, callback);
        }
      } catch (HttpError e) {
        error(response, callback, e.status, e.getMessage());
      } catch (InputException | IllegalArgumentException e) {
        error(response, callback, 400, e.getMessage());
      } catch (StoreException e) {
        error(response, callback, 503, "database unavailable: " + e.getMessage());
      } catch (RuntimeException e) {
        System.err.println("precis: internal error on " + method + " " + path + ": " + e);
        if (System.getenv("PRECIS_DEBUG") != null) {
          e.printStackTrace();
        }
        error(response, callback, 500, "internal error");
      }
      return true;
    }
  }

  private void page(String method, String path, Response response, Callback callback) {
    byte[] body = resources.get(path);
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
        int page = intParam(query, "page", 1, 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int size = intParam(query, "size", 20, 1, MAX_PAGE_SIZE);
        sendJson(response, callback, 200, StoryJson.page(store.stories(page, size)));
      }
      case "/api/articles" -> {
        requireMethod(method, "POST");
        try {
          requireKey(request);
        } catch (HttpError refused) {
          // read the body first: answering and closing while the client still sends resets the
          // connection, and the client never sees the 401/403 (RefusedWriteTest)
          discardBody(request);
          throw refused;
        }
        postArticles(request, response, callback);
      }
      case "/api/summarize" -> {
        requireMethod(method, "POST");
        summarize(request, response, callback);
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
    byte[] cached = cache.fresh(id);
    if (cached == null) {
      long revision = store.revision(id);
      if (revision < 0) {
        throw new HttpError(404, "no such story: " + id);
      }
      cached = cache.get(id, revision);
    }
    if (cached == null) {
      cached = render(id);
    }
    send(response, callback, 200, JSON, cached);
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

  private void postArticles(Request request, Response response, Callback callback) {
    ArticleRequests.Batch batch =
        ArticleRequests.parse(
            request.getHeaders().get(HttpHeader.CONTENT_TYPE), body(request),
            queryMap(request), config.maxArticles());
    String story = batch.story();
    ObjectNode out = StoryJson.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("articles");
    Set<Long> stories = new LinkedHashSet<>();
    Set<Long> changed = new LinkedHashSet<>();
    int added = 0;
    for (RawArticle raw : batch.articles()) {
      Store.AddResult r;
      try {
        if (story != null) {
          r = ingestor.add(raw, story);
        } else {
          Article article = precis.prepare(raw); // the costly part, outside the lock
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
    out.put("unchanged", batch.articles().size() - added);
    sendJson(response, callback, added > 0 ? 201 : 200, out);
  }

  private void summarize(Request request, Response response, Callback callback) {
    ArticleRequests.Batch batch =
        ArticleRequests.parse(
            request.getHeaders().get(HttpHeader.CONTENT_TYPE), body(request),
            queryMap(request), Math.min(config.maxArticles(), MAX_SUMMARIZE_ARTICLES));
    SummaryOptions base = config.options();
    int words = batch.words() != null ? batch.words() : base.words();
    if (words > MAX_SUMMARY_WORDS) {
      throw new HttpError(400, "\"words\" must be at most " + MAX_SUMMARY_WORDS);
    }
    String summarizer = batch.summarizer() != null ? batch.summarizer() : base.summarizer();
    precis.summarizers().check(summarizer); // unknown names are a 400 with the list of known ones
    try {
      if (!summarizeSlots.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new HttpError(503, "too many summaries in progress; try again shortly");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "server is stopping");
    }
    try {
      summarizeNow(batch, words, summarizer, response, callback);
    } finally {
      summarizeSlots.release();
    }
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

  private void requireKey(Request request) {
    if (apiKey == null) {
      return;
    }
    String given = request.getHeaders().get("X-API-Key");
    String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = auth.substring(7).strip();
    }
    if (given == null) {
      throw new HttpError(
          401, "this endpoint needs an API key (header X-API-Key or Authorization: Bearer)");
    }
    if (!MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8))) {
      throw new HttpError(403, "wrong API key");
    }
  }

  /**
   * The request body, refused with 413 beyond the configured limit. An over-large body is read and
   * dropped (up to four times the limit) before answering, so a client that sends it without
   * waiting for {@code 100 Continue} still gets the 413 instead of a broken connection.
   */
  private byte[] body(Request request) {
    long max = config.maxBodyBytes();
    long declared = request.getLength();
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (declared > max) {
        drain(in, declared, max);
        throw new HttpError(
            413, "request body of " + declared + " bytes is over the limit of " + max);
      }
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (b.length > max) {
        drain(in, Long.MAX_VALUE, max);
        throw new HttpError(413, "request body is over the limit of " + max + " bytes");
      }
      return b;
    } catch (IOException e) {
      throw new HttpError(400, "cannot read request body (" + e.getMessage() + ")");
    }
  }

  /** Reads and drops a request body that will not be used (bounded like an over-large one). */
  private void discardBody(Request request) {
    long declared = request.getLength();
    try (InputStream in = Content.Source.asInputStream(request)) {
      drain(in, declared < 0 ? Long.MAX_VALUE : declared, config.maxBodyBytes());
    } catch (IOException ignored) {
      // the client went away: nothing to answer
    }
  }

  private static void drain(InputStream in, long declared, long max) throws IOException {
    long cap = Math.min(declared, Math.min(4 * max, 64L << 20));
    byte[] sink = new byte[64 * 1024];
    long read = 0;
    for (int n;
        read < cap && (n = in.read(sink, 0, (int) Math.min(sink.length, cap - read))) > 0; ) {
      read += n;
    }
  }

  private static Map<String, String> queryMap(Request request) {
    Map<String, String> out = new HashMap<>();
    Request.extractQueryParameters(request).forEach(f -> out.put(f.getName(), f.getValue()));
    return out;
  }

  private static int intParam(Fields query, String name, int fallback, int min, int max) {
    String v = query.getValue(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new HttpError(400, name + " must be between " + min + " and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new HttpError(400, name + " must be a number, got '" + v + "'");
    }
  }

  private static byte[] bytes(ObjectNode json) {
    try {
      return StoryJson.MAPPER.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sendJson(Response response, Callback callback, int status, ObjectNode json) {
    send(response, callback, status, JSON, bytes(json));
  }

  static void error(Response response, Callback callback, int status, String message) {
    ObjectNode o = StoryJson.MAPPER.createObjectNode();
    ObjectNode e = o.putObject("error");
    e.put("status", status);
    e.put("message", message == null ? "error" : message);
    if (status == 405) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
    }
    if (status == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
    }
    send(response, callback, status, JSON, bytes(o));
  }

  private static void send(
      Response response, Callback callback, int status, String type, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Errors that Jetty itself answers (malformed requests, shutdown) in the same JSON shape. */
  private static final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() >= 400 ? response.getStatus() : 500;
      Object message = request.getAttribute(ERROR_MESSAGE);
      String text =
          message != null
              ? message.toString()
              : org.eclipse.jetty.http.HttpStatus.getMessage(status);
      error(response, callback, status, text);
      return true;
    }
  }
}

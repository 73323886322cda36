package dev.precis.ingest;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * A careful HTTP client for pages and feeds, built on Jetty's {@link HttpClient} (HTTP/1.1, TLS,
 * chunked and gzip bodies) with the guarantees a fetcher of untrusted URLs needs:
 *
 * <ul>
 *   <li>every connection goes to an address that was checked: Jetty resolves hosts only through
 *       {@link CheckedResolver}, which refuses private, loopback, link-local, CGNAT, unique-local
 *       and metadata addresses ({@link AddressPolicy}) and hands Jetty the very addresses it
 *       checked, so DNS cannot rebind them; TLS still verifies the certificate against the host
 *       name;
 *   <li>redirects are followed here, not by Jetty, each hop checked again, with a hop limit and
 *       loop detection;
 *   <li>limits ({@link FetchOptions}): connect, read and total timeouts; a body size limit counted
 *       after decompression (a longer body is an error, not silently cut); accepted content types
 *       (HTML, XHTML, RSS/Atom/XML feeds, plain text); a minimum delay between requests to one
 *       host; and {@code robots.txt} when asked.
 * </ul>
 *
 * <p>Thread-safe: one fetcher can serve many threads and keeps the per-host delays, robots rules
 * and open connections for all of them. Its threads are daemons; {@link #close()} releases them.
 *
 * <pre>{@code
 * try (HttpFetcher fetcher = new HttpFetcher(FetchOptions.defaults())) {
 *   FetchResult page = fetcher.fetch("https://example.com/news/1");
 *   String html = page.text();
 * }
 * }</pre>
 */
public final class HttpFetcher implements AutoCloseable {
  private static final Map<FetchOptions, HttpFetcher> SHARED = new ConcurrentHashMap<>();

  private final FetchOptions options;
  private final SSLContext tls;
  private final CheckedResolver.Lookup dns;
  private final HostDelays delays;
  private final RobotsRules robots;
  private HttpClient client; // started on first use
  private FetchExchange exchange;

  public HttpFetcher(FetchOptions options) {
    this(options, null);
  }

  /** A fetcher with its own TLS context (trust store), or the JVM default when null. */
  HttpFetcher(FetchOptions options, SSLContext tls) {
    this(options, tls, InetAddress::getAllByName);
  }

  /** A fetcher with its own name service (tests of the DNS pinning). */
  HttpFetcher(FetchOptions options, SSLContext tls, CheckedResolver.Lookup dns) {
    this.options = options;
    this.tls = tls;
    this.dns = dns;
    this.delays = new HostDelays(options.hostDelay());
    this.robots = new RobotsRules(this::request, delays, options);
  }

  /**
   * The process-wide fetcher for these options: every stream opened with equal options shares its
   * per-host delays and robots.txt rules, so politeness holds across separate inputs.
   */
  public static HttpFetcher shared(FetchOptions options) {
    return SHARED.computeIfAbsent(options, HttpFetcher::new);
  }

  public FetchOptions options() {
    return options;
  }

  /** Fetches a URL given as text; see {@link #fetch(URI)}. */
  public FetchResult fetch(String url) {
    return fetch(parseUrl(url));
  }

  /**
   * Fetches an http(s) URL, following redirects, and returns a 2xx response whose type is HTML, a
   * feed or text.
   *
   * @throws FetchException with a one-line message when the URL is refused or fails
   */
  public FetchResult fetch(URI start) {
    URI uri = FetchUrls.normalize(start);
    Set<URI> seen = new HashSet<>();
    seen.add(uri);
    for (int hop = 0; ; hop++) {
      String context = hop == 0 ? "" : "redirect to " + uri + ": ";
      if (options.obeyRobots() && !robots.allow(uri, context)) {
        throw new FetchException(
            "refused: " + context + uri + " is disallowed by robots.txt (use --ignore-robots)");
      }
      FetchExchange.Answer r = exchange().get(awaitTurn(uri), context, options.maxBytes(), true);
      if (r.isRedirect()) {
        if (r.location() == null) {
          throw new FetchException(uri + ": HTTP " + r.status() + " redirect without a Location");
        }
        if (hop >= options.maxRedirects()) {
          throw new FetchException(
              start + ": too many redirects (more than " + options.maxRedirects() + ")");
        }
        URI next = FetchUrls.resolveLocation(uri, r.location());
        if (!seen.add(next)) {
          throw new FetchException(start + ": redirect loop at " + next);
        }
        uri = next;
        continue;
      }
      if (!r.isSuccess()) {
        throw new FetchException(
            uri + ": HTTP " + r.status() + (r.reason().isEmpty() ? "" : " " + r.reason()));
      }
      return new FetchResult(
          start, uri, r.status(), r.mediaType(), r.charset(), r.body(), Instant.now());
    }
  }

  /** Parses user input as an absolute http(s) URL. */
  public static URI parseUrl(String url) {
    return FetchUrls.parse(url);
  }

  /** Stops the client's threads and closes its connections; a later fetch starts them again. */
  @Override
  public synchronized void close() {
    if (client != null) {
      try {
        client.stop();
      } catch (Exception e) {
        // closing: nothing is left to do with a client that fails to stop
      }
      client = null;
      exchange = null;
    }
  }

  /** A robots.txt GET: any media type, its own size limit. */
  private FetchExchange.Answer request(URI uri, String context, long limit) {
    return exchange().get(awaitTurn(uri), context, limit, false);
  }

  private URI awaitTurn(URI uri) {
    delays.await(FetchUrls.hostOf(uri));
    return uri;
  }

  private synchronized FetchExchange exchange() {
    if (exchange == null) {
      client = startClient();
      exchange = new FetchExchange(client, options, delays);
    }
    return exchange;
  }

  private HttpClient startClient() {
    SslContextFactory.Client ssl = new SslContextFactory.Client();
    if (tls != null) {
      ssl.setSslContext(tls);
    }
    ssl.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
    ClientConnector connector = new ClientConnector();
    connector.setSslContextFactory(ssl);
    connector.setSelectors(1);
    QueuedThreadPool threads = new QueuedThreadPool(8, 1);
    threads.setName("precis-fetch");
    threads.setDaemon(true);
    connector.setExecutor(threads);
    connector.setScheduler(new ScheduledExecutorScheduler("precis-fetch-timer", true));
    HttpClient http = new HttpClient(new HttpClientTransportOverHTTP(connector));
    http.setSocketAddressResolver(new CheckedResolver(options, dns));
    http.setFollowRedirects(false); // each hop is checked in fetch()
    http.setConnectTimeout(options.connectTimeout().toMillis());
    // a new connection's own idle timer runs while Jetty sets it up (slow on a busy machine);
    // the read timeout proper is each request's idle timeout, armed once the connection is open
    http.setIdleTimeout(options.connectTimeout().plus(options.readTimeout()).toMillis());
    http.setMaxResponseHeadersSize(FetchExchange.MAX_HEADER_BYTES);
    http.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, options.userAgent()));
    http.setHttpCookieStore(new HttpCookieStore.Empty()); // no state carried between pages
    try {
      http.start();
    } catch (Exception e) {
      throw new FetchException("cannot start the HTTP client (" + e.getMessage() + ")", e);
    }
    return http;
  }
}

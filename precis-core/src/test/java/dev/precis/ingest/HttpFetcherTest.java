package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private static final String HTML =
      "<html><head><title>T</title></head><body><p>Hello.</p></body></html>";
  private LocalServer server;

  /** Private addresses allowed, no politeness delay, robots.txt obeyed. */
  private static FetchOptions local() {
    return FetchOptions.defaults()
        .withAllowPrivate(true)
        .withHostDelay(Duration.ZERO)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
  }

  @AfterEach
  void stop() {
    server.close();
    fetchers.forEach(HttpFetcher::close);
  }

  private final List<HttpFetcher> fetchers = new ArrayList<>();

  /** A fetcher closed after the test, with its client's threads. */
  private HttpFetcher fetcher(FetchOptions options) {
    HttpFetcher f = new HttpFetcher(options);
    fetchers.add(f);
    return f;
  }

  @Test
  void fetchesAPageWithItsTypeCharsetAndUserAgent() {
    server.page("/a", "text/html; charset=ISO-8859-1", HTML);
    FetchResult r = fetcher(local()).fetch(server.url("/a"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.isHtml()).isTrue();
    assertThat(r.charset()).isEqualTo("ISO-8859-1");
    assertThat(r.text()).contains("<p>Hello.</p>");
    assertThat(server.userAgents).contains("Precis/0.1 (+https://github.com/precis)");
  }

  @Test
  void defaultPolicyRefusesTheLocalServer() {
    server.page("/a", "text/html", HTML);
    assertThatThrownBy(() -> fetcher(FetchOptions.defaults()).fetch(server.url("/a")))
        .isInstanceOf(FetchException.class)
        .hasMessage("refused: 127.0.0.1 is a loopback address (use --allow-private)");
    assertThat(server.paths).isEmpty();
  }

  @Test
  void defaultPolicyRefusesLocalhostByName() {
    assertThatThrownBy(
            () -> fetcher(FetchOptions.defaults()).fetch("http://localhost:" + server.port() + "/"))
        .hasMessageContaining("refused: localhost (")
        .hasMessageContaining("loopback address (use --allow-private)");
  }

  @Test
  void redirectToLoopbackIsRefusedAfterTheFirstHop() {
    // the test server itself is allowed by address and port (--allow-host); another port is not
    int otherPort = server.port() == 65535 ? 65534 : server.port() + 1;
    server.redirect("/go", "http://127.0.0.1:" + otherPort + "/secret");
    HttpFetcher fetcher =
        fetcher(
            FetchOptions.defaults()
                .withHostDelay(Duration.ZERO)
                .withAllowedHosts(Set.of("127.0.0.1:" + server.port())));
    assertThatThrownBy(() -> fetcher.fetch(server.url("/go")))
        .isInstanceOf(FetchException.class)
        .hasMessage(
            "refused: redirect to http://127.0.0.1:"
                + otherPort
                + "/secret: 127.0.0.1 is a loopback address (use --allow-private)");
  }

  @Test
  void redirectToMetadataServiceIsRefused() {
    server.redirect("/go", "http://169.254.169.254/latest/meta-data/");
    HttpFetcher fetcher =
        fetcher(
            FetchOptions.defaults()
                .withHostDelay(Duration.ZERO)
                .withAllowedHosts(Set.of("127.0.0.1:" + server.port())));
    assertThatThrownBy(() -> fetcher.fetch(server.url("/go")))
        .hasMessageContaining("169.254.169.254 is a cloud metadata address (use --allow-private)");
  }

  @Test
  void allowedHostByNameCoversItsAddressesOnlyOnThatPort() {
    server.page("/a", "text/html", HTML);
    FetchOptions byName =
        FetchOptions.defaults()
            .withHostDelay(Duration.ZERO)
            .withAllowedHosts(Set.of("localhost:" + server.port()));
    assertThat(fetcher(byName).fetch("http://localhost:" + server.port() + "/a").status())
        .isEqualTo(200);
    FetchOptions otherPort = FetchOptions.defaults().withAllowedHosts(Set.of("localhost:1"));
    assertThatThrownBy(() -> fetcher(otherPort).fetch("http://localhost:" + server.port() + "/a"))
        .hasMessageContaining("loopback address");
  }

  @Test
  void followsRedirectsAndReportsTheFinalUrl() {
    server.redirect("/old", "/new?x=1");
    server.page("/new", "text/html", HTML);
    FetchResult r = fetcher(local()).fetch(server.url("/old"));
    assertThat(r.uri().toString()).isEqualTo(server.url("/new?x=1"));
    assertThat(r.requested().toString()).isEqualTo(server.url("/old"));
  }

  @Test
  void escapesInPathAndQueryAreSentAsGiven() {
    server.page("/news", "text/html", HTML);
    FetchResult r =
        fetcher(local().withObeyRobots(false))
            .fetch(server.url("/news/a%20b%2Fc?q=x%2By&z=%C3%A9#frag"));
    assertThat(server.paths).containsExactly("/news/a%20b%2Fc?q=x%2By&z=%C3%A9");
    assertThat(r.uri().toString()).isEqualTo(server.url("/news/a%20b%2Fc?q=x%2By&z=%C3%A9"));
  }

  @Test
  void nonAsciiPathsAndHostsAreEncoded() {
    server.page("/caf", "text/html", HTML);
    fetcher(local().withObeyRobots(false)).fetch(server.url("/café"));
    assertThat(server.paths).containsExactly("/caf%C3%A9");
    assertThat(HttpFetcher.parseUrl("http://bücher.example/x").getHost())
        .isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void redirectLoopIsStopped() {
    server.redirect("/a", "/b");
    server.redirect("/b", "/a");
    assertThatThrownBy(() -> fetcher(local()).fetch(server.url("/a")))
        .hasMessageContaining("redirect loop at " + server.url("/a"));
  }

  @Test
  void redirectLimitIsEnforced() {
    for (int i = 0; i < 10; i++) {
      server.redirect("/r" + i, "/r" + (i + 1));
    }
    assertThatThrownBy(() -> fetcher(local().withMaxRedirects(3)).fetch(server.url("/r0")))
        .hasMessageContaining("too many redirects (more than 3)");
  }

  @Test
  void hugeBodyWithContentLengthIsRefused() {
    server.page("/big", "text/html", "x".repeat(200_000));
    assertThatThrownBy(() -> fetcher(local().withMaxBytes(100_000)).fetch(server.url("/big")))
        .hasMessageContaining("body is 200000 bytes, over the limit of 100000");
  }

  @Test
  void hugeChunkedBodyIsCutWithAnError() {
    server.on(
        "/stream",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0); // chunked, no length
          byte[] block = "<p>endless</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 1000; i++) { // 14 MB unless the client stops reading
              out.write(block);
            }
          } catch (IOException clientGaveUp) {
            // expected: the fetcher closes the connection at its limit
          }
        });
    assertThatThrownBy(() -> fetcher(local().withMaxBytes(50_000)).fetch(server.url("/stream")))
        .hasMessageContaining("body is over the limit of 50000 bytes");
  }

  @Test
  void gzipBombIsStoppedAfterDecompression() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(new byte[5_000_000]);
    }
    byte[] body = zipped.toByteArray();
    server.on(
        "/bomb",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    assertThat(body.length).isLessThan(100_000);
    assertThatThrownBy(() -> fetcher(local().withMaxBytes(100_000)).fetch(server.url("/bomb")))
        .hasMessageContaining("over the limit of 100000 bytes");
  }

  @Test
  void gzipBodyIsDecompressed() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(HTML.getBytes(StandardCharsets.UTF_8));
    }
    byte[] body = zipped.toByteArray();
    server.on(
        "/gz",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.getResponseHeaders().add("Content-Encoding", "gzip");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    assertThat(fetcher(local()).fetch(server.url("/gz")).text()).isEqualTo(HTML);
  }

  @Test
  void unknownOrBrokenContentEncodingIsAnError() {
    for (String encoding : new String[] {"compress", "gzip"}) {
      server.on(
          "/" + encoding,
          ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.getResponseHeaders().add("Content-Encoding", encoding);
            byte[] notCompressed = HTML.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, notCompressed.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(notCompressed);
            }
          });
    }
    HttpFetcher fetcher = fetcher(local().withObeyRobots(false));
    assertThatThrownBy(() -> fetcher.fetch(server.url("/compress")))
        .hasMessage(server.url("/compress") + ": unsupported content encoding compress");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/gzip")))
        .hasMessage(server.url("/gzip") + ": invalid compressed body");
  }

  @Test
  void silentServerTimesOut() {
    server.on("/slow", ex -> sleep(5_000));
    FetchOptions quick =
        local().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5));
    assertThatThrownBy(() -> fetcher(quick).fetch(server.url("/slow")))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void hostTooSlowForRobotsTxtFailsWithoutAskingForThePage() {
    server.on("/", ex -> sleep(5_000));
    FetchOptions quick =
        local().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(5));
    assertThatThrownBy(() -> fetcher(quick).fetch(server.url("/page")))
        .hasMessage(server.url("/robots.txt") + ": timed out (no data for 0.3 s)");
    assertThat(server.paths).containsExactly("/robots.txt");
  }

  @Test
  void oversizedRobotsTxtMeansNoRules() {
    server.page("/robots.txt", "text/plain", "# padding\n".repeat(100_000));
    server.page("/page", "text/html", HTML);
    assertThat(fetcher(local()).fetch(server.url("/page")).status()).isEqualTo(200);
  }

  @Test
  void tricklingServerHitsTheTotalTimeout() {
    server.on(
        "/drip",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0;
                i < 100;
                i++) { // a byte every 100 ms: never silent for the read timeout
              out.write('x');
              out.flush();
              sleep(100);
            }
          } catch (IOException clientGaveUp) {
            // expected
          }
        });
    FetchOptions quick =
        local().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1));
    assertThatThrownBy(() -> fetcher(quick).fetch(server.url("/drip")))
        .hasMessageContaining("timed out (over 1 s in total)");
  }

  @Test
  void wrongContentTypeIsRefused() {
    server.page("/img", "image/png", "PNG...");
    assertThatThrownBy(() -> fetcher(local()).fetch(server.url("/img")))
        .hasMessage("refused: " + server.url("/img") + " is image/png, not HTML, a feed or text");
  }

  @Test
  void httpsToAPlainHttpServerFailsWithOneLine() {
    server.page("/a", "text/html", HTML);
    FetchOptions quick =
        local()
            .withObeyRobots(false)
            .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(2));
    assertThatThrownBy(() -> fetcher(quick).fetch("https://127.0.0.1:" + server.port() + "/a"))
        .isInstanceOf(FetchException.class)
        .hasMessageStartingWith("https://127.0.0.1:" + server.port() + "/a: TLS failed");
  }

  @Test
  void closedPortAndSilentTlsServerFailWithOneLine() throws IOException {
    FetchOptions quick =
        local()
            .withObeyRobots(false)
            .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(2));
    int closedPort;
    try (java.net.ServerSocket probe =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closedPort = probe.getLocalPort();
    }
    assertThatThrownBy(() -> fetcher(quick).fetch("http://127.0.0.1:" + closedPort + "/"))
        .hasMessageStartingWith(
            "http://127.0.0.1:" + closedPort + "/: cannot connect to 127.0.0.1:" + closedPort);
    // connections complete in the kernel's backlog, but nothing ever answers the handshake
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      String url = "https://127.0.0.1:" + silent.getLocalPort() + "/";
      assertThatThrownBy(() -> fetcher(quick).fetch(url))
          .hasMessage(url + ": TLS failed (no handshake answer within 0.3 s)");
    }
  }

  @Test
  void httpErrorsAreReported() {
    server.on("/missing", ex -> LocalServer.send(ex, 404, "text/html", "no"));
    assertThatThrownBy(() -> fetcher(local()).fetch(server.url("/missing")))
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    assertThatThrownBy(() -> fetcher(local()).fetch("file:///etc/passwd"))
        .hasMessageContaining("only http and https");
    assertThatThrownBy(() -> fetcher(local()).fetch("http://user:pw@example.com/"))
        .hasMessageContaining("user names or passwords");
  }

  @Test
  void robotsTxtIsObeyed() {
    server.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private\n");
    server.page("/private/page", "text/html", HTML);
    server.page("/public/page", "text/html", HTML);
    HttpFetcher fetcher = fetcher(local());
    assertThat(fetcher.fetch(server.url("/public/page")).status()).isEqualTo(200);
    assertThatThrownBy(() -> fetcher.fetch(server.url("/private/page")))
        .hasMessageContaining("disallowed by robots.txt");
    assertThat(fetcher(local().withObeyRobots(false)).fetch(server.url("/private/page")).status())
        .isEqualTo(200);
    assertThat(server.paths.stream().filter(p -> p.equals("/robots.txt")).count())
        .as("robots.txt is read once per fetcher and host")
        .isEqualTo(1);
  }

  @Test
  void requestsToOneHostAreSpacedByTheHostDelay() {
    server.page("/one", "text/html", HTML);
    server.page("/two", "text/html", HTML);
    HttpFetcher fetcher =
        fetcher(local().withObeyRobots(false).withHostDelay(Duration.ofMillis(400)));
    long before = warmedUp(fetcher, 400);
    fetcher.fetch(server.url("/one"));
    fetcher.fetch(server.url("/two"));
    // measured from before the first request started: a bound the delay guarantees under any
    // load (the server's own arrival times shift with thread scheduling on a busy machine), and
    // two warm loopback fetches without the delay take a few milliseconds
    assertThat(server.times.get("/two") - before)
        .isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
  }

  @Test
  void robotsCrawlDelayWidensTheHostDelay() {
    server.page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 0.5\n");
    server.page("/one", "text/html", HTML);
    server.page("/two", "text/html", HTML);
    HttpFetcher fetcher = fetcher(local());
    long before = warmedUp(fetcher, 500);
    fetcher.fetch(server.url("/one"));
    fetcher.fetch(server.url("/two"));
    assertThat(server.times.get("/two") - before)
        .isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
  }

  /**
   * Fetches a page once (class loading, connection set-up) and waits out the host delay, so the
   * requests timed next are warm and the first is not held back; returns the time to measure from.
   */
  private long warmedUp(HttpFetcher fetcher, long delayMillis) {
    server.page("/warm", "text/html", HTML);
    fetcher.fetch(server.url("/warm"));
    try {
      Thread.sleep(delayMillis + 50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return System.nanoTime();
  }

  /** A raw TCP server that answers every connection with the same bytes, then closes. */
  private static java.net.ServerSocket rawServer(byte[] answer) throws IOException {
    java.net.ServerSocket ss =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
    Thread t =
        new Thread(
            () -> {
              while (!ss.isClosed()) {
                try (java.net.Socket c = ss.accept()) {
                  c.getInputStream().read(new byte[4096]);
                  c.getOutputStream().write(answer);
                } catch (IOException closed) {
                  // next connection, or the server was closed
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return ss;
  }

  @Test
  void endlessHeadersAndGarbageAreRejected() throws IOException {
    byte[] flood =
        ("HTTP/1.1 200 OK\r\nX-Junk: " + "a".repeat(100_000) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    try (java.net.ServerSocket ss = rawServer(flood)) {
      assertThatThrownBy(
              () ->
                  fetcher(local().withObeyRobots(false))
                      .fetch("http://127.0.0.1:" + ss.getLocalPort() + "/"))
          .hasMessageContaining("response headers over 65536 bytes");
    }
    try (java.net.ServerSocket ss =
        rawServer("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII))) {
      assertThatThrownBy(
              () ->
                  fetcher(local().withObeyRobots(false))
                      .fetch("http://127.0.0.1:" + ss.getLocalPort() + "/"))
          .hasMessageContaining("not an HTTP response");
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

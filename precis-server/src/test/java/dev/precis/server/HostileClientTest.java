package dev.precis.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.store.DatabaseUrl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the request path, over raw loopback sockets: slow and stalled bodies, lying lengths,
 * {@code Expect: 100-continue}, writes without the key. None may hold a request thread: the pool
 * here has 8 threads, and 40 slow clients used to take all of them.
 */
class HostileClientTest {
  static final String KEY = "k3y";
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        new TestServer(
            DatabaseUrl.parse(dir.resolve("db").toString()),
            ServerConfig.defaults()
                .withApiKey(KEY)
                .withThreads(8)
                .withMaxBodyBytes(1024 * 1024)
                .withBodyTimeoutMillis(2_000));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void slowBodiesDoNotStarveHealth() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        Socket s = socket();
        s.getOutputStream()
            .write(
                head(
                        "POST /api/summarize",
                        "Content-Type: application/json",
                        "X-API-Key: " + KEY,
                        "Content-Length: 100000")
                    .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().write('[');
        s.getOutputStream().flush();
        slow.add(s);
      }
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create(server.url("/api/health")))
                    .timeout(Duration.ofSeconds(1))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
      }
      // the stalled bodies are cut off at the deadline (2 s here) with 408
      assertThat(statusOf(slow.get(0), 10_000)).isEqualTo(408);
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void hugeDeclaredLengthIsRefusedBeforeReading() throws Exception {
    try (Socket s = socket()) {
      send(
          s,
          head(
                  "POST /api/articles",
                  "Content-Type: text/plain",
                  "X-API-Key: " + KEY,
                  "Content-Length: 9000000000000000000")
              + "some text");
      assertThat(statusOf(s, 15_000)).isEqualTo(413);
    }
  }

  @Test
  void expectContinueWithOversizedLengthGets413Not100() throws Exception {
    try (Socket s = socket()) {
      send(
          s,
          head(
              "POST /api/summarize",
              "Content-Type: application/json",
              "X-API-Key: " + KEY,
              "Content-Length: 5000000",
              "Expect: 100-continue"));
      assertThat(statusOf(s, 15_000)).isEqualTo(413);
    }
  }

  @Test
  void writeWithoutKeyIsRefusedBeforeTheBodyIsSent() throws Exception {
    for (String path : new String[] {"/api/articles", "/api/summarize"}) {
      try (Socket s = socket()) {
        send(
            s,
            head(
                "POST " + path,
                "Content-Type: application/json",
                "Content-Length: 500000",
                "Expect: 100-continue"));
        assertThat(statusOf(s, 15_000)).as(path).isEqualTo(401);
      }
    }
  }

  @Test
  void writeWithoutKeyIsAnsweredAtOnceWhileTheBodyIsStillComing() throws Exception {
    // no Expect header, 5 MB declared, one byte sent: the 401 must not wait for the body
    for (String path : new String[] {"/api/articles", "/api/summarize"}) {
      try (Socket s = socket()) {
        send(
            s,
            head("POST " + path, "Content-Type: application/json", "Content-Length: 5000000")
                + "[");
        assertThat(statusOf(s, 2_000)).as(path).isEqualTo(401);
      }
    }
  }

  @Test
  void crossSiteAndReboundRequestsAreRefused() throws Exception {
    String article = "{\"text\": \"The council approved the budget on Monday.\"}";
    HttpResponse<String> crossSite =
        server.post(
            "/api/articles",
            "text/plain",
            article,
            "X-API-Key",
            KEY,
            "Origin",
            "http://evil.example");
    assertThat(crossSite.statusCode()).isEqualTo(403);
    HttpResponse<String> fetchMeta =
        server.post(
            "/api/summarize",
            "application/json",
            article,
            "X-API-Key",
            KEY,
            "Sec-Fetch-Site",
            "cross-site");
    assertThat(fetchMeta.statusCode()).isEqualTo(403);
    try (Socket s = socket()) {
      send(
          s,
          "GET /api/health HTTP/1.1\r\nHost: rebound.example:"
              + server.server.port()
              + "\r\nConnection: close\r\n\r\n");
      assertThat(statusOf(s, 15_000)).isEqualTo(403);
    }
    HttpResponse<String> sameOrigin =
        server.post(
            "/api/summarize",
            "application/json",
            article,
            "X-API-Key",
            KEY,
            "Origin",
            server.server.url());
    assertThat(sameOrigin.statusCode()).isEqualTo(200);
    try (Socket s = socket()) {
      send(
          s,
          head("POST /api/summarize", "X-API-Key: " + KEY, "Content-Length: " + article.length())
              + article);
      assertThat(statusOf(s, 15_000)).as("no content type").isEqualTo(415);
    }
  }

  @Test
  void deeplyNestedJsonIsABadRequest() throws Exception {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    HttpResponse<String> r =
        server.post("/api/summarize", "application/json", deep, "X-API-Key", KEY);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("nesting depth");
  }

  @Test
  void pageWithTooManyTagsIsABadRequestNotMinutesOfWork() throws Exception {
    // 630 KB, under the body limit: refused by the extractor's tag limit before parsing
    String deep = "<b>".repeat(210_000) + "x";
    HttpResponse<String> r = server.post("/api/summarize", "text/html", deep, "X-API-Key", KEY);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("tags");
  }

  @Test
  void longStoryKeyIsABadRequest() throws Exception {
    HttpResponse<String> r =
        server.post(
            "/api/articles?story=" + "x".repeat(5000),
            "text/plain",
            "The council approved the budget on Monday.",
            "X-API-Key",
            KEY);
    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void extremeDatesAreStoredUndatedAndTheStoryStillRenders() throws Exception {
    String text = "The council approved the budget on Monday. The mayor signed it into law.";
    for (String published :
        new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2099-01-01"}) {
      String body =
          "{\"text\": \""
              + text
              + " Item "
              + published.hashCode()
              + ".\", \"published\": \""
              + published
              + "\"}";
      HttpResponse<String> r =
          server.post("/api/articles", "application/json", body, "X-API-Key", KEY);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(r.body()).contains("ignored publication date");
      long story =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(r.body())
              .get("stories")
              .get(0)
              .asLong();
      HttpResponse<String> page = server.get("/api/stories/" + story);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      assertThat(page.body()).doesNotContain("999999999").doesNotContain("2099");
    }
    assertThat(server.get("/api/stories").statusCode()).isEqualTo(200);
  }

  private static Socket socket() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.server.port());
    s.setSoTimeout(10_000);
    return s;
  }

  private static String head(String requestLine, String... headers) {
    StringBuilder b = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
    b.append("Host: 127.0.0.1:").append(server.server.port()).append("\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    return b.append("\r\n").toString();
  }

  private static void send(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().flush();
  }

  /** The status of the first response on the socket (a 100 Continue counts as 100). */
  private static int statusOf(Socket s, int timeoutMillis) throws IOException {
    s.setSoTimeout(timeoutMillis);
    InputStream in = s.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
        line.write(b);
      }
    } catch (SocketTimeoutException e) {
      return -1;
    }
    String[] parts = line.toString(StandardCharsets.US_ASCII).split(" ");
    return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
  }
}

package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** {@code precis summarize} on URLs and WARC archives, through {@link Main#run}. */
class SummarizeSourcesTest {
  private static final String PAGE =
      "<html><head><title>Talks</title></head><body><article>"
          + "<p>Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Moscow on Wednesday.</p>"
          + "<p>The two men talked for more than two hours about Syria.</p></article></body></html>";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private HttpServer server;

  @BeforeEach
  void setUp() throws IOException {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext(
        "/news",
        ex -> {
          byte[] b = PAGE.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, b.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
          }
        });
    server.start();
  }

  @AfterEach
  void tearDown() {
    System.setOut(oldOut);
    System.setErr(oldErr);
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/news";
  }

  @Test
  void localUrlIsRefusedWithOneLine() {
    int code = Main.run("summarize", url());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("precis: error: refused: 127.0.0.1 is a loopback address (use --allow-private)");
  }

  @Test
  void localUrlIsSummarizedWithAllowPrivate() {
    int code = Main.run("summarize", url(), "--allow-private", "--host-delay", "0");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Tillerson met").contains(url());
  }

  @Test
  void allowHostLetsOneLocalServerThroughButNotARedirectElsewhere() {
    server.createContext(
        "/hop",
        ex -> {
          ex.getResponseHeaders().add("Location", "http://127.0.0.1:1/admin");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    String allow = "127.0.0.1:" + server.getAddress().getPort();
    assertThat(Main.run("summarize", url(), "--allow-host", allow, "--host-delay", "0"))
        .isEqualTo(0);
    err.reset();
    String hop = "http://" + allow + "/hop";
    assertThat(Main.run("summarize", hop, "--allow-host", allow, "--host-delay", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo(
            "precis: error: refused: redirect to http://127.0.0.1:1/admin: 127.0.0.1 is a loopback address (use --allow-private)");
  }

  @Test
  void warcArchiveIsSummarized() throws IOException {
    Path warc = dir.resolve("crawl.warc.gz");
    try (WarcWriter w =
        new WarcWriter(
            FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.GZIP)) {
      HttpResponse http =
          new HttpResponse.Builder(200, "OK")
              .body(MediaType.parse("text/html"), PAGE.getBytes(StandardCharsets.UTF_8))
              .build();
      w.write(
          new WarcResponse.Builder(URI.create("https://news.example/talks"))
              .date(Instant.parse("2017-04-12T10:00:00Z"))
              .body(http)
              .build());
    }
    int code = Main.run("summarize", warc.toString(), "--format", "json");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Tillerson met");
  }
}

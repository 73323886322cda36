package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection goes to the address that was checked, found by the fetcher's one lookup: a name
 * service stub answers for a host that real DNS does not know ({@code .example} is reserved), so a
 * fetch can only succeed through the checked answer, and a second, rebound answer is checked anew.
 */
class DnsPinningTest {
  private static final String HOST = "news.example";
  private LocalServer server;
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new LocalServer();
    server.on(
        "/a",
        ex -> {
          hostHeaders.add(ex.getRequestHeaders().getFirst("Host"));
          LocalServer.send(ex, 200, "text/html", "<p>pinned</p>");
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The test server's address is allowed by address and port, never by name. */
  private FetchOptions options() {
    return FetchOptions.defaults()
        .withHostDelay(Duration.ZERO)
        .withObeyRobots(false)
        .withAllowedHosts(Set.of("127.0.0.1:" + server.port()));
  }

  private String url() {
    return "http://" + HOST + ":" + server.port() + "/a";
  }

  /**
   * Answers each lookup of {@link #HOST} with the next of {@code answers}, the last one forever.
   */
  private static CheckedResolver.Lookup dns(AtomicInteger lookups, String... answers) {
    return host -> {
      if (!host.equals(HOST)) {
        throw new UnknownHostException(host);
      }
      String ip = answers[Math.min(lookups.getAndIncrement(), answers.length - 1)];
      return new InetAddress[] {InetAddress.getByName(ip)};
    };
  }

  @Test
  void connectsToTheCheckedAnswerWithTheHostNameInTheRequest() {
    AtomicInteger lookups = new AtomicInteger();
    try (HttpFetcher fetcher = new HttpFetcher(options(), null, dns(lookups, "127.0.0.1"))) {
      assertThat(fetcher.fetch(url()).text()).contains("pinned");
      assertThat(fetcher.fetch(url()).status()).isEqualTo(200);
    }
    assertThat(hostHeaders).containsOnly(HOST + ":" + server.port()).hasSize(2);
    assertThat(lookups.get())
        .as("one lookup per new connection, none behind our back")
        .isEqualTo(1);
  }

  @Test
  void aReboundAnswerIsCheckedBeforeTheNextConnection() {
    AtomicInteger lookups = new AtomicInteger();
    try (HttpFetcher fetcher =
        new HttpFetcher(options(), null, dns(lookups, "127.0.0.1", "169.254.169.254"))) {
      assertThat(fetcher.fetch(url()).status()).isEqualTo(200);
      fetcher.close(); // drops the open connection: the next fetch must look the name up again
      assertThatThrownBy(() -> fetcher.fetch(url()))
          .isInstanceOf(FetchException.class)
          .hasMessage(
              "refused: news.example (169.254.169.254) is a cloud metadata address"
                  + " (use --allow-private)");
    }
    assertThat(hostHeaders).hasSize(1);
  }

  @Test
  void oneRefusedAnswerAmongPublicOnesRefusesTheHost() {
    CheckedResolver.Lookup mixed =
        host ->
            new InetAddress[] {
              InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3")
            };
    try (HttpFetcher fetcher = new HttpFetcher(options().withAllowedHosts(Set.of()), null, mixed)) {
      assertThatThrownBy(() -> fetcher.fetch(url()))
          .hasMessage(
              "refused: news.example (10.1.2.3) is a private address (use --allow-private)");
    }
  }

  @Test
  void addressLiteralsGoThroughTheCheckToo() {
    try (HttpFetcher fetcher = new HttpFetcher(FetchOptions.defaults().withObeyRobots(false))) {
      assertThatThrownBy(() -> fetcher.fetch("http://[::1]:" + server.port() + "/a"))
          .hasMessage("refused: 0:0:0:0:0:0:0:1 is a loopback address (use --allow-private)");
      assertThatThrownBy(() -> fetcher.fetch("http://[::ffff:10.0.0.1]/a"))
          .hasMessageStartingWith("refused: 10.0.0.1 is a private address");
    }
    assertThat(hostHeaders).isEmpty();
  }

  @Test
  void unknownHostsFailWithOneLine() {
    try (HttpFetcher fetcher =
        new HttpFetcher(options(), null, dns(new AtomicInteger(), "127.0.0.1"))) {
      assertThatThrownBy(() -> fetcher.fetch("http://nowhere.example/"))
          .hasMessage("http://nowhere.example/: cannot resolve host nowhere.example");
    }
  }
}

package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.precis.Precis;
import dev.precis.model.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class ArticleSourcesTest {
  private static final Instant CRAWLED = Instant.parse("2024-03-01T12:00:00Z");

  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private SourceOptions options() {
    return SourceOptions.defaults()
        .withFetch(FetchOptions.defaults().withHostDelay(Duration.ZERO))
        .withWarnings(warnings::add);
  }

  private List<RawArticle> read(SourceOptions options, String... inputs) {
    try (ArticleStream s = ArticleSources.open(List.of(inputs), options)) {
      return s.toList();
    }
  }

  static String page(String title, String body) {
    return "<html><head><title>"
        + title
        + "</title></head><body><article><p>"
        + body
        + "</p></article></body></html>";
  }

  /** Writes a WARC with two HTML pages and records that are not articles. */
  static void writeWarc(Path file, WarcCompression compression) throws IOException {
    try (WarcWriter w =
        new WarcWriter(
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
            compression)) {
      w.write(
          new WarcRequest.Builder(URI.create("https://news.example/a"))
              .date(CRAWLED)
              .body(new HttpRequest.Builder("GET", "/a").addHeader("Host", "news.example").build())
              .build());
      w.write(
          response(
              "https://news.example/a",
              200,
              "text/html; charset=utf-8",
              page(
                  "Talks in Moscow",
                  "Ministers met in Moscow on Wednesday. They talked for hours.")));
      w.write(response("https://news.example/logo.png", 200, "image/png", "PNG"));
      w.write(response("https://news.example/gone", 404, "text/html", page("Not found", "Gone.")));
      w.write(
          response(
              "https://news.example/b",
              200,
              "text/html",
              page("Second", "Another article about the talks, written in café style.")));
      w.write(
          new WarcResource.Builder(URI.create("https://news.example/c"))
              .date(CRAWLED)
              .body(
                  MediaType.parse("text/html"),
                  page("Third", "A resource record page.").getBytes(StandardCharsets.UTF_8))
              .build());
    }
  }

  private static WarcResponse response(String url, int status, String type, String body)
      throws IOException {
    HttpResponse http =
        new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
            .body(MediaType.parse(type), body.getBytes(StandardCharsets.UTF_8))
            .build();
    return new WarcResponse.Builder(URI.create(url)).date(CRAWLED).body(http).build();
  }

  static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel>
        <title>Example News</title><link>https://news.example/</link>
        <description>All the news</description>
        <item>
          <title>Talks in Moscow</title>
          <link>%s</link>
          <guid>item-1</guid>
          <pubDate>Wed, 12 Apr 2017 10:00:00 GMT</pubDate>
          <description>&lt;p&gt;Ministers met in Moscow on Wednesday.&lt;/p&gt;</description>
        </item>
        <item>
          <title>Second story</title>
          <link>%s</link>
          <description>Another story in the feed.</description>
        </item>
      </channel></rss>
      """;

  static final String ATOM =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>Atom Outlet</title>
        <link href="https://atom.example/"/>
        <updated>2017-04-12T10:00:00Z</updated>
        <id>urn:feed</id>
        <entry>
          <title>Atom entry</title>
          <link href="/stories/1"/>
          <id>urn:entry:1</id>
          <published>2017-04-12T09:30:00Z</published>
          <updated>2017-04-12T10:00:00Z</updated>
          <content type="html">&lt;p&gt;The full text of the Atom entry.&lt;/p&gt;</content>
        </entry>
      </feed>
      """;

  @Test
  void readsAWarcWrittenByJwarc() throws IOException {
    Path warc = dir.resolve("crawl.warc.gz");
    writeWarc(warc, WarcCompression.GZIP);
    List<RawArticle> got = read(options(), warc.toString());
    assertThat(got)
        .extracting(RawArticle::id)
        .containsExactly(
            "https://news.example/a", "https://news.example/b", "https://news.example/c");
    RawArticle a = got.get(0);
    assertThat(a.format()).isEqualTo(RawArticle.Format.HTML);
    assertThat(a.url()).isEqualTo("https://news.example/a");
    assertThat(a.retrieved()).isEqualTo(CRAWLED);
    assertThat(got.get(1).content()).contains("café");
    Article prepared = Precis.defaults().prepare(a);
    assertThat(prepared.text()).contains("Ministers met in Moscow on Wednesday.");
    assertThat(prepared.published())
        .as("crawl time stands in for a missing date")
        .isEqualTo(CRAWLED);
  }

  @Test
  void decodesChunkedAndGzippedResponsesAsCrawlersStoreThem() throws IOException {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(
          page("Raw", "Stored exactly as the server sent it.").getBytes(StandardCharsets.UTF_8));
    }
    byte[] z = zipped.toByteArray();
    java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
    int half = z.length / 2;
    chunked.write((Integer.toHexString(half) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    chunked.write(z, 0, half);
    chunked.write(
        ("\r\n" + Integer.toHexString(z.length - half) + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    chunked.write(z, half, z.length - half);
    chunked.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    HttpResponse http =
        new HttpResponse.Builder(200, "OK")
            .addHeader("Transfer-Encoding", "chunked")
            .addHeader("Content-Encoding", "gzip")
            .body(MediaType.parse("text/html; charset=utf-8"), chunked.toByteArray())
            .build();
    Path warc = dir.resolve("raw.warc");
    try (WarcWriter w =
        new WarcWriter(
            FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.NONE)) {
      w.write(
          new WarcResponse.Builder(URI.create("https://raw.example/"))
              .date(CRAWLED)
              .body(http)
              .build());
    }
    assertThat(read(options(), warc.toString()))
        .singleElement()
        .satisfies(a -> assertThat(a.content()).contains("Stored exactly as the server sent it."));
  }

  @Test
  void readsAnUncompressedWarcWithoutTheExtensionByItsContent() throws IOException {
    Path warc = dir.resolve("crawl.dat");
    writeWarc(warc, WarcCompression.NONE);
    assertThat(read(options(), warc.toString())).hasSize(3);
    Path gz = dir.resolve("crawl.gz");
    writeWarc(gz, WarcCompression.GZIP);
    assertThat(read(options(), gz.toString())).hasSize(3);
    // streamed whatever its size: the limit applies per record, not to the whole file
    assertThatThrownBy(() -> read(options().withLimits(new Limits(100)), gz.toString()))
        .hasMessageStartingWith("no articles to read in");
    assertThat(warnings).anyMatch(w -> w.contains("page is over the limit of 100 bytes"));
  }

  @Test
  void streamsJsonLinesWithSourceAndDates() throws IOException {
    Path jsonl = dir.resolve("news.jsonl");
    Files.writeString(
        jsonl,
        """
        {"id": "x1", "text": "First article text.", "title": "One", "url": "https://a.example/1", "published": "2017-04-12T10:00:00Z", "source": "Reuters"}

        {"id": "x2", "html": "<p>Second article.</p>", "outlet": "AP"}
        {"text": "No id here."}
        """);
    List<RawArticle> got = read(options(), jsonl.toString());
    assertThat(got).extracting(RawArticle::id).containsExactly("x1", "x2", "news:4");
    assertThat(got.get(0).source()).isEqualTo("Reuters");
    assertThat(got.get(0).published()).isEqualTo(Instant.parse("2017-04-12T10:00:00Z"));
    assertThat(got.get(1).format()).isEqualTo(RawArticle.Format.HTML);
    assertThat(Precis.defaults().prepare(got.get(0)).outlet()).isEqualTo("Reuters");
    assertThat(Precis.defaults().prepare(got.get(1)).outlet()).isEqualTo("AP");
    assertThat(got.get(2).origin()).isEqualTo(jsonl + ":4");
  }

  @Test
  void streamsGzippedJsonLines() throws IOException {
    Path gz = dir.resolve("news.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      for (int i = 0; i < 1000; i++) {
        out.write(
            ("{\"id\": \"a" + i + "\", \"text\": \"Article number " + i + ".\"}\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    try (ArticleStream s = ArticleSources.open(List.of(gz.toString()), options())) {
      assertThat(s.next().id()).isEqualTo("a0");
      assertThat(s.stream().count()).isEqualTo(999);
    }
  }

  @Test
  void gzippedHtmlFileIsOneHtmlArticle() throws IOException {
    Path gz = dir.resolve("page.html.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(page("Zipped", "A compressed page.").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(read(options(), gz.toString()))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo("page");
              assertThat(a.format()).isEqualTo(RawArticle.Format.HTML);
              assertThat(Precis.defaults().prepare(a).text()).contains("A compressed page.");
            });
  }

  @Test
  void invalidJsonLineIsAnErrorNamingTheLine() throws IOException {
    Path jsonl = dir.resolve("bad.jsonl");
    Files.writeString(jsonl, "{\"text\": \"fine\"}\n{not json\n");
    assertThatThrownBy(() -> read(options(), jsonl.toString()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(jsonl + ":2: invalid JSON");
  }

  @Test
  void overLongJsonLineIsAnError() throws IOException {
    Path jsonl = dir.resolve("long.jsonl");
    Files.writeString(jsonl, "{\"text\": \"" + "x".repeat(5000) + "\"}\n");
    assertThatThrownBy(() -> read(options().withLimits(new Limits(1000)), jsonl.toString()))
        .hasMessageContaining("line 1 is over the limit of 1000 bytes");
  }

  @Test
  void parsesAnRssFeedFileWithoutFetching() throws IOException {
    Path rss = dir.resolve("feed.rss");
    Files.writeString(rss, RSS.formatted("https://news.example/a", "https://news.example/b"));
    List<RawArticle> got = read(options().withFetchFeedLinks(false), rss.toString());
    assertThat(got).hasSize(2);
    RawArticle first = got.get(0);
    assertThat(first.id()).isEqualTo("item-1");
    assertThat(first.title()).isEqualTo("Talks in Moscow");
    assertThat(first.url()).isEqualTo("https://news.example/a");
    assertThat(first.source()).isEqualTo("Example News");
    assertThat(first.published()).isEqualTo(Instant.parse("2017-04-12T10:00:00Z"));
    assertThat(Precis.defaults().prepare(first).text())
        .contains("Ministers met in Moscow on Wednesday.");
    assertThat(got.get(1).id()).isEqualTo("https://news.example/b");
  }

  @Test
  void parsesAnAtomFeedAndResolvesRelativeLinks() throws IOException {
    Path atom = dir.resolve("feed.atom");
    Files.writeString(atom, ATOM);
    List<RawArticle> got = read(options().withFetchFeedLinks(false), atom.toString());
    assertThat(got).hasSize(1);
    RawArticle e = got.get(0);
    assertThat(e.title()).isEqualTo("Atom entry");
    assertThat(e.url()).isEqualTo("https://atom.example/stories/1");
    assertThat(e.published()).isEqualTo(Instant.parse("2017-04-12T09:30:00Z"));
    assertThat(e.source()).isEqualTo("Atom Outlet");
    assertThat(e.content()).contains("The full text of the Atom entry.");
  }

  @Test
  void feedWithADoctypeIsRefused() throws IOException {
    Path xxe = dir.resolve("evil.xml");
    Files.writeString(
        xxe,
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rss version=\"2.0\"><channel><title>&x;</title><item><title>t</title><description>d</description></item></channel></rss>");
    assertThatThrownBy(() -> read(options().withFetchFeedLinks(false), xxe.toString()))
        .hasMessageContaining("not an RSS or Atom feed");
  }

  @Test
  void feedUrlIsFetchedAndItsItemLinksToo() throws IOException {
    try (LocalServer server = new LocalServer()) {
      server.page(
          "/feed",
          "application/rss+xml",
          RSS.formatted(server.url("/story/1"), server.url("/story/2")));
      server.page(
          "/story/1", "text/html", page("Page title", "The fetched full text of story one."));
      server.on("/story/2", ex -> LocalServer.send(ex, 500, "text/html", "down"));
      HttpFetcher fetcher = new HttpFetcher(options().fetch().withAllowPrivate(true));
      List<RawArticle> got;
      try (ArticleStream s =
          ArticleSources.open(List.of(server.url("/feed")), options(), fetcher)) {
        got = s.toList();
      }
      assertThat(got).hasSize(2);
      RawArticle one = got.get(0);
      assertThat(one.content()).contains("The fetched full text of story one.");
      assertThat(one.title()).isEqualTo("Talks in Moscow");
      assertThat(one.source()).as("a fetched page names its own outlet").isNull();
      assertThat(Precis.defaults().prepare(one).outlet()).isEqualTo("127.0.0.1");
      assertThat(got.get(1).source())
          .as("the feed's summary stands in: the feed names the outlet")
          .isEqualTo("Example News");
      assertThat(one.retrieved()).isNotNull();
      // the second link fails: the feed's own description stands in, with a warning
      assertThat(got.get(1).content()).isEqualTo("Another story in the feed.");
      assertThat(warnings).anyMatch(w -> w.contains("HTTP 500") && w.contains("feed's summary"));
    }
  }

  @Test
  void feedServedAsHtmlIsStillAFeed() throws IOException {
    try (LocalServer server = new LocalServer()) {
      server.page(
          "/rss",
          "text/html; charset=utf-8",
          RSS.formatted("https://news.example/a", "https://news.example/b"));
      HttpFetcher fetcher =
          new HttpFetcher(options().fetch().withAllowedHosts(Set.of("127.0.0.1:" + server.port())));
      try (ArticleStream s =
          ArticleSources.open(
              List.of(server.url("/rss")), options().withFetchFeedLinks(false), fetcher)) {
        assertThat(s.toList())
            .extracting(RawArticle::title)
            .containsExactly("Talks in Moscow", "Second story");
      }
    }
  }

  @Test
  void politenessHoldsAcrossStreamsOpenedOneInputAtATime()
      throws IOException, InterruptedException {
    try (LocalServer server = new LocalServer()) {
      server.page("/one", "text/html", page("One", "First page."));
      server.page("/two", "text/html", page("Two", "Second page."));
      SourceOptions polite =
          options()
              .withFetch(
                  FetchOptions.defaults()
                      .withObeyRobots(false)
                      .withHostDelay(Duration.ofMillis(400))
                      .withAllowedHosts(Set.of("127.0.0.1:" + server.port())));
      server.page("/warm", "text/html", page("Warm", "A page read first."));
      read(polite, server.url("/warm")); // class loading and set-up, then the delay runs out
      Thread.sleep(450);
      long before = System.nanoTime();
      read(polite, server.url("/one"));
      read(polite, server.url("/two"));
      // from before the first request: a bound the delay guarantees whatever the machine's load,
      // while two warm reads without it take a few milliseconds
      assertThat(server.times.get("/two") - before)
          .isGreaterThanOrEqualTo(Duration.ofMillis(400).toNanos());
    }
  }

  @Test
  void plainUrlIsOneArticle() throws IOException {
    try (LocalServer server = new LocalServer()) {
      server.page("/news", "text/html; charset=utf-8", page("A page", "Body of the page."));
      HttpFetcher fetcher =
          new HttpFetcher(options().fetch().withAllowedHosts(Set.of("127.0.0.1:" + server.port())));
      List<RawArticle> got;
      try (ArticleStream s =
          ArticleSources.open(List.of(server.url("/news")), options(), fetcher)) {
        got = s.toList();
      }
      assertThat(got)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.id()).isEqualTo(server.url("/news"));
                assertThat(a.format()).isEqualTo(RawArticle.Format.HTML);
                assertThat(a.url()).isEqualTo(server.url("/news"));
              });
    }
  }

  @Test
  void defaultOptionsRefuseALocalUrl() throws IOException {
    try (LocalServer server = new LocalServer()) {
      server.page("/news", "text/html", page("A page", "Body."));
      assertThatThrownBy(() -> read(SourceOptions.defaults(), server.url("/news")))
          .isInstanceOf(FetchException.class)
          .hasMessage("refused: 127.0.0.1 is a loopback address (use --allow-private)");
    }
  }

  @Test
  void mixedFolderIsReadInNameOrderAndBadFilesAreSkipped() throws IOException {
    Path folder = dir.resolve("mixed");
    Files.createDirectories(folder.resolve("sub"));
    Files.writeString(folder.resolve("a.txt"), "A plain text article.");
    Files.writeString(folder.resolve("b.html"), page("B", "An HTML article."));
    Files.writeString(
        folder.resolve("c.jsonl"), "{\"id\": \"c1\", \"text\": \"From JSON Lines.\"}\n");
    writeWarc(folder.resolve("d.warc.gz"), WarcCompression.GZIP);
    Files.writeString(
        folder.resolve("e.rss"), RSS.formatted("https://news.example/a", "https://news.example/b"));
    Files.writeString(folder.resolve("sub/f.txt"), "Nested article.");
    Files.writeString(folder.resolve("g.json"), "{ broken");
    Files.writeString(folder.resolve("h.txt"), "   ");
    Files.writeString(folder.resolve("notes.md"), "not an article");
    List<RawArticle> got = read(options().withFetchFeedLinks(false), folder.toString());
    assertThat(got)
        .extracting(RawArticle::id)
        .containsExactly(
            "a",
            "b",
            "c1",
            "https://news.example/a",
            "https://news.example/b",
            "https://news.example/c",
            "item-1",
            "https://news.example/b",
            "f");
    assertThat(warnings)
        .anyMatch(w -> w.startsWith("skipped " + folder.resolve("g.json") + ": invalid JSON"));
    assertThat(warnings)
        .anyMatch(w -> w.equals("skipped " + folder.resolve("h.txt") + ": empty article"));
  }

  @Test
  void missingPathAndEmptyDirectoryFailBeforeAnyArticleIsRead() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("readme.md"), "nothing");
    assertThatThrownBy(
            () -> ArticleSources.open(List.of(dir.resolve("nope").toString()), options()))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("nope") + ": no such file or directory");
    assertThatThrownBy(() -> ArticleSources.open(List.of(empty.toString()), options()))
        .hasMessageContaining("directory contains no");
    assertThatThrownBy(() -> ArticleSources.open(List.of("ftp://example.com/x"), options()))
        .hasMessageContaining("only http and https");
  }

  @Test
  void streamWithoutArticlesIsAnError() throws IOException {
    Path blank = dir.resolve("blank.txt");
    Files.writeString(blank, "\n\n");
    assertThatThrownBy(() -> read(options(), blank.toString()))
        .hasMessage("no articles to read in " + blank);
  }

  @Test
  void stdinJsonLinesAreStreamedAndPlainTextStillWorks() {
    byte[] lines =
        "{\"id\": \"s1\", \"text\": \"One.\"}\n{\"id\": \"s2\", \"text\": \"Two.\"}\n"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(read(options().withStdin(new ByteArrayInputStream(lines)), "-"))
        .extracting(RawArticle::id)
        .containsExactly("s1", "s2");
    byte[] text = "Just some text on stdin.".getBytes(StandardCharsets.UTF_8);
    assertThat(read(options().withStdin(new ByteArrayInputStream(text)), "-"))
        .singleElement()
        .extracting(RawArticle::content)
        .isEqualTo("Just some text on stdin.");
  }

  @Test
  void stdinGzippedJsonLinesAndSlowFirstLineAreRead() throws IOException {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(
          "\n{\"id\": \"z1\", \"text\": \"One.\"}\n\n{\"id\": \"z2\", \"text\": \"Two.\"}\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    assertThat(read(options().withStdin(new ByteArrayInputStream(zipped.toByteArray())), "-"))
        .extracting(RawArticle::id)
        .containsExactly("z1", "z2");
    byte[] oneObject =
        "{\"id\": \"only\", \"text\": \"A single JSON article.\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(read(options().withStdin(new ByteArrayInputStream(oneObject)), "-"))
        .extracting(RawArticle::id)
        .containsExactly("only");
  }

  @Test
  void stdinWarcIsRead() throws IOException {
    Path warc = dir.resolve("in.warc.gz");
    writeWarc(warc, WarcCompression.GZIP);
    byte[] bytes = Files.readAllBytes(warc);
    assertThat(read(options().withStdin(new ByteArrayInputStream(bytes)), "-")).hasSize(3);
  }

  @Test
  void exampleFolderReadsAsBefore() {
    Path example =
        Path.of(System.getProperty("precis.root", ".")).resolve("examples/tillerson-lavrov-2017");
    List<RawArticle> viaSources = read(options(), example.toString());
    List<RawArticle> viaReader =
        new ArticleReader(Limits.defaults(), w -> {}).read(List.of(example.toString()), System.in);
    assertThat(viaSources).isEqualTo(viaReader);
  }
}

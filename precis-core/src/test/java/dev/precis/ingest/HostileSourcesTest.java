package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Hostile and damaged sources: a broken WARC record costs that record only (with its real byte
 * offset), a feed nested thousands deep costs that file only, binary data declared as a page is no
 * article.
 */
class HostileSourcesTest {
  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private List<RawArticle> read(String... inputs) {
    SourceOptions options =
        SourceOptions.defaults()
            .withFetch(FetchOptions.defaults().withHostDelay(Duration.ZERO))
            .withWarnings(warnings::add);
    try (ArticleStream s = ArticleSources.open(List.of(inputs), options)) {
      return s.toList();
    }
  }

  /** Three resource pages; returns each record's start offset. */
  private List<Long> writeThreePages(Path file, WarcCompression compression) throws IOException {
    try (WarcWriter w =
        new WarcWriter(
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            compression)) {
      for (String name : new String[] {"one", "two", "three"}) {
        w.write(
            new WarcResource.Builder(URI.create("https://news.example/" + name))
                .body(
                    MediaType.parse("text/html"),
                    ArticleSourcesTest.page(
                            "Page " + name, "The ministers met on Wednesday about page " + name)
                        .getBytes(StandardCharsets.UTF_8))
                .build());
      }
    }
    List<Long> starts = new ArrayList<>();
    try (WarcReader r = new WarcReader(file)) {
      for (WarcRecord rec = r.next().orElse(null); rec != null; rec = r.next().orElse(null)) {
        starts.add(r.position());
      }
    }
    return starts;
  }

  private static void overwrite(Path file, long at, byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(bytes), at);
    }
  }

  @Test
  void corruptGzipMemberSkipsThatRecordOnly() throws IOException {
    Path warc = dir.resolve("crawl.warc.gz");
    List<Long> starts = writeThreePages(warc, WarcCompression.GZIP);
    overwrite(warc, starts.get(1) + 20, new byte[40]); // zeros inside the deflate stream
    assertThat(read(warc.toString()))
        .extracting(RawArticle::id)
        .containsExactly("https://news.example/one", "https://news.example/three");
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("at byte " + starts.get(1)));
  }

  @Test
  void recordRunningPastItsGzipMemberSkipsThatRecordOnly() throws IOException {
    // a member whose record declares more bytes than the member holds: the reader ran on into
    // the next member and lost the good record there (found by scripts/attack-check.py)
    Path warc = dir.resolve("overrun.warc.gz");
    List<Long> starts = writeThreePages(warc, WarcCompression.GZIP);
    byte[] whole = Files.readAllBytes(warc);
    java.io.ByteArrayOutputStream member = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(member)) {
      gz.write(
          ("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:x>\r\n"
                  + "WARC-Target-URI: https://news.example/overrun\r\nContent-Type: text/html\r\n"
                  + "Content-Length: 99999\r\n\r\n<p>short")
              .getBytes(StandardCharsets.US_ASCII));
    }
    int cut = starts.get(1).intValue();
    java.io.ByteArrayOutputStream spliced = new java.io.ByteArrayOutputStream();
    spliced.write(whole, 0, cut);
    spliced.write(member.toByteArray());
    spliced.write(whole, cut, whole.length - cut);
    Files.write(warc, spliced.toByteArray());
    assertThat(read(warc.toString()))
        .extracting(RawArticle::id)
        .containsExactly(
            "https://news.example/one", "https://news.example/two", "https://news.example/three");
    assertThat(warnings)
        .singleElement()
        .satisfies(w -> assertThat(w).contains("at byte " + cut + " "));
  }

  @Test
  void corruptHeaderInAnUncompressedWarcSkipsThatRecordOnly() throws IOException {
    Path warc = dir.resolve("crawl.warc");
    List<Long> starts = writeThreePages(warc, WarcCompression.NONE);
    overwrite(
        warc, starts.get(1) + 10, "\u0000garbage:\r\n\u0001".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(read(warc.toString()))
        .extracting(RawArticle::id)
        .containsExactly("https://news.example/one", "https://news.example/three");
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("at byte " + starts.get(1)));
  }

  @Test
  void truncatedLastGzipMemberKeepsTheRecordsBefore() throws IOException {
    Path warc = dir.resolve("cut.warc.gz");
    List<Long> starts = writeThreePages(warc, WarcCompression.GZIP);
    try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.WRITE)) {
      ch.truncate(starts.get(2) + 30);
    }
    assertThat(read(warc.toString()))
        .extracting(RawArticle::id)
        .containsExactly("https://news.example/one", "https://news.example/two");
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("byte " + starts.get(2)));
  }

  @Test
  void binaryResourceDeclaredAsHtmlIsSkipped() throws IOException {
    Path warc = dir.resolve("bin.warc");
    byte[] binary = new byte[4096];
    new java.util.Random(7).nextBytes(binary);
    try (WarcWriter w =
        new WarcWriter(
            FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.NONE)) {
      w.write(
          new WarcResource.Builder(URI.create("https://news.example/image"))
              .body(MediaType.parse("text/html"), binary)
              .build());
      w.write(
          new WarcResource.Builder(URI.create("https://news.example/page"))
              .body(
                  MediaType.parse("text/html"),
                  ArticleSourcesTest.page("Page", "The ministers met on Wednesday.")
                      .getBytes(StandardCharsets.UTF_8))
              .build());
    }
    assertThat(read(warc.toString()))
        .extracting(RawArticle::id)
        .containsExactly("https://news.example/page");
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("content is binary"));
  }

  @Test
  void deeplyNestedFeedIsOneErrorAndTheFolderIsStillRead() throws IOException {
    Path folder = dir.resolve("news");
    Files.createDirectories(folder);
    int n = 3000;
    Files.writeString(
        folder.resolve("deep.rss"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item>"
            + "<title>A</title><link>http://a.example/1</link><description>"
            + "<b>".repeat(n)
            + "x"
            + "</b>".repeat(n)
            + "</description></item></channel></rss>");
    Files.writeString(
        folder.resolve("good.txt"), "The ministers met on Wednesday. They talked for hours.");
    List<RawArticle> got = read(folder.toString());
    assertThat(got).hasSize(1);
    assertThat(warnings)
        .anySatisfy(w -> assertThat(w).contains("deep.rss").contains("deeper than"));
  }

  @Test
  void pageWithMoreTagsThanTheLimitIsRefusedBeforeParsing() {
    String deep = "<div>".repeat(HtmlExtractor.MAX_TAGS + 1) + "x";
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new HtmlExtractor().extract(deep, null))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("more than " + HtmlExtractor.MAX_TAGS + " tags");
    String nested = "<div>".repeat(5_000) + "<p>The ministers met on Wednesday.</p>";
    assertThat(new HtmlExtractor().extract(nested, null).text())
        .contains("The ministers met on Wednesday.");
  }
}

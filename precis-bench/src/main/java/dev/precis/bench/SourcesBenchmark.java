package dev.precis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.RawArticle;
import dev.precis.ingest.SourceOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.jsoup.nodes.Entities;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading throughput of the ingestion sources, in articles per second: the first {@value #ARTICLES}
 * Multi-News validation documents written once as JSON Lines (plain and gzip) and as a gzip WARC of
 * HTML pages, then streamed through {@link ArticleSources} (reading and decoding only; HTML
 * extraction is measured elsewhere).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SourcesBenchmark {
  static final int ARTICLES = 5000;
  private Path dir;
  private Path jsonl;
  private Path jsonlGz;
  private Path warcGz;

  @Setup
  public void write() throws IOException {
    List<String> pool = new ArrayList<>();
    for (List<RawArticle> cluster : Corpus.multiNews(2000)) {
      for (RawArticle a : cluster) {
        if (!a.content().isBlank()) {
          pool.add(a.content());
        }
      }
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      texts.add(pool.get(i % pool.size())); // exactly ARTICLES, for per-article rates
    }
    dir = Files.createTempDirectory("precis-sources-bench");
    jsonl = dir.resolve("articles.jsonl");
    jsonlGz = dir.resolve("articles.jsonl.gz");
    warcGz = dir.resolve("articles.warc.gz");
    ObjectMapper json = new ObjectMapper();
    try (OutputStream plain = Files.newOutputStream(jsonl);
        OutputStream gz = new GZIPOutputStream(Files.newOutputStream(jsonlGz), 65536)) {
      for (int i = 0; i < texts.size(); i++) {
        ObjectNode o = json.createObjectNode();
        o.put("id", "a" + i);
        o.put("text", texts.get(i));
        o.put("source", "Outlet " + (i % 50));
        o.put("published", "2017-04-12T10:00:00Z");
        byte[] line = (o.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        plain.write(line);
        gz.write(line);
      }
    }
    try (WarcWriter w =
        new WarcWriter(
            FileChannel.open(warcGz, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            WarcCompression.GZIP)) {
      for (int i = 0; i < texts.size(); i++) {
        StringBuilder html =
            new StringBuilder("<html><head><title>Article ")
                .append(i)
                .append("</title></head><body><article>");
        for (String p : texts.get(i).split("\n+")) {
          html.append("<p>").append(Entities.escape(p)).append("</p>\n");
        }
        html.append("</article></body></html>");
        HttpResponse http =
            new HttpResponse.Builder(200, "OK")
                .body(
                    MediaType.parse("text/html; charset=utf-8"),
                    html.toString().getBytes(StandardCharsets.UTF_8))
                .build();
        w.write(
            new WarcResponse.Builder(URI.create("https://news.example/" + i))
                .date(Instant.parse("2017-04-12T10:00:00Z"))
                .body(http)
                .build());
      }
    }
  }

  @TearDown
  public void delete() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static long drain(Path file) {
    long chars = 0;
    try (ArticleStream s =
        ArticleSources.open(List.of(file.toString()), SourceOptions.defaults())) {
      while (s.hasNext()) {
        chars += s.next().content().length();
      }
    }
    return chars;
  }

  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public long jsonLines() {
    return drain(jsonl);
  }

  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public long jsonLinesGzip() {
    return drain(jsonlGz);
  }

  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public long warcGzip() {
    return drain(warcGz);
  }

  /** Size check for the report: bytes per article in each format. */
  public static void main(String[] args) throws IOException {
    SourcesBenchmark b = new SourcesBenchmark();
    b.write();
    try {
      for (Path p : List.of(b.jsonl, b.jsonlGz, b.warcGz)) {
        System.out.printf("%s: %d bytes%n", p.getFileName(), Files.size(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      b.delete();
    }
  }
}

package dev.precis.bench;

import dev.precis.Precis;
import dev.precis.facts.FactExtractor;
import dev.precis.facts.FactSheet;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.text.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fact extraction (entities, quotes, figures, dates, timeline) on the ten 10-article MultiLing 2011
 * English clusters, cleaned and split beforehand: one call builds the fact sheet of one cluster,
 * which is what fact extraction adds to a summary.
 *
 * <pre>
 * java -jar precis-bench/target/benchmarks.jar FactsBenchmark -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FactsBenchmark {
  private final List<List<Document>> clusters = new ArrayList<>();
  private final FactExtractor extractor = FactExtractor.standard();
  private int next;

  @Setup
  public void load() throws IOException {
    Path docs =
        Path.of(System.getProperty("precis.shared", "../shared"), "data/multiling2011-en/docs");
    try (Stream<Path> topics = Files.list(docs)) {
      for (Path topic : topics.sorted().toList()) {
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(topic)) {
          for (Path f : files.sorted().toList()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            articles.add(
                Precis.defaults().prepare(RawArticle.ofText(f.getFileName().toString(), text)));
          }
        }
        clusters.add(Precis.defaults().split(articles));
      }
    }
  }

  @Benchmark
  public FactSheet extract() {
    return extractor.extract(clusters.get(next++ % clusters.size()));
  }
}

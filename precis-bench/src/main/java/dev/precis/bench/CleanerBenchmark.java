package dev.precis.bench;

import dev.precis.ingest.RawArticle;
import dev.precis.text.CleanText;
import dev.precis.text.RuleBasedCleaner;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Boilerplate cleaning throughput: the five example articles (about 21 KB of scraped text) and 100
 * Multi-News validation clusters (flattened one-line pages), in operations (passes over the whole
 * set) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CleanerBenchmark {
  private final RuleBasedCleaner cleaner = new RuleBasedCleaner();
  private List<String> example;
  private List<String> multiNews;

  @Setup
  public void load() {
    example = Corpus.example().stream().map(RawArticle::content).toList();
    multiNews =
        Corpus.multiNews(100).stream().flatMap(List::stream).map(RawArticle::content).toList();
  }

  @Benchmark
  public void cleanExample(Blackhole bh) {
    for (String text : example) {
      CleanText clean = cleaner.clean(null, text);
      bh.consume(clean);
    }
  }

  @Benchmark
  public void cleanMultiNews100Clusters(Blackhole bh) {
    for (String text : multiNews) {
      bh.consume(cleaner.clean(null, text));
    }
  }
}

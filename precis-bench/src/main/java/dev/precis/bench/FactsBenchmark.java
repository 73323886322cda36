package dev.precis.bench;

import dev.precis.facts.FactExtractor;
import dev.precis.facts.FactSheet;
import dev.precis.text.Document;
import java.io.IOException;
import java.util.ArrayList;
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
    clusters.addAll(Corpus.multiLing());
  }

  @Benchmark
  public FactSheet extract() {
    return extractor.extract(clusters.get(next++ % clusters.size()));
  }
}

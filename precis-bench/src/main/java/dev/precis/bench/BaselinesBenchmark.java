package dev.precis.bench;

import dev.precis.eval.baseline.Baselines;
import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline summarizers on the ten 10-article MultiLing 2011 English clusters (cleaned and split
 * beforehand), 250 words: one call selects the sentences of one cluster, as the ms/cluster column
 * of {@code precis eval} measures it.
 *
 * <pre>
 * java -jar precis-bench/target/benchmarks.jar BaselinesBenchmark -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BaselinesBenchmark {
  @Param({"lead", "random", "lexrank", "textrank", "centroid", "mmr"})
  String summarizerName;

  private final List<List<Document>> clusters = new ArrayList<>();
  private Summarizer summarizer;
  private int next;

  @Setup
  public void load() throws IOException {
    clusters.addAll(Corpus.multiLing());
    summarizer = Baselines.all().create(summarizerName);
  }

  @Benchmark
  public List<Sentence> select() {
    return summarizer.select(clusters.get(next++ % clusters.size()), 250);
  }
}

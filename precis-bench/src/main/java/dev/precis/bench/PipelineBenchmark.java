package dev.precis.bench;

import dev.precis.Precis;
import dev.precis.ingest.RawArticle;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
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

/** End to end: raw example articles to a cited 100-word summary (the 50 ms target). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {
  private List<RawArticle> example;

  @Setup
  public void load() {
    example = Corpus.example();
  }

  @Benchmark
  public Summary summarizeExample() {
    return Precis.defaults().summarize(example, SummaryOptions.defaults());
  }
}

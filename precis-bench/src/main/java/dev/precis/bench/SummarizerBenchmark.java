package dev.precis.bench;

import dev.precis.Precis;
import dev.precis.summarize.CitationFinder;
import dev.precis.summarize.Summarizer;
import dev.precis.summarize.Summarizers;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
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
 * The default summarizer on 10-article news clusters (the ten MultiLing 2011 English topics,
 * WikiNews articles, cleaned and split beforehand): one call summarizes one cluster. {@code select}
 * is sentence selection alone; {@code summarizeWithCitations} adds citation finding, as the CLI
 * does per cluster. Target: at most 20 ms per cluster on one core.
 *
 * <pre>
 * java -jar precis-bench/target/benchmarks.jar SummarizerBenchmark -t 1
 * </pre>
 *
 * Run from the project root (reads {@code ../shared/data/multiling2011-en}; override with {@code
 * -Dprecis.shared=DIR}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SummarizerBenchmark {
  @Param({"100", "250"})
  int words;

  private final List<List<Document>> clusters = new ArrayList<>();
  private Summarizer summarizer;
  private int next;

  @Setup
  public void load() throws IOException {
    clusters.addAll(Corpus.multiLing());
    summarizer = Summarizers.standard().create("default");
  }

  private List<Document> nextCluster() {
    List<Document> c = clusters.get(next);
    next = (next + 1) % clusters.size();
    return c;
  }

  /** Sentence selection for one 10-article cluster. */
  @Benchmark
  public List<Sentence> select() {
    return summarizer.select(nextCluster(), words);
  }

  /** Selection, ordering and citations for one cluster, as {@code precis summarize} does. */
  @Benchmark
  public Summary summarizeWithCitations() {
    return Precis.defaults()
        .summarizeDocuments(nextCluster(), new SummaryOptions(words, false, "default"));
  }

  /** Citation index and lookups alone, for one cluster's first ten sentences. */
  @Benchmark
  public int citations() {
    List<Document> c = nextCluster();
    CitationFinder.Index index = new CitationFinder().index(c);
    int n = 0;
    for (Sentence s : c.get(0).sentences().subList(0, Math.min(10, c.get(0).sentences().size()))) {
      n += index.cite(s).size();
    }
    return n;
  }
}

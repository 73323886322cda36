package dev.precis.bench;

import dev.precis.ingest.RawArticle;
import dev.precis.text.RegexSentenceSplitter;
import dev.precis.text.RuleBasedCleaner;
import dev.precis.text.RuleBasedSentenceSplitter;
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
 * Sentence splitting throughput on cleaned text: the five example articles and 100 Multi-News
 * validation clusters, Precis's rule-based splitter against the regex baseline, in operations
 * (passes over the whole set) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SplitterBenchmark {
  private final RuleBasedSentenceSplitter rules = new RuleBasedSentenceSplitter();
  private final RegexSentenceSplitter regex = new RegexSentenceSplitter();
  private List<String> example;
  private List<String> multiNews;

  @Setup
  public void load() {
    RuleBasedCleaner cleaner = new RuleBasedCleaner();
    example = Corpus.example().stream().map(a -> cleaner.clean(null, a.content()).text()).toList();
    multiNews =
        Corpus.multiNews(100).stream()
            .flatMap(List::stream)
            .map(RawArticle::content)
            .map(t -> cleaner.clean(null, t).text())
            .toList();
  }

  @Benchmark
  public void ruleBasedExample(Blackhole bh) {
    for (String text : example) {
      bh.consume(rules.split(text));
    }
  }

  @Benchmark
  public void regexExample(Blackhole bh) {
    for (String text : example) {
      bh.consume(regex.split(text));
    }
  }

  @Benchmark
  public void ruleBasedMultiNews100Clusters(Blackhole bh) {
    for (String text : multiNews) {
      bh.consume(rules.split(text));
    }
  }
}

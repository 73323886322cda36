package dev.precis.bench;

import dev.precis.eval.ExtractionEvaluation;
import dev.precis.ingest.ExtractedPage;
import dev.precis.ingest.HtmlExtractor;
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
 * Main text and metadata of real web pages, one page per operation (so the score is pages per
 * second), cycling through the 1,554 training pages of {@code ../shared/data/extraction-train}.
 * Parsing is included; reading and decompressing the files is not. {@code parsePage} is the bare
 * jsoup parse, the limit to approach; {@code mainText} leaves metadata out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ExtractorBenchmark {
  private final HtmlExtractor extractor = new HtmlExtractor();
  private List<ExtractionEvaluation.Page> pages;
  private int next;

  @Setup
  public void load() {
    pages = ExtractionEvaluation.load(Corpus.root().resolve("../shared/data/extraction-train"));
  }

  @Benchmark
  public ExtractedPage extractPage() {
    ExtractionEvaluation.Page p = pages.get(next);
    next = (next + 1) % pages.size();
    return extractor.extract(p.html(), p.url());
  }

  @Benchmark
  public String mainText() {
    ExtractionEvaluation.Page p = pages.get(next);
    next = (next + 1) % pages.size();
    return extractor.mainText(p.html());
  }

  /** Baseline: the jsoup parse alone, to tell the extractor's own cost from parsing. */
  @Benchmark
  public org.jsoup.nodes.Document parsePage() {
    ExtractionEvaluation.Page p = pages.get(next);
    next = (next + 1) % pages.size();
    return org.jsoup.Jsoup.parse(p.html(), p.url());
  }
}

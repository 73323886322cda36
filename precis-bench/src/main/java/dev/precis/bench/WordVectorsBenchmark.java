package dev.precis.bench;

import dev.precis.ingest.RawArticle;
import dev.precis.text.analysis.Analyzer;
import dev.precis.text.analysis.TextVector;
import dev.precis.text.analysis.WordVectors;
import java.io.IOException;
import java.io.InputStream;
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
 * {@link WordVectors}: the vector of a 600-word article (its words already tokenized, as the story
 * and citation code holds them; and from raw text, tokenizing included), the cosine of two text
 * vectors, and reading the shipped table (the cost of {@link WordVectors#shared()} once per JVM).
 * Articles: Multi-News validation articles joined until each has 600 words.
 *
 * <pre>
 * java -jar precis-bench/target/benchmarks.jar WordVectorsBenchmark -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WordVectorsBenchmark {
  private static final int WORDS = 600;

  private final List<String> texts = new ArrayList<>();
  private final List<List<String>> words = new ArrayList<>();
  private WordVectors vectors;
  private TextVector a;
  private TextVector b;
  private int next;

  @Setup
  public void load() {
    vectors = WordVectors.shared();
    StringBuilder text = new StringBuilder();
    for (List<RawArticle> cluster : Corpus.multiNews(200)) {
      for (RawArticle article : cluster) {
        text.append(article.content()).append('\n');
        List<String> w = Analyzer.NEWS.words(text.toString());
        if (w.size() >= WORDS) {
          words.add(List.copyOf(w.subList(0, WORDS)));
          texts.add(String.join(" ", w.subList(0, WORDS)));
          text.setLength(0);
        }
      }
    }
    a = vectors.of(words.get(0));
    b = vectors.of(words.get(1));
  }

  @Benchmark
  public TextVector articleVector() {
    return vectors.of(words.get(next++ % words.size()));
  }

  @Benchmark
  public TextVector articleVectorFromText() {
    return vectors.ofText(texts.get(next++ % texts.size()));
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double cosine() {
    return a.cosine(b);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 10)
  public WordVectors loadTable() throws IOException {
    try (InputStream in = WordVectors.class.getResourceAsStream(WordVectors.RESOURCE)) {
      return WordVectors.read(in);
    }
  }
}

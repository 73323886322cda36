package dev.precis.bench;

import dev.precis.eval.rouge.Rouge;
import dev.precis.eval.rouge.RougeBootstrap;
import dev.precis.eval.rouge.RougeOptions;
import dev.precis.eval.rouge.RougeScore;
import dev.precis.eval.rouge.RougeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * ROUGE on MultiLing 2011 English (250-word system summaries, 3 references of ~250 words): {@code
 * score} reads and scores one candidate against its three references (ROUGE-1…4, L, SU4); {@code
 * scorePrepared} scores with the references already read, as {@code precis eval} does; {@code
 * bootstrap} is the system average of 100 clusters with 1,000 resamples.
 *
 * <pre>
 * java -jar precis-bench/target/benchmarks.jar RougeBenchmark -t 1
 * </pre>
 *
 * Run from the project root (reads {@code ../shared/data/multiling2011-en}; override with {@code
 * -Dprecis.shared=DIR}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RougeBenchmark {
  @Param({"-n 4 -m -2 4 -u", "-n 2 -2 4 -u -x"})
  String options;

  private final List<List<String>> candidates = new ArrayList<>();
  private final List<List<List<String>>> references = new ArrayList<>();
  private final List<RougeText> preparedCandidates = new ArrayList<>();
  private final List<List<RougeText>> preparedReferences = new ArrayList<>();
  private final List<RougeBootstrap.Instance> instances = new ArrayList<>();
  private Rouge rouge;
  private int next;

  @Setup
  public void load() throws IOException {
    Path root = Path.of(System.getProperty("precis.shared", "../shared"), "data/multiling2011-en");
    rouge = new Rouge(RougeOptions.parse(options));
    for (int t = 0; t < 10; t++) {
      String topic = "M00" + t;
      List<List<String>> refs = new ArrayList<>();
      List<RougeText> prepared = new ArrayList<>();
      for (String a : new String[] {"A", "B", "C"}) {
        List<String> r =
            List.of(Files.readString(root.resolve("models/" + topic + "." + a + ".250")));
        refs.add(r);
        prepared.add(RougeText.of(r, rouge.options()));
      }
      for (int peer = 1; peer <= 10; peer++) {
        List<String> c = List.of(Files.readString(root.resolve("peers/ID" + peer + "/" + topic)));
        candidates.add(c);
        references.add(refs);
        preparedCandidates.add(RougeText.of(c, rouge.options()));
        preparedReferences.add(prepared);
        Map<String, RougeScore> s = rouge.score(c, refs);
        instances.add(
            new RougeBootstrap.Instance(topic + "." + peer, s.values().iterator().next()));
      }
    }
  }

  @Benchmark
  public Map<String, RougeScore> score() {
    int i = next++ % candidates.size();
    return rouge.score(candidates.get(i), references.get(i));
  }

  @Benchmark
  public Map<String, RougeScore> scorePrepared() {
    int i = next++ % candidates.size();
    return rouge.score(preparedCandidates.get(i), preparedReferences.get(i));
  }

  @Benchmark
  public RougeBootstrap.Average bootstrap() {
    return RougeBootstrap.average(instances, 95, 1000);
  }
}

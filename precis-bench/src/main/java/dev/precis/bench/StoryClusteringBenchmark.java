package dev.precis.bench;

import dev.precis.eval.BCubed;
import dev.precis.eval.StoryStreamEvaluation;
import dev.precis.eval.SyntheticStoryStream;
import dev.precis.story.FeatureExtractor;
import dev.precis.story.StoryArticle;
import dev.precis.story.StoryClusterer;
import dev.precis.story.StoryOptions;
import dev.precis.story.TextFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * Story clustering throughput and memory on a synthetic stream scaled up from Multi-News validation
 * ({@link SyntheticStoryStream}: perturbed copies of real clusters with new ids, outlets and times,
 * plus syndicated copies).
 *
 * <p>As a command, the full-scale run: a million articles through near-duplicate detection and
 * clustering with a fixed heap, feature extraction on one thread and clustering on another (two
 * cores); prints throughput, the most stories open at once, heap after GC and B-cubed scores
 * against the synthetic stories:
 *
 * <pre>
 * java -Xmx2g -cp precis-bench/target/benchmarks.jar dev.precis.bench.StoryClusteringBenchmark \
 *     --articles 1000000 --days 365
 * </pre>
 *
 * <p>As a JMH benchmark ({@code java -jar precis-bench/target/benchmarks.jar
 * StoryClusteringBenchmark}): time to cluster the same 20,000-article stream, single thread. Run
 * from the project root (reads {@code ../shared/data/multinews-val.jsonl.gz}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class StoryClusteringBenchmark {
  private static final Path DATA =
      Path.of(System.getProperty("precis.shared", "../shared"))
          .resolve("data/multinews-val.jsonl.gz");

  private List<SyntheticStoryStream.Labeled> stream;

  @Setup
  public void setUp() {
    List<StoryStreamEvaluation.Cluster> clusters =
        StoryStreamEvaluation.withoutSharedDocuments(StoryStreamEvaluation.read(DATA));
    stream = new ArrayList<>();
    new SyntheticStoryStream(clusters, 20_000, 7, 1).forEachRemaining(stream::add);
  }

  /** Clusters 20,000 articles (one week of news at ~2,900 articles a day). */
  @Benchmark
  public int cluster20k() {
    int[] stories = {0};
    StoryClusterer c = new StoryClusterer(StoryOptions.defaults(), s -> stories[0]++);
    for (SyntheticStoryStream.Labeled l : stream) {
      c.add(l.article());
    }
    c.closeAll();
    return stories[0];
  }

  private record Job(SyntheticStoryStream.Labeled item, TextFeatures features) {}

  private static final Job END = new Job(null, null);

  /**
   * Writes the stream as JSON Lines for {@code precis stories} ({@code id}, {@code text}, {@code
   * source}, {@code published}, and the synthetic {@code story} as gold label).
   */
  private static void writeJsonLines(SyntheticStoryStream stream, Path file)
      throws java.io.IOException {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(file)) {
      while (stream.hasNext()) {
        SyntheticStoryStream.Labeled l = stream.next();
        com.fasterxml.jackson.databind.node.ObjectNode o = json.createObjectNode();
        o.put("id", l.article().id());
        o.put("text", l.article().text());
        o.put("source", l.article().outlet());
        o.put("published", l.article().published().toString());
        o.put("story", l.story());
        w.write(o.toString());
        w.write('\n');
      }
    }
  }

  public static void main(String[] args) throws Exception {
    long articles = 1_000_000;
    int days = 365;
    long seed = 1;
    Double threshold = null; // the learned event scorer unless a rule threshold is given
    Path write = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Long.parseLong(args[++i]);
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--threshold" -> threshold = Double.parseDouble(args[++i]);
        case "--write" -> write = Path.of(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + " (use --articles N --days N --seed N --threshold X --write FILE.jsonl)");
      }
    }
    List<StoryStreamEvaluation.Cluster> clusters =
        StoryStreamEvaluation.withoutSharedDocuments(StoryStreamEvaluation.read(DATA));
    if (write != null) {
      writeJsonLines(new SyntheticStoryStream(clusters, articles, days, seed), write);
      return;
    }
    int n = (int) articles;
    int[] gold = new int[n];
    long[] predicted = new long[n];
    int[] storiesClosed = {0};
    long[] copies = {0};
    StoryClusterer clusterer =
        new StoryClusterer(
            threshold == null
                ? StoryOptions.defaults()
                : StoryOptions.defaults().withThreshold(threshold).withScorer(null),
            story -> {
              storiesClosed[0]++;
              for (StoryArticle a : story.articles()) {
                predicted[Integer.parseInt(a.id().substring(4))] = story.id();
                if (!a.canonical()) {
                  copies[0]++;
                }
              }
            });

    // thread 1: generate the stream and extract features; thread 2 (this one): cluster
    BlockingQueue<Job> queue = new ArrayBlockingQueue<>(4096);
    SyntheticStoryStream source = new SyntheticStoryStream(clusters, articles, days, seed);
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long[] producerCpu = {0};
    Thread producer =
        new Thread(
            () -> {
              FeatureExtractor fx = new FeatureExtractor();
              long generate = 0;
              try {
                while (source.hasNext()) {
                  long g0 = cpu.getCurrentThreadCpuTime();
                  SyntheticStoryStream.Labeled l = source.next();
                  generate += cpu.getCurrentThreadCpuTime() - g0;
                  queue.put(new Job(l, StoryClusterer.features(l.article(), fx)));
                }
                // feature extraction is the product's work; generating the synthetic text is not
                producerCpu[0] = cpu.getCurrentThreadCpuTime() - generate;
                queue.put(END);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "features");
    long t0 = System.nanoTime();
    long cpu0 = cpu.getCurrentThreadCpuTime();
    producer.start();
    int maxOpen = 0;
    long maxHeapAfterGc = 0;
    Runtime rt = Runtime.getRuntime();
    long done = 0;
    for (Job j; (j = queue.take()) != END; ) {
      gold[Integer.parseInt(j.item().article().id().substring(4))] = j.item().story();
      clusterer.add(j.item().article(), j.features());
      done++;
      maxOpen = Math.max(maxOpen, clusterer.openStories());
      if (done % 100_000 == 0) {
        System.gc(); // measure the live set, not garbage
        long used = rt.totalMemory() - rt.freeMemory();
        maxHeapAfterGc = Math.max(maxHeapAfterGc, used);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            "%,d articles, %.0f articles/s, %d open stories, heap after GC %d MB%n",
            done, done / secs, clusterer.openStories(), used >> 20);
      }
    }
    clusterer.closeAll();
    double secs = (System.nanoTime() - t0) / 1e9;
    double clusterCpu = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
    producer.join();
    double featureCpu = producerCpu[0] / 1e9;
    BCubed b3 = BCubed.score(gold, predicted);
    System.out.printf(
        "articles=%d seconds=%.1f articles/s=%.0f cores=%d max-heap=%d MB%n",
        done, secs, done / secs, rt.availableProcessors(), rt.maxMemory() >> 20);
    // on two free cores the pipeline runs as fast as its slower stage
    System.out.printf(
        "cpu-seconds: features=%.1f clustering=%.1f -> %.0f articles/s on 2 free cores, %.0f on 1%n",
        featureCpu,
        clusterCpu,
        done / Math.max(featureCpu, clusterCpu),
        done / (featureCpu + clusterCpu));
    System.out.printf(
        "stories=%d copies=%d max-open-stories=%d max-heap-after-gc=%d MB%n",
        storiesClosed[0], copies[0], maxOpen, maxHeapAfterGc >> 20);
    System.out.printf(
        "B3 precision=%.4f recall=%.4f F1=%.4f%n", b3.precision(), b3.recall(), b3.f1());
  }
}

package dev.precis.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.Precis;
import dev.precis.StoryEntries;
import dev.precis.StoryPipeline;
import dev.precis.eval.BCubed;
import dev.precis.format.StoryFormat;
import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.EmptyArticles;
import dev.precis.ingest.SourceOptions;
import dev.precis.model.Article;
import dev.precis.story.StoryOptions;
import dev.precis.summarize.SummaryOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;

/**
 * One local[2] SparkSession for every test class (they run in one JVM), the shared test stream, the
 * single-machine reference (the {@code stories} command's pipeline run in-process), and the job run
 * and comparison that the agreement tests share.
 */
final class TestSpark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession session;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("precis-test")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.datetime.java8API.enabled", "true")
              .config("spark.sql.shuffle.partitions", "4")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  /** The story roundups stream (real dates, three outlets a roundup), in publication order. */
  static Path roundups() {
    return Path.of(System.getProperty("precis.root", "."))
        .resolve("../shared/data/story-roundups/stream.jsonl");
  }

  /** Lines {@code from} (inclusive) to {@code to} of a JSON Lines file, written to {@code out}. */
  static Path slice(Path in, int from, int to, Path out) throws IOException {
    List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
    Files.write(out, lines.subList(from, Math.min(to, lines.size())), StandardCharsets.UTF_8);
    return out;
  }

  static JobOptions options(List<String> inputs, Path output, int partitions) {
    return options(inputs, output, partitions, true);
  }

  /** Default options; {@code facts} false: no fact sheets (when only the groups are compared). */
  static JobOptions options(List<String> inputs, Path output, int partitions, boolean facts) {
    return new JobOptions(
        inputs,
        output.toString(),
        partitions,
        7,
        StoryOptions.DEFAULT_THRESHOLD,
        72,
        72,
        20_000,
        100,
        true,
        true,
        facts,
        dev.precis.ingest.Limits.DEFAULT_MAX_FILE_BYTES);
  }

  /**
   * Runs the job on the shared session and returns the lines of its {@code stories.jsonl}, after
   * checking that it read and grouped every one of the input's {@code articles}.
   */
  static List<String> runJob(JobOptions options, int articles) throws IOException {
    RunReport report = StoryJob.run(session(), options);
    assertThat(report.read()).as("articles read").isEqualTo(articles);
    assertThat(report.grouped()).as("articles grouped").isEqualTo(articles);
    return Files.readAllLines(Path.of(options.output()).resolve("stories.jsonl"));
  }

  /**
   * B-cubed agreement of the job's events with the reference's, after checking that both hold the
   * same articles (article id → the ids of its event, as {@link #groups} gives them).
   */
  static BCubed agreement(Map<String, Set<String>> reference, Map<String, Set<String>> spark) {
    assertThat(spark.keySet()).isEqualTo(reference.keySet());
    List<Object> gold = new ArrayList<>();
    List<Object> predicted = new ArrayList<>();
    for (String id : reference.keySet()) {
      gold.add(reference.get(id).toString());
      predicted.add(spark.get(id).toString());
    }
    return BCubed.score(gold, predicted);
  }

  /** Article id → the ids of its entry (event), from {@code stories} lines. */
  static Map<String, Set<String>> groups(List<String> lines) throws IOException {
    Map<String, Set<String>> out = new HashMap<>();
    for (String line : lines) {
      Set<String> ids = ids(JSON.readTree(line));
      for (String id : ids) {
        out.put(id, ids);
      }
    }
    return out;
  }

  /** The article ids of one {@code stories} entry, sorted. */
  static Set<String> ids(JsonNode entry) {
    Set<String> ids = new TreeSet<>();
    entry.withArray("articles").forEach(a -> ids.add(a.get("id").asText()));
    return ids;
  }

  /** The lines {@code precis stories} writes for these inputs (default options, event entries). */
  static List<String> storiesCommand(List<String> inputs) {
    Precis precis = Precis.defaults();
    SummaryOptions summary = new SummaryOptions(100, false, "default");
    List<String> lines = new ArrayList<>();
    StoryPipeline[] pipeline = new StoryPipeline[1];
    pipeline[0] =
        new StoryPipeline(
            precis,
            StoryOptions.defaults(),
            true,
            closed -> {
              for (StoryEntries.Entry e :
                  StoryEntries.of(
                      precis,
                      closed.story(),
                      closed.canonical(),
                      summary,
                      StoryFormat.JSONL,
                      true)) {
                lines.add(e.rendered().strip());
              }
            });
    try (ArticleStream stream = ArticleSources.open(inputs, SourceOptions.defaults())) {
      while (stream.hasNext()) {
        StoryPipeline.Prepared p = pipeline[0].prepare(stream.next());
        Article a = p.article();
        if (!EmptyArticles.isEmpty(a)) {
          pipeline[0].add(p);
        }
      }
    }
    pipeline[0].closeAll();
    return lines;
  }
}

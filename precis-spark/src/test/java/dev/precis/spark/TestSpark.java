package dev.precis.spark;

import dev.precis.Precis;
import dev.precis.StoryEntries;
import dev.precis.StoryPipeline;
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
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * One local[2] SparkSession for every test class (they run in one JVM), the shared test stream, and
 * the single-machine reference: the {@code stories} command's pipeline run in-process.
 */
final class TestSpark {
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
        true,
        dev.precis.ingest.Limits.DEFAULT_MAX_FILE_BYTES);
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

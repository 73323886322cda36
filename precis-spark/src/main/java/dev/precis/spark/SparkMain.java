package dev.precis.spark;

import dev.precis.ingest.InputException;
import dev.precis.ingest.Limits;
import dev.precis.story.StoryOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code precis spark}: the stories pipeline as one Spark job. Runs in local mode on all cores, or
 * on a cluster with {@code --master} or under {@code spark-submit}.
 */
@Command(
    name = "precis spark",
    mixinStandardHelpOptions = true,
    description = {
      "Groups articles into events and stories on Apache Spark, summarizes each with citations and builds its fact sheet; writes Parquet tables (and stories.jsonl with --jsonl) under --output.",
      "INPUT: files or directories (.warc .warc.gz .jsonl .jsonl.gz .txt .html ...) on any Hadoop file system. A second run into the same --output adds its new input files to the existing result."
    })
public final class SparkMain implements Callable<Integer> {
  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Articles to group.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description =
          "Output and state directory: a later run into it reads only new input files and"
              + " redoes only the windows and stories they change; a killed run is rerun with the"
              + " same command.")
  String output;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: spark-submit's, else local[*]: all cores).")
  String master;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Tasks per stage (default: 2 x the cores Spark has).")
  Integer partitions;

  @Option(
      names = "--window-days",
      paramLabel = "D",
      defaultValue = "7",
      description = "Days of article time clustered together (default: ${DEFAULT-VALUE}).")
  int windowDays;

  @Option(
      names = "--lead-in-hours",
      paramLabel = "H",
      description =
          "Article time before a window that its clusterer replays, owned by the window before (default: --close-after-hours).")
  Long leadInHours;

  @Option(
      names = "--warm-up-articles",
      paramLabel = "N",
      defaultValue = "20000",
      description =
          "Earlier articles whose words a window's clusterer counts before its own, for the same term weights as one pass over the whole input (default: ${DEFAULT-VALUE}).")
  long warmUpArticles;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      defaultValue = "" + StoryOptions.DEFAULT_THRESHOLD,
      description = "As precis stories --threshold (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--close-after-hours",
      paramLabel = "H",
      defaultValue = "72",
      description = "As precis stories (default: ${DEFAULT-VALUE}).")
  long closeAfterHours;

  @Option(
      names = "--words",
      paramLabel = "N",
      defaultValue = "100",
      description = "Summary word budget per entry (default: ${DEFAULT-VALUE}).")
  int words;

  @Option(
      names = "--group",
      paramLabel = "event|story",
      defaultValue = "event",
      description = "As precis stories --group (default: ${DEFAULT-VALUE}).")
  String group;

  @Option(names = "--jsonl", description = "Also write DIR/stories.jsonl as precis stories does.")
  boolean jsonl;

  @Option(
      names = "--no-facts",
      description = "Skip the fact sheets (the facts table stays empty); summaries are still made.")
  boolean noFacts;

  @Option(
      names = "--max-file-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + Limits.DEFAULT_MAX_FILE_BYTES,
      description =
          "Refuse input files (and records) larger than this (default: ${DEFAULT-VALUE}).")
  long maxFileBytes;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line; returns the exit code (errors are one line on stderr). */
  static int run(String... args) {
    CommandLine cl = new CommandLine(new SparkMain());
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          Throwable cause = e;
          if (e instanceof InputException || e instanceof IllegalArgumentException) {
            cmd.getErr().println("precis spark: " + cause.getMessage());
            return 2;
          }
          cmd.getErr().println("precis spark: " + e);
          return 1;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    if (!group.equals("event") && !group.equals("story")) {
      throw new IllegalArgumentException("--group must be event or story, not '" + group + "'");
    }
    if (!(threshold > 0 && threshold < 1) || words < 1 || closeAfterHours < 1 || windowDays < 1) {
      throw new IllegalArgumentException(
          "--threshold must be in (0, 1); --words, --close-after-hours and --window-days at least 1");
    }
    SparkSession spark = session(master);
    try {
      int p = partitions != null ? partitions : 2 * spark.sparkContext().defaultParallelism();
      JobOptions o =
          new JobOptions(
              inputs,
              output,
              Math.max(1, p),
              windowDays,
              threshold,
              closeAfterHours,
              leadInHours != null ? leadInHours : closeAfterHours,
              warmUpArticles,
              words,
              group.equals("event"),
              jsonl,
              !noFacts,
              maxFileBytes);
      RunReport report = StoryJob.run(spark, o);
      for (FileReport f : report.files()) {
        if (f.skippedTotal() > 0) {
          System.err.println(
              "precis spark: " + f.file() + ": read " + f.read() + ", skipped " + f.skipped());
        }
      }
      System.out.println(report.line());
      return 0;
    } finally {
      spark.stop();
    }
  }

  /**
   * The session: spark-submit's master when there is one, else the given or local[*]. Local mode
   * listens on loopback only and starts no web UI.
   */
  static SparkSession session(String master) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("precis")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.parquet.compression.codec", "zstd");
    String m = master != null ? master : System.getProperty("spark.master", "local[*]");
    b.master(m);
    if (m.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    }
    return b.getOrCreate();
  }
}

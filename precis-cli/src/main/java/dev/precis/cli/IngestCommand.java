package dev.precis.cli;

import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.EmptyArticles;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.store.ClusteredIngest;
import dev.precis.store.Ingestor;
import dev.precis.store.Store;
import dev.precis.story.StoryOptions;
import dev.precis.summarize.SummaryOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code precis ingest}: reads articles, stores them in the database, groups them into stories and
 * keeps each story's cited summary current. Safe to interrupt: every article is stored in its own
 * transaction, and running the same command again stores what is missing and brings the summaries
 * up to date.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Stores articles in the database, grouped into stories with cited summaries.",
      "INPUT: a file, a directory, .jsonl, .warc(.gz), a feed, a URL, or - (stdin).",
      "Stories come from incremental clustering (copies, similarity, time, merges); stored stories grow when later ingests bring related articles. --per-input makes each INPUT one story; --story KEY makes everything one.",
      "Articles already stored (same URL and text) are left alone: running an interrupted ingest again completes it. Articles with no text left after cleaning are skipped with a warning."
    })
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SummaryChoiceMixin summary;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Articles to ingest.")
  List<String> inputs = new ArrayList<>();

  @Mixin DatabaseOption database;

  @Mixin SourceOptionsMixin sources;

  @Option(
      names = "--story",
      paramLabel = "KEY",
      description =
          "Put every article into the story with this key (created when new) instead of clustering.")
  String story;

  @Option(names = "--per-input", description = "Make each INPUT one story instead of clustering.")
  boolean perInput;

  @Option(
      names = "--threshold",
      paramLabel = "SIM",
      description =
          "Clustering: decide with the hand rule instead of the learned event scorer, joining at this least similarity (the rule's default: "
              + StoryOptions.DEFAULT_THRESHOLD
              + "; higher = smaller, purer events).")
  Double threshold;

  /** Test hook: halts the JVM (like kill -9) after this many new articles. */
  @Option(names = "--debug-halt-after", hidden = true)
  Integer haltAfter;

  @Override
  public Integer call() {
    if (story != null && (story.isBlank() || story.length() > 150)) {
      throw new IllegalArgumentException("--story must be 1 to 150 characters");
    }
    SummaryOptions summaryOptions = summary.options(false);
    if (story != null && perInput) {
      throw new IllegalArgumentException("give either --story or --per-input, not both");
    }
    StoryOptions storyOptions =
        threshold == null
            ? StoryOptions.defaults()
            : StoryOptions.defaults().withThreshold(threshold).withScorer(null);
    PrintWriter err = spec.commandLine().getErr();
    var options = sources.toOptions(err);
    long added = 0;
    long unchanged = 0;
    long skipped = 0;
    Set<Long> stories = new LinkedHashSet<>();
    try (Store store = database.open()) {
      Ingestor ingestor = new Ingestor(store, Main.PRECIS, summaryOptions);
      boolean clustering = story == null && !perInput;
      ClusteredIngest clustered =
          clustering ? new ClusteredIngest(ingestor, storyOptions, runKeyFor(inputs)) : null;
      boolean quietProgress = System.console() == null;
      long started = System.nanoTime();
      long lastReport = started;
      try (Progress progress = Progress.start("ingest", -1, err)) {
        for (String input : inputs) {
          String key = story != null ? story : storyKeyFor(input);
          try (ArticleStream articles = ArticleSources.open(List.of(input), options)) {
            while (articles.hasNext()) {
              RawArticle raw = articles.next();
              Store.AddResult r;
              try {
                Article article = Main.PRECIS.prepare(raw);
                if (EmptyArticles.isEmpty(article)) {
                  err.println("precis: warning: " + EmptyArticles.warning(raw.origin()));
                  skipped++;
                  continue;
                }
                r =
                    clustering
                        ? clustered.addPrepared(article)
                        : ingestor.addPrepared(article, key);
              } catch (IllegalArgumentException e) {
                err.println("precis: warning: skipped " + raw.origin() + ": " + e.getMessage());
                skipped++;
                continue;
              }
              stories.add(r.storyId());
              if (r.added()) {
                added++;
                if (haltAfter != null && added >= haltAfter) {
                  err.flush();
                  Runtime.getRuntime().halt(137);
                }
              } else {
                unchanged++;
              }
              progress.step();
              long now = System.nanoTime();
              if (quietProgress && now - lastReport > 10_000_000_000L) {
                // no progress bar off a terminal: a status line every 10 s on long ingests
                lastReport = now;
                err.printf(
                    "precis: ingest: %d articles (%d new) so far, %.0f/s%n",
                    added + unchanged, added, (added + unchanged) / ((now - started) / 1e9));
                err.flush();
              }
            }
          }
        }
      }
      if (clustering) {
        clustered.finish();
      }
      int summaries = ingestor.refreshSummaries();
      // a stored story row is one event; clustering also links events into stories
      String grouped =
          clustering
              ? count(clustered.events(), "event") + " in " + count(clustered.stories(), "story")
              : count(stories.size(), "story");
      err.printf(
          "precis: ingested %d article%s (%d new, %d already stored%s) into %s;"
              + " %d summar%s updated; database %s%n",
          added + unchanged,
          added + unchanged == 1 ? "" : "s",
          added,
          unchanged,
          skipped > 0 ? ", " + skipped + " skipped" : "",
          grouped,
          summaries,
          summaries == 1 ? "y" : "ies",
          store.url().display());
      err.flush();
    }
    return 0;
  }

  private static String count(int n, String noun) {
    String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    return n + " " + (n == 1 ? noun : plural);
  }

  /** The clustering run key of a list of inputs: the same inputs give the same story keys. */
  static String runKeyFor(List<String> inputs) {
    StringBuilder b = new StringBuilder();
    for (String input : inputs) {
      b.append(storyKeyFor(input)).append('\n');
    }
    return "cluster:" + sha(b.toString());
  }

  /**
   * The story key of one input: stable across runs, so re-running an interrupted ingest of the same
   * input completes the same story.
   */
  static String storyKeyFor(String input) {
    String canonical = input;
    if (!input.equals("-") && !ArticleSources.isUrl(input)) {
      canonical = Path.of(input).toAbsolutePath().normalize().toString();
    }
    return "input:" + sha(canonical);
  }

  private static String sha(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.precis.cli;

import dev.precis.StoryEntries;
import dev.precis.StoryPipeline;
import dev.precis.format.StoryFormat;
import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.EmptyArticles;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.story.StoryOptions;
import dev.precis.summarize.SummaryOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precis stories}: groups articles into stories, each with a cited summary. */
@Command(
    name = "stories",
    mixinStandardHelpOptions = true,
    description = {
      "Groups articles into stories, each with a cited summary.",
      "Copies are collapsed, the same event makes the same story, and each story is summarized over its distinct texts, citing every outlet.",
      "INPUT: a file (.txt .html .json .jsonl .warc .rss .atom, also .gz), a directory, an http(s) URL (page or feed) or - for stdin. Articles are read as a stream in input order, which should be publication order; memory follows the open stories, not the input size. Articles with no text left after cleaning are skipped with a warning."
    })
final class StoriesCommand implements Callable<Integer> {
  /** Prepares, clusters and summarizes; set when the command runs. */
  private StoryPipeline pipeline;

  /**
   * Closed stories being summarized on the pool, in the order they closed: written in that order,
   * so the output does not depend on the number of threads.
   */
  private final ArrayDeque<Future<List<String>>> rendering = new ArrayDeque<>();

  @Spec CommandSpec spec;

  @Mixin SummaryChoiceMixin summary;

  @Mixin SourceOptionsMixin sources;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Articles to group.")
  List<String> inputs = new ArrayList<>();

  @Mixin OutputFileMixin output;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description = "jsonl or markdown (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      description =
          "Decide with the hand rule instead of the learned event scorer: an article joins an event when its similarity (times time decay) is at least X, 0-1; higher gives smaller, purer events; undated articles need 0.08 more (the rule's default: "
              + StoryOptions.DEFAULT_THRESHOLD
              + ").")
  Double threshold;

  @Option(
      names = "--close-after-hours",
      paramLabel = "H",
      defaultValue = "72",
      description =
          "A story not updated for this long (article time) is closed (default: ${DEFAULT-VALUE}).")
  long closeAfterHours;

  @Option(
      names = "--min-articles",
      converter = CountConverter.class,
      paramLabel = "N",
      defaultValue = "1",
      description = "Only write stories with at least N articles (default: ${DEFAULT-VALUE}).")
  int minArticles;

  @Option(
      names = "--threads",
      converter = CountConverter.class,
      paramLabel = "N",
      description =
          "Threads that clean articles, extract features and summarize closed stories (default: all cores); clustering itself is sequential.")
  Integer threads;

  @Option(
      names = "--group",
      paramLabel = "event|story",
      defaultValue = "event",
      description =
          "What one output entry is: an event (one happening; its line names the story it belongs to under \"story\") or a story (a thread of events, listed under \"events\"). Default: ${DEFAULT-VALUE}.")
  String group;

  @Override
  public Integer call() throws Exception {
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("--threshold must be between 0 and 1");
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1");
    }
    if (closeAfterHours < 1) {
      throw new IllegalArgumentException("--close-after-hours must be at least 1");
    }
    if (!group.equals("event") && !group.equals("story")) {
      throw new IllegalArgumentException("--group must be event or story, not '" + group + "'");
    }
    StoryFormat fmt = StoryFormat.parse(format);
    SummaryOptions summaryOptions = summary.options(false);
    StoryOptions options =
        StoryOptions.defaults().withCloseAfter(Duration.ofHours(closeAfterHours));
    if (threshold != null) {
      options = options.withThreshold(threshold).withScorer(null);
    }
    PrintWriter err = spec.commandLine().getErr();
    var sourceOptions = sources.toOptions(err);

    AtomicOutput atomic = output.openOrNull();
    int workers =
        Math.max(1, threads != null ? threads : Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "precis-prepare");
              t.setDaemon(true);
              return t;
            });
    try (ArticleStream stream = ArticleSources.open(inputs, sourceOptions)) {
      Writer writer = atomic != null ? atomic.writer() : spec.commandLine().getOut();
      // canonical texts are kept only while their story is open: memory follows open stories
      pipeline =
          new StoryPipeline(
              Main.PRECIS,
              options,
              true,
              closed -> {
                if (closed.story().articles().size() >= minArticles) {
                  rendering.add(pool.submit(() -> render(closed, summaryOptions, fmt)));
                  // closed stories hold their texts until written: at most a few per thread wait
                  writeRendered(writer, 4 * workers);
                }
              });
      long expected = expectedArticles(inputs);
      try (Progress progress = Progress.start("stories", expected, err)) {
        long seen = 0;
        // cleaning and feature extraction run on a pool, in input order; clustering stays on
        // this thread because it depends on the order
        ArrayDeque<Future<StoryPipeline.Prepared>> window = new ArrayDeque<>();
        while (stream.hasNext() || !window.isEmpty()) {
          while (stream.hasNext() && window.size() < 4 * workers) {
            RawArticle raw = stream.next();
            window.add(pool.submit(() -> pipeline.prepare(raw)));
          }
          StoryPipeline.Prepared p = await(window.poll());
          if (++seen > expected && expected >= 0) {
            progress.maxHint(-1); // the estimate was short: no ETA rather than a wrong one
            expected = -1;
          }
          progress.step();
          Article a = p.article();
          if (EmptyArticles.isEmpty(a)) {
            err.println("precis: warning: " + EmptyArticles.warning(a.origin()));
            err.flush();
            continue;
          }
          if (pipeline.isOpen(a.id())) {
            // ids name articles in the output: make repeated ones unique
            a =
                new Article(
                    a.id() + "@" + pipeline.articles(),
                    a.title(),
                    a.text(),
                    a.url(),
                    a.outlet(),
                    a.published(),
                    a.author(),
                    a.origin());
          }
          pipeline.add(new StoryPipeline.Prepared(a, p.features()));
        }
      }
      pipeline.closeAll();
      writeRendered(writer, 0);
      writer.flush();
      if (atomic != null) {
        atomic.commit();
      }
    } catch (UncheckedIOException e) {
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
      if (atomic != null) {
        atomic.close();
      }
    }
    return 0;
  }

  private static <T> T await(Future<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * How many articles the inputs hold, for the progress bar's ETA, when that is cheap to know:
   * local text, HTML and JSON files count one, JSON Lines files one a non-blank line. Anything else
   * (URLs, feeds, WARC, compressed files, stdin) makes the total unknown ({@code -1}).
   */
  static long expectedArticles(List<String> inputs) {
    long n = 0;
    for (String input : inputs) {
      Path p;
      try {
        p = Path.of(input);
      } catch (java.nio.file.InvalidPathException e) {
        return -1;
      }
      if (input.equals("-") || input.contains("://") || !java.nio.file.Files.exists(p)) {
        return -1;
      }
      List<Path> files;
      try (var walk = java.nio.file.Files.walk(p)) {
        files = walk.filter(java.nio.file.Files::isRegularFile).toList();
      } catch (IOException | UncheckedIOException e) {
        return -1;
      }
      for (Path f : files) {
        String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
          try (var lines = java.nio.file.Files.lines(f)) {
            n += lines.filter(l -> !l.isBlank()).count();
          } catch (IOException | UncheckedIOException e) {
            return -1;
          }
        } else if (name.endsWith(".txt")
            || name.endsWith(".html")
            || name.endsWith(".htm")
            || name.endsWith(".json")) {
          n++;
        } else if (name.endsWith(".gz")
            || name.endsWith(".warc")
            || name.endsWith(".rss")
            || name.endsWith(".atom")
            || name.endsWith(".xml")) {
          return -1;
        }
      }
    }
    return n;
  }

  /**
   * Writes the summaries at the head of the queue that are done, then waits for the oldest ones
   * until at most {@code pending} remain.
   */
  private void writeRendered(Writer writer, int pending) {
    try {
      while (!rendering.isEmpty() && (rendering.peek().isDone() || rendering.size() > pending)) {
        for (String line : await(rendering.poll())) {
          writer.write(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while summarizing", e);
    }
  }

  /** A closed story's entries (one an event, or one for the story), as written. */
  private List<String> render(
      StoryPipeline.ClosedStory closed, SummaryOptions summaryOptions, StoryFormat fmt) {
    List<String> out = new ArrayList<>();
    for (StoryEntries.Entry e :
        StoryEntries.of(
            pipeline.precis(),
            closed.story(),
            closed.canonical(),
            summaryOptions,
            fmt,
            group.equals("event"))) {
      out.add(e.rendered());
    }
    return out;
  }
}

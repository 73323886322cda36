package dev.precis.cli;

import dev.precis.eval.DevStoryStreams;
import dev.precis.eval.EventScorerTraining;
import dev.precis.eval.LabeledStream;
import dev.precis.eval.StoryStreamEvaluation;
import dev.precis.eval.StoryStreamEvaluation.Cluster;
import dev.precis.eval.StoryStreamEvaluation.Item;
import dev.precis.eval.StoryStreamEvaluation.Run;
import dev.precis.eval.StoryStreamEvaluation.Split;
import dev.precis.eval.StoryStreamEvaluation.Times;
import dev.precis.story.EventScorer;
import dev.precis.story.StoryOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis eval-stories}: B-cubed scores of story clustering on a shuffled cluster stream. */
@Command(
    name = "eval-stories",
    mixinStandardHelpOptions = true,
    description = {
      "Scores story clustering (B-cubed precision, recall and F1).",
      "The stream is built from clusters (JSON Lines with id and documents, for example Multi-News). The clusters are split at random into a tuning half and a test half; the threshold is tuned on the first (or given with --threshold) and scored on the second.",
      "With --stream or --dev: scores events (and stories, where gold exists) on labeled JSON Lines streams (id, title, text, published, event, story)."
    })
final class EvalStoriesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      paramLabel = "FILE",
      description = "Clusters, one JSON object a line (.gz accepted).")
  Path dataset;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the split and the stream order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--times",
      paramLabel = "MODE",
      defaultValue = "same",
      description =
          "same: every article has the same time (text decides alone); synthetic: each cluster a random day of one year, articles within 24 h, stream in time order (default: ${DEFAULT-VALUE}).")
  String times;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "365",
      description =
          "With --times synthetic: the clusters start on random days among N (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      description = "Use this threshold instead of tuning one.")
  Double threshold;

  @Option(
      names = "--keep-shared",
      description =
          "Keep documents whose opening occurs in several clusters (crawler notices, widgets).")
  boolean keepShared;

  @Option(
      names = "--stream",
      paramLabel = "FILE",
      description =
          "A labeled stream to score (repeatable): JSON Lines with id, title, text, published (absent when undated), event and/or story.")
  List<Path> streams = new ArrayList<>();

  @Option(
      names = "--dev",
      paramLabel = "DIR",
      description =
          "Build and score the development streams from this shared data folder (e.g. ../shared/data): roundups, roundups-hard, multinews-dated, multinews-undated.")
  Path dev;

  @Option(
      names = "--part",
      paramLabel = "PART",
      defaultValue = "tune",
      description =
          "With --dev: tune or report (the half never tuned on) (default: ${DEFAULT-VALUE}).")
  String part;

  @Option(
      names = "--write-streams",
      paramLabel = "DIR",
      description = "With --dev: also write each stream there as NAME-PART.jsonl.")
  Path writeStreams;

  @Option(
      names = "--link-threshold",
      paramLabel = "X",
      description = "With --stream/--dev: similarity that links a new event into a story.")
  Double linkThreshold;

  @Option(
      names = "--linkage-threshold",
      paramLabel = "X",
      description =
          "With --stream/--dev: at the end of undated input, two events merge when their articles' joining probabilities, over the model's threshold, average at least this (default 1).")
  Double linkageThreshold;

  @Option(
      names = "--grace-hours",
      paramLabel = "H",
      description = "With --stream/--dev: no time decay within this many hours.")
  Long graceHours;

  @Option(
      names = "--half-life-hours",
      paramLabel = "H",
      description = "With --stream/--dev: beyond the grace, similarity halves every H hours.")
  Long halfLifeHours;

  @Option(
      names = "--close-after-hours",
      paramLabel = "H",
      description =
          "With --stream/--dev: an event not updated for this many hours of article time closes.")
  Long closeAfterHours;

  @Option(
      names = "--merge-threshold",
      paramLabel = "X",
      description =
          "With --stream/--dev: two events an article reaches both merge when their centroids are at least this similar.")
  Double mergeThreshold;

  @Option(
      names = "--train-scorer",
      paramLabel = "FILE",
      description =
          "With --dev: learn the event scorer on the tune part (candidates as the gold events give them; joining probability by mean event F1) and write it here.")
  Path trainScorer;

  @Option(
      names = "--scorer",
      paramLabel = "learned|rule|FILE",
      defaultValue = "learned",
      description =
          "With --stream/--dev: how an article joins an event: the shipped learned scorer, the hand rule (similarity x time decay >= --threshold), or a scorer file written by --train-scorer (default: ${DEFAULT-VALUE}).")
  String scorer;

  @Override
  public Integer call() {
    if (dev != null || !streams.isEmpty()) {
      return scoreLabeled();
    }
    if (dataset == null) {
      throw new IllegalArgumentException("give --dataset, --stream or --dev");
    }
    Times mode;
    try {
      mode = Times.valueOf(times.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown --times '" + times + "' (use same or synthetic)");
    }
    if (days < 1) {
      throw new IllegalArgumentException("--days must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Cluster> clusters = StoryStreamEvaluation.read(dataset);
    int docs = count(clusters);
    if (!keepShared) {
      clusters = StoryStreamEvaluation.withoutSharedDocuments(clusters);
      out.printf(
          "dropped %d documents shared by several clusters (use --keep-shared to keep them)%n",
          docs - count(clusters));
    }
    Split split = StoryStreamEvaluation.split(clusters, seed);
    // this mode tunes the hand rule's threshold; --dev scores the learned event scorer
    StoryOptions base = StoryOptions.defaults().withScorer(null);
    double chosen;
    if (threshold != null) {
      chosen = threshold;
    } else {
      List<Item> tune = StoryStreamEvaluation.stream(split.tune(), seed, mode, days);
      List<Double> grid = new ArrayList<>();
      for (int i = 6; i <= 50; i += 2) {
        grid.add(i / 100.0);
      }
      out.printf("tuning on %d clusters, %d articles%n", split.tune().size(), tune.size());
      List<Run> runs = StoryStreamEvaluation.sweep(tune, base, grid);
      for (Run r : runs) {
        print(out, "  tune", r);
      }
      chosen = StoryStreamEvaluation.best(runs).threshold();
    }
    List<Item> test = StoryStreamEvaluation.stream(split.test(), seed, mode, days);
    out.printf(
        "test on %d clusters, %d articles, times=%s%s, threshold %.2f%n",
        split.test().size(),
        test.size(),
        mode.name().toLowerCase(Locale.ROOT),
        mode == Times.SYNTHETIC ? " over " + days + " days" : "",
        chosen);
    print(out, "test", StoryStreamEvaluation.run(test, base.withThreshold(chosen)));
    out.flush();
    return 0;
  }

  private int scoreLabeled() {
    PrintWriter out = spec.commandLine().getOut();
    StoryOptions options =
        threshold == null
            ? StoryOptions.defaults()
            : StoryOptions.defaults().withThreshold(threshold);
    if (linkThreshold != null) {
      options = options.withLinkThreshold(linkThreshold);
    }
    if (linkageThreshold != null) {
      options = options.withLinkageThreshold(linkageThreshold);
    }
    if (graceHours != null) {
      options = options.withGrace(java.time.Duration.ofHours(graceHours));
    }
    if (halfLifeHours != null) {
      options = options.withHalfLife(java.time.Duration.ofHours(halfLifeHours));
    }
    if (mergeThreshold != null) {
      options = options.withMergeThreshold(mergeThreshold);
    }
    if (closeAfterHours != null) {
      options = options.withCloseAfter(java.time.Duration.ofHours(closeAfterHours));
    }
    options = options.withScorer(scorerOption(scorer, threshold));
    List<DevStoryStreams.Named> named = new ArrayList<>();
    for (Path p : streams) {
      named.add(new DevStoryStreams.Named(p.getFileName().toString(), LabeledStream.read(p)));
    }
    if (dev != null) {
      DevStoryStreams.Part which;
      try {
        which = DevStoryStreams.Part.valueOf(part.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown --part '" + part + "' (use tune or report)");
      }
      if (!java.nio.file.Files.isDirectory(dev.resolve("story-roundups"))) {
        throw new IllegalArgumentException(dev + ": no story-roundups folder in it");
      }
      if (trainScorer != null) {
        return train(out, DevStoryStreams.all(dev, DevStoryStreams.Part.TUNE, seed), options);
      }
      named.addAll(DevStoryStreams.all(dev, which, seed));
    } else if (trainScorer != null) {
      throw new IllegalArgumentException("--train-scorer needs --dev (it learns on the tune part)");
    }
    for (DevStoryStreams.Named n : named) {
      if (writeStreams != null) {
        try {
          java.nio.file.Files.createDirectories(writeStreams);
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException(
              writeStreams + ": cannot create (" + e.getMessage() + ")");
        }
        LabeledStream.write(writeStreams.resolve(n.name().replace('/', '-') + ".jsonl"), n.items());
      }
      long start = System.nanoTime();
      StoryStreamEvaluation.LabeledRun r = StoryStreamEvaluation.runLabeled(n.items(), options);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf(
          "%-26s %s%n  events  P=%.4f R=%.4f F1=%.4f (%d events)%s  %.0f articles/s%n",
          n.name(),
          DevStoryStreams.describe(n.items()),
          r.events().precision(),
          r.events().recall(),
          r.events().f1(),
          r.eventCount(),
          r.stories() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  "%n  stories P=%.4f R=%.4f F1=%.4f (%d stories%s)",
                  r.stories().precision(),
                  r.stories().recall(),
                  r.stories().f1(),
                  r.storyCount(),
                  n.items().stream().anyMatch(i -> i.story() != null)
                      ? ""
                      : "; against the gold events"),
          n.items().size() / Math.max(seconds, 1e-9));
      out.flush();
    }
    return 0;
  }

  private int train(PrintWriter out, List<DevStoryStreams.Named> tune, StoryOptions options) {
    EventScorer learned =
        EventScorerTraining.train(
            tune,
            options,
            line -> {
              out.println(line);
              out.flush();
            });
    String text =
        "# Event scorer: logistic regression over the candidate events of the tune part of\n"
            + "# the development streams; made by: precis eval-stories --dev ../shared/data"
            + " --train-scorer FILE\n"
            + learned.write();
    try {
      java.nio.file.Files.writeString(trainScorer, text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(trainScorer + ": cannot write (" + e.getMessage() + ")");
    }
    StringBuilder joins = new StringBuilder();
    for (int m = 0; m < EventScorer.MODELS.size(); m++) {
      joins.append(
          String.format(
              Locale.ROOT,
              "%s%s %.2f",
              m == 0 ? "" : ", ",
              EventScorer.MODELS.get(m),
              learned.models().get(m).threshold()));
    }
    out.printf("wrote %s (joins at p >= %s)%n", trainScorer, joins);
    return 0;
  }

  /** The scorer an option names; an explicit --threshold means the hand rule. */
  static EventScorer scorerOption(String name, Double threshold) {
    if (name.equals("rule") || (threshold != null && name.equals("learned"))) {
      return null;
    }
    if (name.equals("learned")) {
      return EventScorer.learned();
    }
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of(name))) {
      return EventScorer.read(in);
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "--scorer: cannot read '" + name + "' (" + e.getMessage() + ")");
    }
  }

  private static void print(PrintWriter out, String label, Run r) {
    out.printf(
        "%s threshold=%.2f B3 precision=%.4f recall=%.4f F1=%.4f stories=%d copies=%d%n",
        label,
        r.threshold(),
        r.score().precision(),
        r.score().recall(),
        r.score().f1(),
        r.stories(),
        r.duplicates());
  }

  private static int count(List<Cluster> clusters) {
    int n = 0;
    for (Cluster c : clusters) {
      n += c.documents().size();
    }
    return n;
  }
}

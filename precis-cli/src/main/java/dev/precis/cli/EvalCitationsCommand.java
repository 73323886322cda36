package dev.precis.cli;

import dev.precis.eval.CitationEvaluation;
import dev.precis.summarize.CitationFinder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis eval-citations}: precision and recall of citations against labelled sentences. */
@Command(
    name = "eval-citations",
    mixinStandardHelpOptions = true,
    description = {
      "Scores citations against datasets/citations/labels.jsonl: for each labelled summary sentence, every other article of its cluster is labelled as stating it or not.",
      "Articles are read from ../shared/data."
    })
final class EvalCitationsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      defaultValue = "datasets/citations/labels.jsonl",
      description = "Labelled sentences (default: ${DEFAULT-VALUE}).")
  Path labels;

  @Option(
      names = "--shared",
      paramLabel = "DIR",
      defaultValue = "../shared/data",
      description = "Shared data folder (default: ${DEFAULT-VALUE}).")
  Path shared;

  @Option(names = "--errors", description = "Also list every missed and false citation.")
  boolean showErrors;

  @Option(
      names = "--dump",
      paramLabel = "SET",
      description =
          "Instead: write unlabelled candidates of SET (multiling2011, multinews-val,"
              + " story-roundups) for labelling, one sentence a line.")
  String dump;

  @Option(names = "--limit", defaultValue = "40", description = "--dump: clusters at most.")
  int limit;

  @Option(names = "--step", defaultValue = "1", description = "--dump: every STEP-th cluster.")
  int step;

  @Option(
      names = "--words",
      split = ",",
      defaultValue = "100",
      description = "--dump: summary budgets (comma-separated).")
  int[] words;

  @Option(
      names = "--grid",
      description =
          "Instead: try a grid of matching constants on the tune half and print, per setting, P/R"
              + " on tune and on report (how the defaults were chosen).")
  boolean grid;

  @Option(
      names = "--features",
      description = "Instead: print the features of every labelled pair (for train.py).")
  boolean features;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      description = "Score the finder with this match threshold instead of its default.")
  Double threshold;

  @Option(names = "--scores", description = "Instead: print every labelled pair with its score.")
  boolean scores;

  private CitationFinder finder() {
    CitationFinder.Params d = CitationFinder.Params.defaults();
    return threshold == null
        ? new CitationFinder()
        : new CitationFinder(
            new CitationFinder.Params(
                d.summaryShare(),
                threshold,
                d.minShared(),
                d.bigramWeight(),
                d.numberWeight(),
                d.pairGain(),
                d.model()));
  }

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    CitationEvaluation eval = new CitationEvaluation(shared);
    if (dump != null) {
      eval.dump(dump, limit, step, words, out);
      out.flush();
      return 0;
    }
    if (!Files.isRegularFile(labels)) {
      throw new IllegalArgumentException(
          labels + ": no such file (run from the repository root or give --labels)");
    }
    List<CitationEvaluation.Item> items = CitationEvaluation.readLabels(labels);
    if (features) {
      eval.features(items, new CitationFinder()).forEach(out::println);
      return 0;
    }
    if (scores) {
      eval.scores(items, new CitationFinder()).forEach(out::println);
      return 0;
    }
    if (grid) {
      for (String line : eval.grid(items)) {
        out.println(line);
      }
      return 0;
    }
    List<String> errors = showErrors ? new ArrayList<>() : null;
    List<CitationEvaluation.Score> scores = eval.evaluate(items, finder(), errors);
    out.println("| slice | sentences | precision | recall | cited right | false | missed |");
    out.println("|---|---|---|---|---|---|---|");
    for (CitationEvaluation.Score s : scores) {
      out.println(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.3f | %.3f | %d | %d | %d |",
              s.slice(),
              s.sentences(),
              s.precision(),
              s.recall(),
              s.truePositives(),
              s.falsePositives(),
              s.misses()));
    }
    if (errors != null) {
      errors.forEach(out::println);
    }
    return 0;
  }
}

package dev.precis.cli;

import dev.precis.eval.CitationCrossValidation;
import dev.precis.eval.CitationEmbeddings;
import dev.precis.eval.CitationEvaluation;
import dev.precis.eval.CitationTraining;
import dev.precis.summarize.CitationFinder;
import dev.precis.summarize.CitationModel;
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
      names = "--split",
      paramLabel = "HALF",
      description =
          "Read only this half of the labels (tune or report), e.g. --errors --split tune to read"
              + " the mistakes without looking at the report half.")
  String split;

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
      names = "--train",
      paramLabel = "FILE",
      description =
          "Instead: fit the citation model on the tune half (multiple-instance logistic"
              + " regression), choose its threshold there, write it to FILE (the shipped one is"
              + " precis-core/src/main/resources/dev/precis/summarize/citation-model.txt) and score"
              + " it on both halves.")
  Path train;

  @Option(
      names = "--min-precision",
      paramLabel = "P",
      defaultValue = "0.95",
      description = "--train: the threshold gives the highest tune recall at tune precision >= P.")
  double minPrecision;

  @Option(
      names = "--cv",
      description =
          "Instead: 5-fold cross-validation of the --train fit inside the tune half (contiguous"
              + " blocks of labelled pairs): average precision and recall at precision >= 0.95 and"
              + " >= 0.90 of the pooled out-of-fold scores.")
  boolean crossValidate;

  @Option(
      names = "--drop",
      paramLabel = "COLUMNS",
      split = ",",
      description =
          "--cv: leave these feature columns out (0-based; negative from the end), e.g."
              + " --drop=-1,-2.")
  int[] drop = new int[0];

  @Option(
      names = "--embeddings",
      paramLabel = "FILE",
      description =
          "Instead: a probe of sentence-embedding features (docs/notes/citations-minilm.md): the"
              + " cosine of each candidate from FILE (written by dev.precis.eval.MiniLm cache) as"
              + " extra columns, --cv and the tune fit with and without them.")
  Path embeddings;

  @Option(
      names = "--features",
      description = "Instead: print the features of every candidate of every labelled pair.")
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
    return new CitationFinder(threshold == null ? d : d.withThreshold(threshold));
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
    if (split != null) {
      if (!split.equals("tune") && !split.equals("report")) {
        throw new IllegalArgumentException("--split: tune or report, not " + split);
      }
      if (train != null || crossValidate) {
        throw new IllegalArgumentException(
            "--split: --train and --cv read the tune half only anyway");
      }
      items = items.stream().filter(i -> i.split().equals(split)).toList();
    }
    if (embeddings != null) {
      new CitationEmbeddings(eval, CitationEmbeddings.read(embeddings)).report(items, out);
      return 0;
    }
    if (features) {
      eval.features(items, new CitationFinder()).forEach(out::println);
      return 0;
    }
    if (scores) {
      eval.scores(items, new CitationFinder()).forEach(out::println);
      return 0;
    }
    if (crossValidate) {
      CitationCrossValidation.Result r = new CitationCrossValidation(eval).run(items, drop);
      out.println(
          String.format(
              Locale.ROOT,
              "features %d  pairs %d (%d supporting)  AP %.3f  recall@P>=0.95 %.3f"
                  + "  recall@P>=0.90 %.3f",
              r.features(),
              r.bags(),
              r.positives(),
              r.averagePrecision(),
              r.recallAt95(),
              r.recallAt90()));
      return 0;
    }
    if (train != null) {
      CitationModel model = new CitationTraining(eval).train(items, minPrecision);
      List<String> comments =
          List.of(
              "Citation model: logistic regression over CitationFinder's candidate features,",
              "fitted on the tune half of datasets/citations (multiple-instance: each labelled",
              "article's best candidate); threshold: highest tune recall at tune precision >= "
                  + minPrecision
                  + ".",
              "Made by: ./precis eval-citations --train FILE --min-precision " + minPrecision);
      Files.write(train, model.write(comments));
      out.println("wrote " + train + " (threshold " + model.threshold() + ")");
      printScores(
          out,
          eval.evaluate(
              items, new CitationFinder(CitationFinder.Params.defaults().withModel(model)), null));
      return 0;
    }
    List<String> errors = showErrors ? new ArrayList<>() : null;
    printScores(out, eval.evaluate(items, finder(), errors));
    if (errors != null) {
      errors.forEach(out::println);
    }
    return 0;
  }

  private static void printScores(PrintWriter out, List<CitationEvaluation.Score> scores) {
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
  }
}

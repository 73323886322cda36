package dev.precis.cli;

import dev.precis.eval.ExtractionEvaluation;
import dev.precis.eval.ShingleMatch;
import dev.precis.ingest.BlockModel;
import dev.precis.ingest.BlockModelTrainer;
import dev.precis.ingest.BlockModelTrainer.LabelledPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code precis train-extractor}: trains the block classifier of the main-text extractor, reports
 * k-fold cross-validated scores per set and the score on a validation set, and writes the model.
 */
@Command(
    name = "train-extractor",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the main-text block classifier on labelled pages and writes the model.",
      "Reports k-fold cross-validated shingle F1 per set (folds drawn within each set) and the",
      "F1 of the final model on a validation set it never saw."
    })
final class TrainExtractorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      paramLabel = "DIR",
      defaultValue = "../shared/data/extraction-train",
      description = "Training pages: ground-truth.json and html/ (default: ${DEFAULT-VALUE}).")
  Path dataset;

  @Option(
      names = "--validation",
      paramLabel = "DIR",
      defaultValue = "../shared/data/article-extraction",
      description = "Validation pages, never trained on (default: ${DEFAULT-VALUE}).")
  Path validation;

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "5",
      description = "Cross-validation folds; 0 skips cross-validation (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the example order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description =
          "Where to write the model (default: none; the shipped one lives in"
              + " precis-core/src/main/resources/dev/precis/ingest/block-model.bin.gz).")
  Path output;

  @Option(
      names = "--predictions",
      paramLabel = "DIR",
      description = "Also write each validation page's extracted text to DIR/ID.txt.")
  Path predictions;

  @Option(
      names = "--worst",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Also list the N pages with the lowest cross-validated F1 (default: ${DEFAULT-VALUE}).")
  int worst;

  @Override
  public Integer call() throws IOException {
    if (folds == 1 || folds < 0) {
      throw new IllegalArgumentException("--folds must be 0 or at least 2");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<ExtractionEvaluation.Page> pages = ExtractionEvaluation.load(dataset);
    Map<String, String> sets = ExtractionEvaluation.sets(dataset);
    List<LabelledPage> prepared = prepare(pages);
    out.printf(Locale.ROOT, "%d training pages from %s%n%n", pages.size(), dataset);
    if (folds > 0) {
      crossValidate(out, pages, sets, prepared);
    }
    BlockModel model = BlockModelTrainer.train(prepared, seed);
    if (validation != null) {
      List<ExtractionEvaluation.Page> held = ExtractionEvaluation.load(validation);
      List<ShingleMatch.Counts> counts = new ArrayList<>();
      List<LabelledPage> heldPrepared = prepare(held);
      for (int i = 0; i < held.size(); i++) {
        String text = BlockModelTrainer.extract(model, heldPrepared.get(i));
        counts.add(ShingleMatch.compare(held.get(i).truth(), text));
        if (predictions != null) {
          java.nio.file.Files.createDirectories(predictions);
          java.nio.file.Files.writeString(
              predictions.resolve(held.get(i).id() + ".txt"),
              String.format(
                      Locale.ROOT,
                      "P %.3f R %.3f%n",
                      counts.get(i).precision(),
                      counts.get(i).recall())
                  + text);
        }
      }
      out.println();
      out.printf(Locale.ROOT, "validation (%s, never trained on):%n", validation);
      row(out, "validation", counts);
    }
    if (output != null) {
      model.save(output);
      out.printf(Locale.ROOT, "%nmodel written to %s%n", output);
    }
    out.flush();
    return 0;
  }

  private void crossValidate(
      PrintWriter out,
      List<ExtractionEvaluation.Page> pages,
      Map<String, String> sets,
      List<LabelledPage> prepared) {
    // Folds drawn within each set, pages in id order: every fold holds a share of every set.
    int[] fold = new int[pages.size()];
    Map<String, Integer> seen = new TreeMap<>();
    for (int i = 0; i < pages.size(); i++) {
      String set = sets.getOrDefault(pages.get(i).id(), "?");
      int k = seen.merge(set, 1, Integer::sum) - 1;
      fold[i] = k % folds;
    }
    Map<String, List<ShingleMatch.Counts>> bySet = new TreeMap<>();
    List<ShingleMatch.Counts> all = new ArrayList<>();
    ShingleMatch.Counts[] byPage = new ShingleMatch.Counts[pages.size()];
    for (int f = 0; f < folds; f++) {
      List<LabelledPage> train = new ArrayList<>();
      for (int i = 0; i < pages.size(); i++) {
        if (fold[i] != f) {
          train.add(prepared.get(i));
        }
      }
      BlockModel model = BlockModelTrainer.train(train, seed);
      for (int i = 0; i < pages.size(); i++) {
        if (fold[i] == f) {
          String text = BlockModelTrainer.extract(model, prepared.get(i));
          ShingleMatch.Counts c = ShingleMatch.compare(pages.get(i).truth(), text);
          bySet
              .computeIfAbsent(sets.getOrDefault(pages.get(i).id(), "?"), k -> new ArrayList<>())
              .add(c);
          all.add(c);
          byPage[i] = c;
        }
      }
    }
    out.printf(Locale.ROOT, "%d-fold cross-validation:%n", folds);
    out.println("| set | pages | precision | recall | F1 |");
    out.println("|---|---|---|---|---|");
    for (Map.Entry<String, List<ShingleMatch.Counts>> e : bySet.entrySet()) {
      row(out, e.getKey(), e.getValue());
    }
    row(out, "all", all);
    if (worst > 0) {
      out.printf(Locale.ROOT, "%nlowest cross-validated F1:%n");
      Integer[] order = new Integer[pages.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> f1(byPage[i])));
      for (int k = 0; k < Math.min(worst, order.length); k++) {
        int i = order[k];
        out.printf(
            Locale.ROOT,
            "  F1 %.3f  P %.3f  R %.3f  %s  %s%n",
            f1(byPage[i]),
            byPage[i].precision(),
            byPage[i].recall(),
            sets.getOrDefault(pages.get(i).id(), "?"),
            pages.get(i).id());
      }
    }
  }

  private static double f1(ShingleMatch.Counts c) {
    double p = c.precision();
    double r = c.recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static List<LabelledPage> prepare(List<ExtractionEvaluation.Page> pages) {
    return pages.parallelStream()
        .map(p -> BlockModelTrainer.prepare(p.html(), p.url(), p.truth()))
        .toList();
  }

  private static void row(PrintWriter out, String name, List<ShingleMatch.Counts> counts) {
    ShingleMatch.Scores s = ShingleMatch.average(counts);
    out.printf(
        Locale.ROOT,
        "| %s | %d | %.3f | %.3f | %.3f |%n",
        name,
        counts.size(),
        s.precision(),
        s.recall(),
        s.f1());
  }
}

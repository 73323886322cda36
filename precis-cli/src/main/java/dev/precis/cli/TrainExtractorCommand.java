package dev.precis.cli;

import dev.precis.eval.ExtractionEvaluation;
import dev.precis.eval.ShingleMatch;
import dev.precis.ingest.BlockModel;
import dev.precis.ingest.BlockModelTrainer;
import dev.precis.ingest.BlockModelTrainer.LabelledPage;
import dev.precis.ingest.FurnitureCuts;
import dev.precis.ingest.HtmlExtractor;
import dev.precis.ingest.MainSpan;
import dev.precis.ingest.SiteRepeats;
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

  @Option(
      names = "--span-grid",
      description =
          "Also score a grid of post-smoothing settings (threshold, gap, island share) on the"
              + " out-of-fold probabilities and on the validation pages.")
  boolean spanGrid;

  @Option(
      names = "--refine",
      description =
          "Add a refining third stage (the smoothing trees again over out-of-fold second-stage"
              + " probabilities); not in the shipped model.")
  boolean refine;

  @Option(
      names = "--trees",
      paramLabel = "N",
      defaultValue = "150",
      description = "Smoothing trees (default: ${DEFAULT-VALUE}).")
  int trees;

  @Option(
      names = "--depth",
      paramLabel = "D",
      defaultValue = "5",
      description = "Depth of each smoothing tree (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(
      names = "--tree-counts",
      paramLabel = "N,N",
      split = ",",
      description =
          "Also score, out of fold, the model cut to its first N smoothing trees, for each N"
              + " (to choose --trees by cross-validation).")
  List<Integer> treeCounts = List.of();

  @Option(
      names = "--no-validation",
      description =
          "Skip the validation pages (and the final model unless --output is given): for"
              + " experiments decided on cross-validation alone.")
  boolean noValidation;

  @Option(
      names = "--page-scores",
      paramLabel = "FILE",
      description =
          "Also write each training page's out-of-fold precision, recall and F1 (tab-separated),"
              + " to compare two models page by page.")
  Path pageScores;

  @Option(
      names = "--cuts",
      paramLabel = "G/L/H/R",
      split = ",",
      description =
          "Also score these post-smoothing furniture cuts out of fold and on the validation"
              + " pages: record group (0 off) / link share (above 1 off) / cut after a rejected"
              + " heading (0 or 1) / drop short lines repeated on the page (0 or 1); e.g. 3/2/0/0.")
  List<String> cuts = List.of();

  @Option(
      names = "--oof-cache",
      paramLabel = "FILE",
      description =
          "Read the out-of-fold probabilities from FILE when it exists (skipping the"
              + " cross-validation), else write them there: to score --cuts again cheaply.")
  Path oofCache;

  @Option(
      names = "--shipped-model",
      description = "Score the validation pages with the model in the jar instead of training one.")
  boolean shippedModel;

  @Option(
      names = "--gold-with-comments",
      description =
          "Train and score against gold texts that keep the reader comments Dragnet marks after"
              + " the article (how models before issue 16's third round were trained).")
  boolean goldWithComments;

  /** Out-of-fold probabilities per training page, kept for --span-grid. */
  private double[][] outOfFold;

  @Override
  public Integer call() throws IOException {
    if (folds == 1 || folds < 0) {
      throw new IllegalArgumentException("--folds must be 0 or at least 2");
    }
    if (trees < 1 || trees > 5_000 || depth < 1 || depth > 10) {
      throw new IllegalArgumentException("--trees must be 1..5000 and --depth 1..10");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<ExtractionEvaluation.Page> pages = ExtractionEvaluation.load(dataset, goldWithComments);
    Map<String, String> sets = ExtractionEvaluation.sets(dataset);
    List<LabelledPage> prepared = prepare(pages);
    out.printf(Locale.ROOT, "%d training pages from %s%n%n", pages.size(), dataset);
    if (oofCache != null && java.nio.file.Files.exists(oofCache)) {
      outOfFold = ProbabilityCache.read(oofCache, pages.size());
      out.printf(Locale.ROOT, "out-of-fold probabilities read from %s%n", oofCache);
    } else if (folds > 0) {
      crossValidate(out, pages, sets, prepared);
      siteRepeatsRow(out, "CV all, site repeats dropped", pages, prepared, outOfFold);
      if (oofCache != null) {
        ProbabilityCache.write(oofCache, outOfFold);
      }
    }
    if (!cuts.isEmpty() && outOfFold != null) {
      cutRows(out, "CV", pages, sets, prepared, outOfFold);
    }
    if (spanGrid && folds > 0) {
      out.printf(Locale.ROOT, "%npost-smoothing settings, out of fold (F1 per set, all):%n");
      for (MainSpan span : SPAN_GRID) {
        Map<String, List<ShingleMatch.Counts>> bySet = new TreeMap<>();
        List<ShingleMatch.Counts> all = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
          String text = BlockModelTrainer.render(prepared.get(i), outOfFold[i], span);
          ShingleMatch.Counts c = ShingleMatch.compare(pages.get(i).truth(), text);
          bySet
              .computeIfAbsent(sets.getOrDefault(pages.get(i).id(), "?"), k -> new ArrayList<>())
              .add(c);
          all.add(c);
        }
        out.println(scoreLine(span.toString(), bySet, all));
        out.flush();
      }
    }
    if (noValidation && output == null) {
      out.flush();
      return 0;
    }
    BlockModel model =
        shippedModel
            ? BlockModel.standard()
            : BlockModelTrainer.train(prepared, seed, refine, trees, depth);
    if (validation != null && !noValidation) {
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
      if (refine) {
        List<ShingleMatch.Counts> heldUnrefined = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
          heldUnrefined.add(unrefinedCounts(model, heldPrepared.get(i), held.get(i)));
        }
        row(out, "validation, without the refining stage", heldUnrefined);
      }
      double[][] heldProbabilities = new double[held.size()][];
      for (int i = 0; i < held.size(); i++) {
        heldProbabilities[i] = BlockModelTrainer.probabilities(model, heldPrepared.get(i));
      }
      siteRepeatsRow(
          out, "validation, site repeats dropped", held, heldPrepared, heldProbabilities);
      if (!cuts.isEmpty()) {
        cutRows(out, "validation", held, Map.of(), heldPrepared, heldProbabilities);
      }
      if (spanGrid) {
        double[][] heldP = new double[held.size()][];
        for (int i = 0; i < held.size(); i++) {
          heldP[i] = BlockModelTrainer.probabilities(model, heldPrepared.get(i));
        }
        for (MainSpan span : SPAN_GRID) {
          List<ShingleMatch.Counts> c = new ArrayList<>();
          for (int i = 0; i < held.size(); i++) {
            double[] p = heldP[i];
            c.add(
                ShingleMatch.compare(
                    held.get(i).truth(), BlockModelTrainer.render(heldPrepared.get(i), p, span)));
          }
          row(out, span.toString(), c);
        }
      }
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
    outOfFold = new double[pages.size()][];
    List<ShingleMatch.Counts> unrefined = new ArrayList<>();
    Map<Integer, List<ShingleMatch.Counts>> byTreeCount = new TreeMap<>();
    for (int f = 0; f < folds; f++) {
      out.printf(Locale.ROOT, "fold %d of %d%n", f + 1, folds);
      out.flush();
      List<LabelledPage> train = new ArrayList<>();
      for (int i = 0; i < pages.size(); i++) {
        if (fold[i] != f) {
          train.add(prepared.get(i));
        }
      }
      BlockModel model = BlockModelTrainer.train(train, seed, refine, trees, depth);
      for (int i = 0; i < pages.size(); i++) {
        if (fold[i] == f) {
          for (int count : treeCounts) {
            double[] q =
                BlockModelTrainer.probabilities(
                    BlockModelTrainer.withTrees(model, count), prepared.get(i));
            byTreeCount
                .computeIfAbsent(count, k -> new ArrayList<>())
                .add(
                    ShingleMatch.compare(
                        pages.get(i).truth(),
                        BlockModelTrainer.render(prepared.get(i), q, MainSpan.DEFAULT)));
          }
          double[] p = BlockModelTrainer.probabilities(model, prepared.get(i));
          outOfFold[i] = p;
          String text = BlockModelTrainer.render(prepared.get(i), p, MainSpan.DEFAULT);
          if (refine) {
            unrefined.add(unrefinedCounts(model, prepared.get(i), pages.get(i)));
          }
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
    if (refine) {
      row(out, "all, without the refining stage", unrefined);
    }
    for (Map.Entry<Integer, List<ShingleMatch.Counts>> e : byTreeCount.entrySet()) {
      row(out, "all, first " + e.getKey() + " smoothing trees", e.getValue());
    }
    if (pageScores != null) {
      StringBuilder tsv = new StringBuilder("id\tset\tprecision\trecall\tf1\n");
      for (int i = 0; i < pages.size(); i++) {
        tsv.append(
            String.format(
                Locale.ROOT,
                "%s\t%s\t%.4f\t%.4f\t%.4f%n",
                pages.get(i).id(),
                sets.getOrDefault(pages.get(i).id(), "?"),
                byPage[i].precision(),
                byPage[i].recall(),
                f1(byPage[i])));
      }
      try {
        java.nio.file.Files.writeString(pageScores, tsv);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
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

  /**
   * Scores the texts after {@link SiteRepeats} dropped the lines repeated across pages of one host
   * (the host of each page's canonical URL, as {@code extract} finds it).
   */
  private static void siteRepeatsRow(
      PrintWriter out,
      String name,
      List<ExtractionEvaluation.Page> pages,
      List<LabelledPage> prepared,
      double[][] probabilities) {
    HtmlExtractor metadata = new HtmlExtractor();
    List<String> texts = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      texts.add(BlockModelTrainer.render(prepared.get(i), probabilities[i], MainSpan.DEFAULT));
      hosts.add(SiteRepeats.host(metadata.extract(pages.get(i).html(), null).url()));
    }
    List<String> kept = SiteRepeats.dropLines(texts, hosts);
    List<ShingleMatch.Counts> counts = new ArrayList<>();
    int changed = 0;
    for (int i = 0; i < pages.size(); i++) {
      counts.add(ShingleMatch.compare(pages.get(i).truth(), kept.get(i)));
      changed += kept.get(i).equals(texts.get(i)) ? 0 : 1;
    }
    out.printf(Locale.ROOT, "%s (%d pages changed):%n", name, changed);
    row(out, name, counts);
    out.flush();
  }

  /** One row per --cuts setting: F1 per set and P/R/F1 over all pages. */
  private void cutRows(
      PrintWriter out,
      String name,
      List<ExtractionEvaluation.Page> pages,
      Map<String, String> sets,
      List<LabelledPage> prepared,
      double[][] probabilities) {
    out.printf(Locale.ROOT, "%n%s, furniture cuts (F1 per set | all P R F1):%n", name);
    for (String spec : cuts) {
      FurnitureCuts c = parseCuts(spec);
      Map<String, List<ShingleMatch.Counts>> bySet = new TreeMap<>();
      List<ShingleMatch.Counts> all = new ArrayList<>();
      StringBuilder perPage = new StringBuilder("id\tset\tprecision\trecall\tf1\n");
      for (int i = 0; i < pages.size(); i++) {
        String text =
            BlockModelTrainer.render(prepared.get(i), probabilities[i], MainSpan.DEFAULT, c);
        ShingleMatch.Counts counts = ShingleMatch.compare(pages.get(i).truth(), text);
        String set = sets.getOrDefault(pages.get(i).id(), name);
        bySet.computeIfAbsent(set, k -> new ArrayList<>()).add(counts);
        all.add(counts);
        perPage.append(
            String.format(
                Locale.ROOT,
                "%s\t%s\t%.4f\t%.4f\t%.4f%n",
                pages.get(i).id(),
                set,
                counts.precision(),
                counts.recall(),
                f1(counts)));
      }
      out.println(scoreLine(spec, bySet, all));
      out.flush();
      if (pageScores != null) {
        Path file =
            pageScores.resolveSibling(
                pageScores.getFileName() + "." + name + "." + spec.replace('/', '-'));
        try {
          java.nio.file.Files.writeString(file, perPage);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }

  private static FurnitureCuts parseCuts(String spec) {
    String[] p = spec.split("/");
    if (p.length != 4) {
      throw new IllegalArgumentException("--cuts takes G/L/H/R, e.g. 3/2/0/0: " + spec);
    }
    return new FurnitureCuts(
        Integer.parseInt(p[0]), Double.parseDouble(p[1]), p[2].equals("1"), p[3].equals("1"));
  }

  private static ShingleMatch.Counts unrefinedCounts(
      BlockModel model, LabelledPage page, ExtractionEvaluation.Page gold) {
    double[] p = BlockModelTrainer.probabilitiesUnrefined(model, page);
    return ShingleMatch.compare(gold.truth(), BlockModelTrainer.render(page, p, MainSpan.DEFAULT));
  }

  private static final List<MainSpan> SPAN_GRID = spanGrid();

  private static List<MainSpan> spanGrid() {
    List<MainSpan> grid = new ArrayList<>();
    for (double t : new double[] {0.5, 0.6, 0.7}) {
      grid.add(new MainSpan(t, 3, 0));
      for (int gap : new int[] {2, 4, 8}) {
        for (double share : new double[] {0.1, 0.25, 0.5}) {
          grid.add(new MainSpan(t, gap, share));
        }
      }
      grid.add(new MainSpan(t, 4, 1.0));
    }
    return grid;
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

  /** {@code label}, the F1 of each set, then precision, recall and F1 over all pages. */
  private static String scoreLine(
      String label, Map<String, List<ShingleMatch.Counts>> bySet, List<ShingleMatch.Counts> all) {
    StringBuilder line = new StringBuilder(label);
    for (List<ShingleMatch.Counts> counts : bySet.values()) {
      line.append(String.format(Locale.ROOT, " %.3f", ShingleMatch.average(counts).f1()));
    }
    ShingleMatch.Scores s = ShingleMatch.average(all);
    line.append(
        String.format(
            Locale.ROOT, " | all P %.3f R %.3f F1 %.3f", s.precision(), s.recall(), s.f1()));
    return line.toString();
  }
}

package dev.precis.cli;

import dev.precis.Precis;
import dev.precis.eval.ExtractionEvaluation;
import dev.precis.eval.ShingleMatch;
import dev.precis.ingest.HtmlExtractor;
import dev.precis.ingest.RawArticle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** {@code precis eval-extract}: scores main-text extraction on a labelled page set. */
@Command(
    name = "eval-extract",
    mixinStandardHelpOptions = true,
    description = {
      "Scores main-text extraction on labelled pages (precision, recall, F1).",
      "The metric is the Scrapinghub article-extraction benchmark's: 4-token shingles, per-page precision and recall averaged, F1 of the averages. DIR holds ground-truth.json and html/ID.html.gz."
    })
final class EvalExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      paramLabel = "DIR",
      required = true,
      description = "The labelled data set, e.g. ../shared/data/article-extraction.")
  Path dataset;

  @Option(
      names = "--extractor",
      paramLabel = "METHOD",
      description =
          "Main-text method: learned (block classifier) or rules (Readability-style); default: the"
              + " better one on pages neither was tuned on, learned (see README).")
  String extractorMethod;

  @Option(
      names = "--worst",
      paramLabel = "N",
      defaultValue = "0",
      description = "Also list the N pages with the lowest F1 (default: ${DEFAULT-VALUE}).")
  int worst;

  @Override
  public Integer call() {
    List<ExtractionEvaluation.Page> pages = ExtractionEvaluation.load(dataset);
    HtmlExtractor extractor = Main.extractor(extractorMethod);
    Precis precis = Main.precis(extractor);
    ExtractionEvaluation.Result raw =
        ExtractionEvaluation.run(pages, (html, url) -> extractor.extract(html, url).text());
    ExtractionEvaluation.Result cleaned =
        ExtractionEvaluation.run(
            pages,
            (html, url) ->
                precis
                    .prepare(
                        new RawArticle("page", html, RawArticle.Format.HTML, null, url, null, url))
                    .text());
    // Baseline: every text of the body, what a plain HTML-to-text conversion gives.
    ExtractionEvaluation.Result whole =
        ExtractionEvaluation.run(
            pages,
            (html, url) -> {
              org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(html);
              d.select("script, style, noscript, template").remove();
              return d.body() == null ? "" : d.body().wholeText();
            });
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%d pages from %s%n%n", pages.size(), dataset);
    out.println("| extractor | precision | recall | F1 |");
    out.println("|---|---|---|---|");
    String name = "HtmlExtractor (" + method() + ")";
    row(out, name, raw);
    row(out, name + " + cleaner (Precis.prepare)", cleaned);
    row(out, "baseline: all body text", whole);
    out.println();
    out.println(
        "± is the half-width of a 95% bootstrap interval (1,000 resamples of the pages, seed 1).");
    Map<String, String> sets = ExtractionEvaluation.sets(dataset);
    if (!sets.isEmpty()) {
      // Data sets that merge several sources (extraction-train): the score of each source.
      out.println();
      out.printf(Locale.ROOT, "%s per set:%n", name);
      out.println("| set | pages | precision | recall | F1 |");
      out.println("|---|---|---|---|---|");
      Map<String, List<ShingleMatch.Counts>> bySet = new TreeMap<>();
      for (ExtractionEvaluation.PageResult r : raw.pages()) {
        bySet
            .computeIfAbsent(sets.getOrDefault(r.page().id(), "?"), k -> new ArrayList<>())
            .add(r.counts());
      }
      for (Map.Entry<String, List<ShingleMatch.Counts>> e : bySet.entrySet()) {
        ShingleMatch.Scores s = ShingleMatch.average(e.getValue());
        out.printf(
            Locale.ROOT,
            "| %s | %d | %.3f | %.3f | %.3f |%n",
            e.getKey(),
            e.getValue().size(),
            s.precision(),
            s.recall(),
            s.f1());
      }
    }
    if (worst > 0) {
      out.println();
      out.println("lowest F1 (" + name + "):");
      List<ExtractionEvaluation.PageResult> sorted = new ArrayList<>(raw.pages());
      sorted.sort(Comparator.comparingDouble(r -> f1(r.counts())));
      for (ExtractionEvaluation.PageResult r : sorted.subList(0, Math.min(worst, sorted.size()))) {
        out.printf(
            Locale.ROOT,
            "  F1 %.3f  P %.3f  R %.3f  %s  %s%n",
            f1(r.counts()),
            r.counts().precision(),
            r.counts().recall(),
            r.page().id(),
            r.page().url());
      }
    }
    out.flush();
    return 0;
  }

  private String method() {
    return (extractorMethod == null
            ? HtmlExtractor.Method.DEFAULT
            : HtmlExtractor.Method.named(extractorMethod))
        .name()
        .toLowerCase(Locale.ROOT);
  }

  private static void row(PrintWriter out, String name, ExtractionEvaluation.Result r) {
    ShingleMatch.Scores s = r.scores();
    List<ShingleMatch.Counts> counts = r.pages().stream().map(p -> p.counts()).toList();
    double[] ci = ShingleMatch.confidence(counts, 1000, 1);
    out.printf(
        Locale.ROOT,
        "| %s | %.3f ± %.3f | %.3f ± %.3f | %.3f ± %.3f |%n",
        name,
        s.precision(),
        ci[0],
        s.recall(),
        ci[1],
        s.f1(),
        ci[2]);
  }

  private static double f1(ShingleMatch.Counts c) {
    double p = c.precision();
    double r = c.recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}

package dev.precis.cli;

import dev.precis.facts.FactsEvaluation;
import dev.precis.ingest.RawArticle;
import dev.precis.text.Document;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis eval-facts}: scores the fact extractors against datasets/facts. */
@Command(
    name = "eval-facts",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the fact sheet against the labelled sets in datasets/facts.",
      "Entities, quotes and numbers are scored; the articles are read from ../shared and examples/."
    })
final class EvalFactsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "datasets/facts",
      description = "Labelled sets (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "Repository root the labelled file paths are relative to (default: ${DEFAULT-VALUE}).")
  Path root;

  @Option(
      names = "--errors",
      description = "Also list every error (misses, false alarms, wrong speakers).")
  boolean showErrors;

  @Option(
      names = "--speed",
      description =
          "Also measure CPU ms of fact extraction per 10-article MultiLing cluster (after 300 warm-up runs).")
  boolean speed;

  private static List<Document> prepareAndSplit(List<RawArticle> raw) {
    return Main.PRECIS.split(Main.PRECIS.prepareAll(raw));
  }

  @Override
  public Integer call() throws java.io.IOException {
    if (!Files.isDirectory(data)) {
      throw new IllegalArgumentException(
          data + ": no such directory (run from the repository root or give --data)");
    }
    FactsEvaluation eval = new FactsEvaluation(EvalFactsCommand::prepareAndSplit, root, data);
    List<FactsEvaluation.Score> scores = new java.util.ArrayList<>(eval.run());
    // the labels name files relative to the repository root: the bundled example (looked at while
    // writing the rules) and the MultiLing articles under the shared data folder
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("example", "examples/");
    sources.put("MultiLing", "../shared/data/multiling");
    scores.addAll(eval.bySource(sources));
    PrintWriter out = spec.commandLine().getOut();
    out.println("| component | measure | value | count |");
    out.println("|---|---|---|---|");
    for (FactsEvaluation.Score s : scores) {
      String value =
          s.measure().startsWith("false merges")
                  || s.measure().startsWith("named speaker given")
                  || s.measure().startsWith("labelled")
              ? String.valueOf((int) s.value())
              : String.format(Locale.ROOT, "%.3f", s.value());
      String detail = s.measure().startsWith("false merges") ? "" : s.detail();
      out.println(
          "| " + s.component() + " | " + s.measure() + " | " + value + " | " + detail + " |");
    }
    if (speed) {
      Path clusters = root.resolve("../shared/data/multiling2011-en/docs");
      double ms =
          FactsEvaluation.cpuMillisPerCluster(
              EvalFactsCommand::prepareAndSplit, clusters, 300, 500);
      out.println(
          String.format(
              Locale.ROOT,
              "| speed | CPU ms per 10-article cluster (MultiLing, warm) | %.1f |  |",
              ms));
    }
    if (showErrors) {
      out.println();
      eval.errors().forEach(out::println);
    }
    out.flush();
    return 0;
  }
}

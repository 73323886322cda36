package dev.precis.cli;

import dev.precis.eval.CoherenceEvaluation;
import dev.precis.eval.EvalCluster;
import dev.precis.eval.EvalDatasets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis eval-coherence}: unresolved back references in default summaries. */
@Command(
    name = "eval-coherence",
    mixinStandardHelpOptions = true,
    description = {
      "Summarizes the first clusters of a dataset and counts summary sentences whose definite description (\"the statement\", \"the two leaders\") or pronoun speaker ('\"...,\" he said') points at a sentence the summary does not have before it."
    })
final class EvalCoherenceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dataset", required = true, paramLabel = "PATH", description = "As for eval.")
  Path dataset;

  @Option(
      names = "--limit",
      defaultValue = "100",
      description = "First N clusters (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--words",
      defaultValue = "100",
      description = "Budget in words, or 'reference' (default: ${DEFAULT-VALUE}).")
  String words;

  @Option(names = "--show", description = "Also list the unresolved sentences.")
  boolean show;

  @Override
  public Integer call() {
    int budget;
    if (words.equals("reference")) {
      budget = 0;
    } else {
      try {
        budget = Integer.parseInt(words);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--words: a number or 'reference', not " + words);
      }
    }
    List<EvalCluster> all = EvalDatasets.read(dataset);
    List<EvalCluster> clusters = all.subList(0, Math.min(limit, all.size()));
    CoherenceEvaluation.Result r = CoherenceEvaluation.run(Main.PRECIS, clusters, budget);
    PrintWriter out = spec.commandLine().getOut();
    out.println(r);
    if (show) {
      r.examples().forEach(out::println);
    }
    return 0;
  }
}

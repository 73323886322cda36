package dev.precis.cli;

import dev.precis.eval.EvalCluster;
import dev.precis.eval.EvalDatasets;
import dev.precis.eval.Evaluation;
import dev.precis.eval.ParameterSearch;
import dev.precis.eval.rouge.RougeOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis eval-cv}: leave-one-set-out choice of the summarizer's constants. */
@Command(
    name = "eval-cv",
    mixinStandardHelpOptions = true,
    description = {
      "Chooses the default summarizer's fill value, single-article discount and lead weight by leave-one-set-out cross-validation over MultiLing 2011 (100 words, ROUGE-1 recall), the first Multi-News validation clusters and the story roundups (reference length, ROUGE-1 F1)."
    })
final class EvalCvCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--shared",
      paramLabel = "DIR",
      defaultValue = "../shared/data",
      description = "Shared data folder (default: ${DEFAULT-VALUE}).")
  Path shared;

  @Option(
      names = "--multinews",
      defaultValue = "1000",
      description = "Multi-News validation clusters used (default: ${DEFAULT-VALUE}).")
  int multiNews;

  @Override
  public Integer call() {
    RougeOptions r1 = RougeOptions.parse("-n 1 -m -r 1");
    List<ParameterSearch.DevSet> sets =
        List.of(
            new ParameterSearch.DevSet(
                "multiling2011@100",
                EvalDatasets.read(shared.resolve("multiling2011-en")),
                Evaluation.Budget.fixed(100),
                r1.withWordLimit(100),
                true),
            new ParameterSearch.DevSet(
                "multinews-val",
                EvalDatasets.readJsonLines(shared.resolve("multinews-val.jsonl.gz"), multiNews),
                Evaluation.Budget.reference(),
                r1,
                false),
            new ParameterSearch.DevSet(
                "story-roundups", roundups(), Evaluation.Budget.reference(), r1, false));
    List<ParameterSearch.Row> rows = ParameterSearch.evaluate(sets, ParameterSearch.grid());
    PrintWriter out = spec.commandLine().getOut();
    ParameterSearch.report(sets, rows).forEach(out::println);
    return 0;
  }

  private List<EvalCluster> roundups() {
    return EvalDatasets.read(shared.resolve("story-roundups/stories.jsonl"));
  }
}

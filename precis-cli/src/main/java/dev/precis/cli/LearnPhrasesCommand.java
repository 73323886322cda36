package dev.precis.cli;

import dev.precis.eval.EvalCluster;
import dev.precis.eval.EvalDatasets;
import dev.precis.eval.ExtractionEvaluation;
import dev.precis.eval.RecurringPhraseSurvey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis learn-phrases}: learns the recurring template phrases the cleaner cuts. */
@Command(
    name = "learn-phrases",
    mixinStandardHelpOptions = true,
    description = {
      "Learns the cleaner's list of template phrases: word 4-grams found in the documents of at"
          + " least --min-clusters distinct clusters and in no reference summary. Learns from the"
          + " clusters after the first --skip and writes 64-bit hashes, never text (the shipped"
          + " list: precis-core/src/main/resources/dev/precis/text/recurring-phrases.txt)."
    })
final class LearnPhrasesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      paramLabel = "FILE",
      required = true,
      description = "Clusters with reference summaries, one JSON object a line (.gz accepted).")
  Path dataset;

  @Option(
      names = "--skip",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Learn from the clusters after the first N (default: ${DEFAULT-VALUE}).")
  int skip;

  @Option(
      names = "--min-clusters",
      converter = CountConverter.class,
      paramLabel = "K",
      defaultValue = "10",
      description = "Clusters a phrase must recur in (default: ${DEFAULT-VALUE}).")
  int minClusters;

  @Option(
      names = "--clean-prose",
      paramLabel = "DIR",
      defaultValue = "../shared/data/extraction-train",
      description =
          "Furniture-free texts besides the summaries: the marked article bodies of these labelled"
              + " pages (default: ${DEFAULT-VALUE}).")
  Path cleanProse;

  @Option(names = "--output", paramLabel = "FILE", required = true, description = "The list.")
  Path output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<EvalCluster> all = EvalDatasets.read(dataset);
    List<EvalCluster> learn = all.subList(Math.min(skip, all.size()), all.size());
    List<String> prose =
        ExtractionEvaluation.load(cleanProse).stream()
            .map(ExtractionEvaluation.Page::truth)
            .toList();
    long[] keys = RecurringPhraseSurvey.learn(learn, prose, minClusters);
    StringBuilder b = new StringBuilder();
    b.append("# Word 4-grams recurring across unrelated stories, never in a summary: FNV-1a 64\n")
        .append("# keys (dev.precis.text.RecurringPhrases.keys). Built by:\n")
        .append(
            String.format(
                Locale.ROOT,
                "#   ./precis learn-phrases --dataset %s --skip %d --min-clusters %d --clean-prose %s"
                    + " --output FILE%n",
                dataset.getFileName(),
                skip,
                minClusters,
                cleanProse.getFileName()))
        .append(
            String.format(
                Locale.ROOT,
                "# from %d clusters (the first %d are kept for the check).%n",
                learn.size(),
                skip));
    for (long k : keys) {
      b.append(String.format(Locale.ROOT, "%016x%n", k));
    }
    try (AtomicOutput o = new AtomicOutput(output)) {
      o.writer().write(b.toString());
      o.commit();
    }
    out.printf(
        Locale.ROOT,
        "%d recurring phrases from %d clusters written to %s%n",
        keys.length,
        learn.size(),
        output);
    return 0;
  }
}

package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.eval.EvalCluster;
import dev.precis.eval.EvalDatasets;
import dev.precis.eval.FurnitureSurvey;
import dev.precis.ingest.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis eval-furniture}: learns the recurring-sentence list, or counts furniture. */
@Command(
    name = "eval-furniture",
    mixinStandardHelpOptions = true,
    description = {
      "Learns the list of sentences that recur across stories, or counts summaries with furniture.",
      "A sentence found in the documents of at least --min-clusters distinct clusters is page furniture (a cluster is one story). With --build FILE the hashes of such sentences in the clusters after the first --skip are written to FILE (the shipped list: precis-core/src/main/resources/dev/precis/text/recurring-sentences.txt). With --summaries FILE (summaries.jsonl of precis eval) the command counts, over the first --limit clusters, the summaries with a sentence that recurs in those clusters or is shaped like a timestamp line."
    })
final class EvalFurnitureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      paramLabel = "FILE",
      required = true,
      description = "Clusters, one JSON object a line (.gz accepted).")
  Path dataset;

  @Option(names = "--build", paramLabel = "FILE", description = "Write the learned list here.")
  Path build;

  @Option(
      names = "--skip",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "--build learns from the clusters after the first N (default: ${DEFAULT-VALUE}).")
  int skip;

  @Option(
      names = "--summaries",
      paramLabel = "FILE",
      description = "Count furniture in these summaries (summaries.jsonl of precis eval).")
  Path summaries;

  @Option(
      names = "--limit",
      converter = CountConverter.class,
      paramLabel = "N",
      defaultValue = "1000",
      description = "--summaries checks the first N clusters (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--min-clusters",
      converter = CountConverter.class,
      paramLabel = "K",
      defaultValue = "3",
      description =
          "Clusters a sentence must recur in to count as furniture (default: ${DEFAULT-VALUE}).")
  int minClusters;

  @Override
  public Integer call() throws Exception {
    if ((build == null) == (summaries == null)) {
      throw new IllegalArgumentException("give either --build FILE or --summaries FILE");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<EvalCluster> all = EvalDatasets.read(dataset);
    if (build != null) {
      List<EvalCluster> learn = all.subList(Math.min(skip, all.size()), all.size());
      List<String> hashes = new FurnitureSurvey(learn).recurringHashes(minClusters);
      StringBuilder b = new StringBuilder();
      b.append(
              "# Sentences recurring across unrelated stories: FNV-1a 64 hashes of normalized forms\n")
          .append("# (dev.precis.text.FurnitureSentenceFilter.key). Built by:\n")
          .append("#   ./precis eval-furniture --dataset ")
          .append(dataset.getFileName())
          .append(" --skip ")
          .append(skip)
          .append(" --min-clusters ")
          .append(minClusters)
          .append(" --build FILE\n")
          .append("# from ")
          .append(learn.size())
          .append(" clusters (the first ")
          .append(skip)
          .append(" are kept for the check).\n");
      hashes.forEach(h -> b.append(h).append('\n'));
      try (AtomicOutput o = new AtomicOutput(build)) {
        o.writer().write(b.toString());
        o.commit();
      }
      out.printf(
          "%d recurring sentences from %d clusters written to %s%n",
          hashes.size(), learn.size(), build);
      return 0;
    }
    List<EvalCluster> checked = all.subList(0, Math.min(limit, all.size()));
    FurnitureSurvey survey = new FurnitureSurvey(checked);
    Map<String, List<String>> byId = readSummaries(summaries);
    int withFurniture = 0;
    int found = 0;
    for (EvalCluster c : checked) {
      List<String> sentences = byId.get(c.id());
      if (sentences == null) {
        continue;
      }
      found++;
      boolean any = false;
      for (String s : sentences) {
        if (survey.isFurniture(s, minClusters)) {
          any = true;
          out.println("  " + c.id() + ": " + s);
        }
      }
      if (any) {
        withFurniture++;
      }
    }
    out.printf(
        "%d of %d summaries carry furniture (a sentence in >= %d of the first %d clusters, a"
            + " timestamp line, or a sentence opening with a dateline)%n",
        withFurniture, found, minClusters, checked.size());
    return 0;
  }

  private static Map<String, List<String>> readSummaries(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such file");
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, List<String>> out = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = json.readTree(line);
        if (!"default".equals(o.path("summarizer").asText("default"))) {
          continue;
        }
        List<String> sentences = new java.util.ArrayList<>();
        o.path("summary").forEach(s -> sentences.add(s.asText()));
        out.put(o.path("id").asText(), sentences);
      }
    }
    return out;
  }
}

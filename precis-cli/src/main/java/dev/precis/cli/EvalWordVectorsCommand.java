package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.eval.EvalCluster;
import dev.precis.eval.EvalDatasets;
import dev.precis.eval.vectors.WordVectorEvaluation;
import dev.precis.eval.vectors.WordVectorEvaluation.Result;
import dev.precis.eval.vectors.WordVectorEvaluation.Scores;
import dev.precis.ingest.InputException;
import dev.precis.ingest.RawArticle;
import dev.precis.text.analysis.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis eval-word-vectors}: same-event vs different-event similarity of articles. */
@Command(
    name = "eval-word-vectors",
    mixinStandardHelpOptions = true,
    description = {
      "Compares TF-IDF cosine, word-vector cosine (dev.precis.text.analysis.WordVectors) and their mean on pairs of articles of one cluster against pairs of different clusters: mean cosines, AUC, and the AUC on the hard same-cluster pairs (TF-IDF cosine under 0.1). Reads Multi-News validation and the story roundups under --dev. The word vectors' vocabulary was counted on these texts (no labels were used)."
    })
final class EvalWordVectorsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--dev",
      paramLabel = "DIR",
      defaultValue = "../shared/data",
      description = "The shared data folder (default: ${DEFAULT-VALUE}).")
  Path dev;

  @Option(
      names = "--limit",
      converter = CountConverter.class,
      paramLabel = "N",
      defaultValue = "100000",
      description = "At most N clusters of each dataset (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    WordVectors table = WordVectors.shared();
    out.printf(
        "word vectors: %,d words x %d dims, loaded in %.0f ms%n",
        table.size(), table.dimensions(), (System.nanoTime() - start) / 1e6);
    Map<String, List<List<String>>> datasets = new LinkedHashMap<>();
    datasets.put("multinews-val", multiNews(dev.resolve("multinews-val.jsonl.gz")));
    datasets.put("story-roundups", roundups(dev.resolve("story-roundups/stream.jsonl")));
    out.println(
        "dataset         groups articles  pairs | similarity  same  diff   AUC | hard share"
            + " AUC(tfidf) AUC(vec) | vec ns/article words");
    for (Map.Entry<String, List<List<String>>> d : datasets.entrySet()) {
      Result r = WordVectorEvaluation.evaluate(d.getValue(), table, 1);
      print(out, d.getKey(), r, "tf-idf", r.tfidf());
      print(out, "", r, "vectors", r.vectors());
      print(out, "", r, "mean", r.mixed());
      out.printf(
          "%-15s %46s | %10.3f %10.3f %8.3f | %14.0f %5.0f%n",
          "",
          "",
          r.hardPairShare(),
          r.hardTfidfAuc(),
          r.hardVectorAuc(),
          r.vectorNanosPerArticle(),
          r.wordsPerArticle());
    }
    return 0;
  }

  private static void print(PrintWriter out, String name, Result r, String label, Scores s) {
    out.printf(
        "%-15s %6s %8s %6s | %-10s %5.3f %5.3f %5.3f |%n",
        name,
        name.isEmpty() ? "" : r.groups(),
        name.isEmpty() ? "" : r.articles(),
        name.isEmpty() ? "" : r.samePairs(),
        label,
        s.sameMean(),
        s.differentMean(),
        s.auc());
  }

  private List<List<String>> multiNews(Path file) {
    List<List<String>> groups = new ArrayList<>();
    for (EvalCluster c : EvalDatasets.readJsonLines(file, limit)) {
      groups.add(c.documents().stream().map(RawArticle::content).toList());
    }
    return groups;
  }

  private List<List<String>> roundups(Path file) {
    Map<String, List<String>> byStory = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode a = JSON.readTree(line);
        String story = a.path("story").asText();
        if (!byStory.containsKey(story) && byStory.size() >= limit) {
          break;
        }
        byStory
            .computeIfAbsent(story, k -> new ArrayList<>())
            .add(a.path("title").asText("") + "\n" + a.path("text").asText(""));
      }
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return new ArrayList<>(byStory.values());
  }
}

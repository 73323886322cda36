package dev.precis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.Precis;
import dev.precis.eval.EvalCluster;
import dev.precis.eval.EvalDatasets;
import dev.precis.eval.Evaluation;
import dev.precis.eval.rouge.RougeBootstrap;
import dev.precis.eval.rouge.RougeOptions;
import dev.precis.eval.rouge.RougeScore;
import dev.precis.ingest.InputException;
import dev.precis.text.BlankLineCleaner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis eval}: ROUGE of summarizers and baselines on an evaluation set. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Scores summarizers with ROUGE-1.5.5 on an evaluation set.",
      "Summarizes every cluster of the set with each summarizer under the same word budget and scores it exactly as ROUGE-1.5.5 does (bootstrap averages with 95%% intervals).",
      "PATH: a JSON Lines file (.gz accepted) of {\"id\", \"documents\", \"summary\" or \"summaries\"}, or a directory with docs/TOPIC/* (SGML <DOC>s or plain text) and models/TOPIC.*.NAME (DUC/TAC and MultiLing layouts). Writes results.json, results.csv and summaries.jsonl under --output-dir."
    })
final class EvalCommand implements Callable<Integer> {
  /** The CLI's stages, with the cleaner {@code --cleaner} names. */
  private Precis precis() {
    return switch (cleaner) {
      case "rules" -> Main.PRECIS;
      case "none" ->
          Precis.builder()
              .summarizers(Main.PRECIS.summarizers())
              .cleaner(new BlankLineCleaner())
              .build();
      default ->
          throw new IllegalArgumentException(
              "--cleaner must be rules or none, got '" + cleaner + "'");
    };
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TABLE_METRICS =
      List.of("ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4");

  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      paramLabel = "PATH",
      required = true,
      description = "The evaluation set.")
  Path dataset;

  @Option(
      names = "--references",
      paramLabel = "DIR",
      description =
          "Summaries folder (TOPIC.*.NAME files) when it is not inside PATH; PATH is then the folder of topic folders.")
  Path references;

  @Option(
      names = "--peers",
      paramLabel = "DIR",
      description =
          "With --references: system summaries (SYSTEM/TOPIC or TOPIC.*.SYSTEM files), scored as peer:SYSTEM.")
  Path peers;

  @Option(
      names = "--summarizers",
      paramLabel = "LIST",
      split = ",",
      defaultValue = "default,lead,random,lexrank,textrank,centroid,mmr,oracle",
      description =
          "Comma-separated names (default: ${DEFAULT-VALUE}); peer:ID scores a system's summaries shipped in the dataset's peers/ folder, 'peers' all of them.")
  List<String> summarizers;

  @Option(
      names = "--words",
      paramLabel = "N|reference",
      defaultValue = "100",
      description =
          "Word budget, or 'reference' for each cluster's reference length (default: ${DEFAULT-VALUE}).")
  String words;

  @Option(
      names = "--metric",
      paramLabel = "recall|f1",
      description =
          "Headline table metric (default: recall with a word budget, f1 with --words reference).")
  String metric;

  @Option(
      names = "--rouge",
      paramLabel = "FLAGS",
      description = "ROUGE-1.5.5 flags (default: -n 4 -m -2 4 -u, plus -l N with a word budget).")
  String rougeFlags;

  @Option(
      names = "--cleaner",
      paramLabel = "rules|none",
      defaultValue = "rules",
      description =
          "Boilerplate cleaner: rules (the product's) or none (blank lines only: the ablation"
              + " that measures what cleaning is worth).")
  String cleaner;

  @Option(
      names = "--limit",
      converter = CountConverter.class,
      paramLabel = "N",
      description = "Only the first N clusters.")
  Integer limit;

  @Option(
      names = "--threads",
      converter = CountConverter.class,
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      defaultValue = "target/eval-results",
      description =
          "Where results.json, results.csv and summaries.jsonl go, created when missing (default: ${DEFAULT-VALUE}, ignored by git).")
  Path outputDir;

  @Override
  public Integer call() throws IOException {
    Evaluation.Budget budget = budget(words);
    RougeOptions rouge =
        rougeFlags != null
            ? RougeOptions.parse(rougeFlags)
            : budget.isReference()
                ? RougeOptions.news()
                : RougeOptions.news().withWordLimit(budget.words());
    String headline = metric != null ? metric : budget.isReference() ? "f1" : "recall";
    if (!headline.equals("recall") && !headline.equals("f1")) {
      throw new IllegalArgumentException("--metric must be recall or f1, got " + headline);
    }
    List<EvalCluster> clusters =
        references != null
            ? EvalDatasets.readTopicDirectories(dataset, references, peers)
            : EvalDatasets.read(dataset);
    if (limit != null) {
      if (limit < 1) {
        throw new IllegalArgumentException("--limit must be at least 1");
      }
      clusters = clusters.subList(0, Math.min(limit, clusters.size()));
    }
    List<String> names = new java.util.ArrayList<>();
    for (String n : summarizers) {
      String name = n.strip();
      if (name.equals("peers")) {
        names.addAll(Evaluation.peerNames(clusters)); // every system shipped with the dataset
      } else if (!name.isEmpty()) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("--summarizers needs at least one name");
    }
    int workers =
        threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
    PrintWriter err = spec.commandLine().getErr();
    Evaluation.Result result;
    try (Progress progress = Progress.start("eval", clusters.size(), err)) {
      result = Evaluation.run(precis(), clusters, names, budget, rouge, workers, progress::step);
    }
    PrintWriter out = spec.commandLine().getOut();
    printTables(out, result, headline);
    writeFiles(result, headline);
    out.printf(Locale.ROOT, "%nwrote %s/results.json, results.csv, summaries.jsonl%n", outputDir);
    out.flush();
    return 0;
  }

  static Evaluation.Budget budget(String words) {
    if (words.equals("reference")) {
      return Evaluation.Budget.reference();
    }
    try {
      return Evaluation.Budget.fixed(Integer.parseInt(words));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--words must be a number or 'reference', got " + words);
    }
  }

  private void printTables(PrintWriter out, Evaluation.Result r, String headline) {
    out.printf(
        Locale.ROOT,
        "%s: %d clusters, budget %s words, ROUGE-1.5.5 %s%n%n",
        dataset,
        r.clusters(),
        r.budget(),
        r.options().toFlags());
    out.printf(
        Locale.ROOT, "ROUGE %s x100 (95%% interval)%n", headline.equals("f1") ? "F1" : "recall");
    List<String> metrics =
        TABLE_METRICS.stream().filter(m -> r.options().metricNames().contains(m)).toList();
    StringBuilder head = new StringBuilder("| summarizer |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String m : metrics) {
      head.append(' ').append(m).append(" |");
      rule.append("---|");
    }
    out.println(head.append(" words | ms/cluster |"));
    out.println(rule.append("---|---|"));
    for (Evaluation.SystemResult s : r.systems()) {
      StringBuilder row = new StringBuilder("| ").append(s.summarizer()).append(" |");
      for (String m : metrics) {
        RougeBootstrap.Average a = s.scores().get(m);
        RougeBootstrap.Interval i = headline.equals("f1") ? a.f1() : a.recall();
        row.append(
            String.format(
                Locale.ROOT, " %.2f (%.2f-%.2f) |", 100 * i.mean(), 100 * i.low(), 100 * i.high()));
      }
      row.append(String.format(Locale.ROOT, " %.1f | %.2f |", s.averageWords(), s.msPerCluster()));
      out.println(row);
    }
    out.println();
    out.println("All scores x100: recall, precision, F1 (95% intervals)");
    out.println("| summarizer | metric | R | P | F1 |");
    out.println("|---|---|---|---|---|");
    for (Evaluation.SystemResult s : r.systems()) {
      for (Map.Entry<String, RougeBootstrap.Average> e : s.scores().entrySet()) {
        RougeBootstrap.Average a = e.getValue();
        out.printf(
            Locale.ROOT,
            "| %s | %s | %s | %s | %s |%n",
            s.summarizer(),
            e.getKey(),
            interval(a.recall()),
            interval(a.precision()),
            interval(a.f1()));
      }
    }
  }

  private static String interval(RougeBootstrap.Interval i) {
    return String.format(
        Locale.ROOT, "%.2f (%.2f-%.2f)", 100 * i.mean(), 100 * i.low(), 100 * i.high());
  }

  private void writeFiles(Evaluation.Result r, String headline) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataset", dataset.toString());
    root.put("clusters", r.clusters());
    root.put("words", r.budget().toString());
    root.put("rouge_options", r.options().toFlags());
    root.put("metric", headline);
    ArrayNode systems = root.putArray("systems");
    StringBuilder csv =
        new StringBuilder(
            "summarizer,metric,recall,recall_low,recall_high,precision,precision_low,"
                + "precision_high,f1,f1_low,f1_high,words,ms_per_cluster,clusters\n");
    for (Evaluation.SystemResult s : r.systems()) {
      ObjectNode o = systems.addObject();
      o.put("summarizer", s.summarizer());
      o.put("words", round(s.averageWords(), 2));
      o.put("ms_per_cluster", round(s.msPerCluster(), 3));
      o.put("clusters", s.clusters());
      ObjectNode scores = o.putObject("scores");
      for (Map.Entry<String, RougeBootstrap.Average> e : s.scores().entrySet()) {
        ObjectNode m = scores.putObject(e.getKey());
        RougeBootstrap.Average a = e.getValue();
        put(m.putObject("recall"), a.recall());
        put(m.putObject("precision"), a.precision());
        put(m.putObject("f1"), a.f1());
        csv.append(
                String.join(
                    ",",
                    s.summarizer(),
                    e.getKey(),
                    csvInterval(a.recall()),
                    csvInterval(a.precision()),
                    csvInterval(a.f1()),
                    String.format(Locale.ROOT, "%.2f", s.averageWords()),
                    String.format(Locale.ROOT, "%.3f", s.msPerCluster()),
                    String.valueOf(s.clusters())))
            .append('\n');
      }
    }
    try {
      Files.createDirectories(outputDir); // a folder of results: created, and the report says where
    } catch (IOException e) {
      throw new InputException(outputDir + ": cannot create the output folder (" + e + ")");
    }
    try (AtomicOutput json = new AtomicOutput(outputDir.resolve("results.json"))) {
      json.writer().write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      json.writer().write('\n');
      json.commit();
    }
    try (AtomicOutput c = new AtomicOutput(outputDir.resolve("results.csv"))) {
      c.writer().write(csv.toString());
      c.commit();
    }
    try (AtomicOutput lines = new AtomicOutput(outputDir.resolve("summaries.jsonl"))) {
      Writer w = lines.writer();
      for (Evaluation.ClusterResult c : r.perCluster()) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", c.cluster());
        o.put("summarizer", c.summarizer());
        ArrayNode summary = o.putArray("summary");
        c.summary().forEach(summary::add);
        ObjectNode scores = o.putObject("scores");
        for (Map.Entry<String, RougeScore> e : c.scores().entrySet()) {
          ObjectNode m = scores.putObject(e.getKey());
          m.put("R", e.getValue().recall());
          m.put("P", e.getValue().precision());
          m.put("F", e.getValue().f1());
        }
        w.write(JSON.writeValueAsString(o));
        w.write('\n');
      }
      lines.commit();
    }
  }

  private static void put(ObjectNode o, RougeBootstrap.Interval i) {
    o.put("mean", i.mean());
    o.put("low", i.low());
    o.put("high", i.high());
  }

  private static String csvInterval(RougeBootstrap.Interval i) {
    return String.format(Locale.ROOT, "%.5f,%.5f,%.5f", i.mean(), i.low(), i.high());
  }

  private static double round(double x, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(x * f) / f;
  }
}

package dev.precis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.eval.rouge.Rouge;
import dev.precis.eval.rouge.RougeBootstrap;
import dev.precis.eval.rouge.RougeOptions;
import dev.precis.eval.rouge.RougeScore;
import dev.precis.ingest.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis rouge}: ROUGE-1.5.5 scores of one candidate against its references. */
@Command(
    name = "rouge",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a candidate summary against references exactly as ROUGE-1.5.5 does.",
      "Files hold one sentence a line. Default options: -n 4 -m -2 4 -u -f A -p 0.5.",
      "With a folder as --candidate (one file a topic) and folders as --reference (files named TOPIC.*), prints the system average with its bootstrap interval, as ROUGE-1.5.5 does.",
      "Example: precis rouge --candidate sys.txt --reference ref1.txt ref2.txt --words 100",
      "Or: precis rouge --candidate sys.txt --reference ref.txt --rouge \"-n 2 -m -s -2 4 -u -l 100\""
    })
final class RougeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--candidate",
      paramLabel = "FILE",
      required = true,
      description = "The summary to score, or a folder of summaries (one file a topic).")
  Path candidate;

  @Option(
      names = "--reference",
      paramLabel = "FILE",
      required = true,
      arity = "1..*",
      description = "Reference summaries (repeat the option or list several).")
  List<Path> references = new ArrayList<>();

  @Option(
      names = "--max-n",
      paramLabel = "N",
      defaultValue = "4",
      description = "ROUGE-1 to ROUGE-N (-n N; default: ${DEFAULT-VALUE}).")
  int maxN;

  @Option(names = "--no-stem", description = "Do not stem (ROUGE's -m is on by default here).")
  boolean noStem;

  @Option(names = "--remove-stopwords", description = "Remove SMART stop words (-s).")
  boolean stopWords;

  @Option(
      names = "--words",
      paramLabel = "N",
      defaultValue = "0",
      description = "Keep the first N words of each summary (-l).")
  int words;

  @Option(
      names = "--bytes",
      paramLabel = "N",
      defaultValue = "0",
      description = "Keep the first N bytes of each summary (-b).")
  int bytes;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.5",
      description = "F = PR / ((1-A)P + A R) (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--skip",
      paramLabel = "D",
      defaultValue = "4",
      description =
          "ROUGE-SU with skip distance D (-2 D -u; default: ${DEFAULT-VALUE}); -1: unlimited.")
  int skip;

  @Option(
      names = "--rouge",
      paramLabel = "FLAGS",
      description =
          "ROUGE-1.5.5 flags, replacing the options above, e.g. \"-n 2 -m -s -2 4 -u -l 100\".")
  String rougeFlags;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws IOException {
    RougeOptions options =
        rougeFlags != null
            ? RougeOptions.parse(rougeFlags)
            : RougeOptions.parse(
                "-n "
                    + maxN
                    + (noStem ? "" : " -m")
                    + (stopWords ? " -s" : "")
                    + (words > 0 ? " -l " + words : "")
                    + (bytes > 0 ? " -b " + bytes : "")
                    + " -2 "
                    + skip
                    + " -u -p "
                    + alpha);
    if (Files.isDirectory(candidate)) {
      return systemAverage(options);
    }
    List<String> candidateLines = lines(candidate);
    List<List<String>> refs = new ArrayList<>();
    for (Path r : references) {
      refs.add(lines(r));
    }
    Map<String, RougeScore> scores = new Rouge(options).score(candidateLines, refs);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "text" -> {
        out.println("ROUGE-1.5.5 " + options.toFlags());
        for (Map.Entry<String, RougeScore> e : scores.entrySet()) {
          RougeScore s = e.getValue();
          out.printf(
              Locale.ROOT,
              "%-10s R %.5f  P %.5f  F %.5f%n",
              e.getKey(),
              s.recall(),
              s.precision(),
              s.f1());
        }
      }
      case "json" -> {
        ObjectNode root = JSON.createObjectNode();
        root.put("rouge_options", options.toFlags());
        ObjectNode all = root.putObject("scores");
        for (Map.Entry<String, RougeScore> e : scores.entrySet()) {
          ObjectNode o = all.putObject(e.getKey());
          o.put("R", e.getValue().recall());
          o.put("P", e.getValue().precision());
          o.put("F", e.getValue().f1());
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      }
      default -> throw new IllegalArgumentException("--format must be text or json, got " + format);
    }
    out.flush();
    return 0;
  }

  /**
   * A folder of candidates (one file a topic) against folders of references: every candidate {@code
   * TOPIC[.*]} is scored against the reference files named {@code TOPIC.*}, and the system average
   * is ROUGE-1.5.5's bootstrap average with its interval.
   */
  private int systemAverage(RougeOptions options) throws IOException {
    List<Path> referenceFiles = new ArrayList<>();
    for (Path r : references) {
      if (!Files.isDirectory(r)) {
        throw new InputException(r + ": with a candidate folder, --reference must be folders");
      }
      try (Stream<Path> files = Files.list(r)) {
        files.filter(Files::isRegularFile).sorted().forEach(referenceFiles::add);
      }
    }
    Rouge rouge = new Rouge(options);
    Map<String, List<RougeBootstrap.Instance>> byMetric = new LinkedHashMap<>();
    List<Path> candidates;
    try (Stream<Path> files = Files.list(candidate)) {
      candidates = files.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path c : candidates) {
      String topic = topic(c.getFileName().toString());
      List<List<String>> refs = new ArrayList<>();
      for (Path r : referenceFiles) {
        if (topic(r.getFileName().toString()).equalsIgnoreCase(topic)) {
          refs.add(lines(r));
        }
      }
      if (refs.isEmpty()) {
        spec.commandLine().getErr().println("precis: warning: no reference for " + c);
        continue;
      }
      for (Map.Entry<String, RougeScore> e : rouge.score(lines(c), refs).entrySet()) {
        byMetric
            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
            .add(new RougeBootstrap.Instance(topic, e.getValue()));
      }
    }
    if (byMetric.isEmpty()) {
      throw new InputException(candidate + ": no candidate file has a reference named TOPIC.*");
    }
    PrintWriter out = spec.commandLine().getOut();
    ObjectNode root = JSON.createObjectNode();
    root.put("rouge_options", options.toFlags());
    ObjectNode all = root.putObject("averages");
    if (format.equals("text")) {
      out.println("ROUGE-1.5.5 " + options.toFlags());
    } else if (!format.equals("json")) {
      throw new IllegalArgumentException("--format must be text or json, got " + format);
    }
    for (Map.Entry<String, List<RougeBootstrap.Instance>> e : byMetric.entrySet()) {
      RougeBootstrap.Average a =
          RougeBootstrap.average(e.getValue(), options.confidence(), options.resamples());
      ObjectNode o = all.putObject(e.getKey());
      o.put("clusters", a.clusters());
      String[] tags = {"R", "P", "F"};
      RougeBootstrap.Interval[] values = {a.recall(), a.precision(), a.f1()};
      for (int i = 0; i < 3; i++) {
        ObjectNode v = o.putObject(tags[i]);
        v.put("mean", values[i].mean());
        v.put("low", values[i].low());
        v.put("high", values[i].high());
        if (format.equals("text")) {
          out.printf(
              Locale.ROOT,
              "%s Average_%s: %.5f (%s%%-conf.int. %.5f - %.5f)%n",
              e.getKey(),
              tags[i],
              values[i].mean(),
              num(options.confidence()),
              values[i].low(),
              values[i].high());
        }
      }
    }
    if (format.equals("json")) {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
    out.flush();
    return 0;
  }

  private static String topic(String fileName) {
    int dot = fileName.indexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** The file as ROUGE reads it: its bytes, one sentence a line. */
  private static List<String> lines(Path f) {
    if (!Files.isRegularFile(f)) {
      throw new InputException(f + ": no such file");
    }
    // read as every command reads files: a binary file is refused, not scored
    return List.of(
        dev.precis.ingest.ArticleSources.readText(
            f, new dev.precis.ingest.Limits(dev.precis.ingest.Limits.DEFAULT_MAX_FILE_BYTES)));
  }
}

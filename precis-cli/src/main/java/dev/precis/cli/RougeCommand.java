package dev.precis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.eval.Rouge;
import dev.precis.eval.RougeOptions;
import dev.precis.eval.RougeScore;
import dev.precis.ingest.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code precis rouge}: ROUGE-1.5.5 scores of one candidate against its references. */
@Command(
    name = "rouge",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a candidate summary against one or more references exactly as ROUGE-1.5.5 does.",
      "Files hold one sentence a line. Default options: -n 4 -m -2 4 -u -f A -p 0.5.",
      "Example: precis rouge --candidate sys.txt --reference ref1.txt ref2.txt --words 100",
      "    or: precis rouge --candidate sys.txt --reference ref.txt --rouge \"-n 2 -m -s -2 4 -u -l 100\""
    })
final class RougeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--candidate", paramLabel = "FILE", required = true, description = "The summary to score.")
  Path candidate;

  @Option(names = "--reference", paramLabel = "FILE", required = true, arity = "1..*", description = "Reference summaries (repeat the option or list several).")
  List<Path> references = new ArrayList<>();

  @Option(names = "--max-n", paramLabel = "N", defaultValue = "4", description = "ROUGE-1 to ROUGE-N (-n N; default: ${DEFAULT-VALUE}).")
  int maxN;

  @Option(names = "--no-stem", description = "Do not stem (ROUGE's -m is on by default here).")
  boolean noStem;

  @Option(names = "--remove-stopwords", description = "Remove SMART stop words (-s).")
  boolean stopWords;

  @Option(names = "--words", paramLabel = "N", defaultValue = "0", description = "Keep the first N words of each summary (-l).")
  int words;

  @Option(names = "--bytes", paramLabel = "N", defaultValue = "0", description = "Keep the first N bytes of each summary (-b).")
  int bytes;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.5", description = "F = PR / ((1-A)P + A R) (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--skip", paramLabel = "D", defaultValue = "4", description = "ROUGE-SU with skip distance D (-2 D -u; default: ${DEFAULT-VALUE}); -1: unlimited.")
  int skip;

  @Option(names = "--rouge", paramLabel = "FLAGS", description = "ROUGE-1.5.5 flags, replacing the options above, e.g. \"-n 2 -m -s -2 4 -u -l 100\".")
  String rougeFlags;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws IOException {
    RougeOptions options =
        rougeFlags != null
            ? RougeOptions.parse(rougeFlags)
            : RougeOptions.parse(
                "-n " + maxN + (noStem ? "" : " -m") + (stopWords ? " -s" : "")
                    + (words > 0 ? " -l " + words : "") + (bytes > 0 ? " -b " + bytes : "")
                    + " -2 " + skip + " -u -p " + alpha);
    List<List<String>> refs = new ArrayList<>();
    for (Path r : references) {
      refs.add(lines(r));
    }
    Map<String, RougeScore> scores = new Rouge(options).score(lines(candidate), refs);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "text" -> {
        out.println("ROUGE-1.5.5 " + options.toFlags());
        for (Map.Entry<String, RougeScore> e : scores.entrySet()) {
          RougeScore s = e.getValue();
          out.printf(
              Locale.ROOT, "%-10s R %.5f  P %.5f  F %.5f%n", e.getKey(), s.recall(),
              s.precision(), s.f1());
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

  /** The file as ROUGE reads it: its bytes, one sentence a line. */
  private static List<String> lines(Path f) {
    try {
      return List.of(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InputException(f + ": cannot read (" + e.getMessage() + ")");
    }
  }
}

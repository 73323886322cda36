package dev.precis.cli;

import dev.precis.eval.CleanerEvaluation;
import dev.precis.eval.SplitterEvaluation;
import dev.precis.text.RegexSentenceSplitter;
import dev.precis.text.RuleBasedCleaner;
import dev.precis.text.RuleBasedSentenceSplitter;
import dev.precis.text.SentenceSplitter;
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

/**
 * {@code precis eval-text}: scores boilerplate cleaning and sentence splitting on the labelled sets
 * in {@code datasets/cleaner/} and {@code datasets/sentences/}.
 */
@Command(
    name = "eval-text",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the boilerplate cleaner and the sentence splitters.",
      "The cleaner: precision and recall of dropping and of keeping lines. The splitters: Precis rule-based, a simple regex and the English model of OpenNLP. Both on the labelled sets under datasets/."
    })
final class EvalTextCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--cleaner-set",
      paramLabel = "DIR",
      defaultValue = "datasets/cleaner",
      description = "Labelled cleaner lines (default: ${DEFAULT-VALUE}).")
  Path cleanerSet;

  @Option(
      names = "--sentence-set",
      paramLabel = "DIR",
      defaultValue = "datasets/sentences",
      description = "Labelled sentence boundaries (default: ${DEFAULT-VALUE}).")
  Path sentenceSet;

  @Option(names = "--errors", description = "Also list every misclassified line and boundary.")
  boolean errors;

  @Option(
      names = "--explain",
      paramLabel = "FILE",
      description = "Only show the cleaner's verdict on every line of FILE (plain text) and exit.")
  Path explain;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (explain != null) {
      explain(out);
      return 0;
    }
    cleaner(out);
    out.println();
    splitters(out);
    out.flush();
    return 0;
  }

  private void explain(PrintWriter out) throws Exception {
    // read as summarize reads it: Latin-1 decoded, gzip by content, binary refused
    String text =
        dev.precis.ingest.ArticleSources.readText(
            explain, new dev.precis.ingest.Limits(dev.precis.ingest.Limits.DEFAULT_MAX_FILE_BYTES));
    RuleBasedCleaner.Explanation e = new RuleBasedCleaner().explain(null, text);
    out.println("title: " + e.title());
    for (RuleBasedCleaner.LineVerdict v : e.lines()) {
      out.println((v.kept() ? "keep  " : "drop  [" + v.dropReason() + "] ") + v.cleaned());
    }
    out.flush();
  }

  /**
   * The development set in {@code dir} and, when present, the held-out set in {@code dir/heldout}.
   */
  private static Map<String, Path> sets(Path dir) {
    Map<String, Path> sets = new LinkedHashMap<>();
    sets.put("dev", dir);
    if (Files.isDirectory(dir.resolve("heldout"))) {
      sets.put("held-out", dir.resolve("heldout"));
    }
    return sets;
  }

  private void cleaner(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "Boilerplate cleaner on %s (positive class = drop; dev = rules developed on it)%n%n",
        cleanerSet);
    out.println(
        "| cleaner | set | source | lines | drop | drop precision | drop recall | keep precision |"
            + " keep recall | accuracy |");
    out.println("|---|---|---|---|---|---|---|---|---|---|");
    List<CleanerEvaluation.Outcome> wrong = new java.util.ArrayList<>();
    for (Map.Entry<String, Path> set : sets(cleanerSet).entrySet()) {
      List<CleanerEvaluation.LabelledDocument> docs = CleanerEvaluation.load(set.getValue());
      CleanerEvaluation.Result rules = CleanerEvaluation.run(docs, new RuleBasedCleaner());
      for (Map.Entry<String, CleanerEvaluation.Counts> e : rules.counts().entrySet()) {
        if (!e.getKey().equals("all")) {
          row(out, "RuleBasedCleaner", set.getKey(), e.getKey(), e.getValue());
        }
      }
      row(out, "RuleBasedCleaner", set.getKey(), "all", rules.counts().get("all"));
      CleanerEvaluation.Result none =
          CleanerEvaluation.run(docs, new dev.precis.text.BlankLineCleaner());
      row(out, "BlankLineCleaner (keep all)", set.getKey(), "all", none.counts().get("all"));
      rules.outcomes().stream().filter(o -> !o.correct()).forEach(wrong::add);
    }
    if (errors) {
      out.println();
      for (CleanerEvaluation.Outcome o : wrong) {
        out.printf(
            Locale.ROOT,
            "  %s %s [%s] %s%n",
            o.line().drop() ? "MISSED-DROP" : "WRONG-DROP ",
            o.line().source(),
            o.line().doc(),
            abbreviate(o.line().text()));
      }
    }
  }

  private static void row(
      PrintWriter out, String name, String set, String source, CleanerEvaluation.Counts c) {
    out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
        name,
        set,
        source,
        c.total(),
        c.truePositive() + c.falseNegative(),
        c.dropPrecision(),
        c.dropRecall(),
        c.keepPrecision(),
        c.keepRecall(),
        c.accuracy());
  }

  private void splitters(PrintWriter out) {
    Map<String, SentenceSplitter> splitters = new LinkedHashMap<>();
    splitters.put("RuleBasedSentenceSplitter (Precis)", new RuleBasedSentenceSplitter());
    splitters.put("RegexSentenceSplitter (baseline)", new RegexSentenceSplitter());
    // OpenNLP logs through SLF4J; without a provider SLF4J warns on stderr
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    splitters.put("OpenNLP en-sent 1.3.0", OpenNlpSentenceSplitter.english());
    out.printf(
        Locale.ROOT, "Sentence splitters on %s (dev = rules developed on it)%n%n", sentenceSet);
    out.println(
        "| splitter | set | source | boundaries | boundary precision | boundary recall | boundary"
            + " F1 | sentence accuracy |");
    out.println("|---|---|---|---|---|---|---|---|");
    List<String> errorLines = new java.util.ArrayList<>();
    for (Map.Entry<String, Path> set : sets(sentenceSet).entrySet()) {
      List<SplitterEvaluation.Paragraph> paragraphs = SplitterEvaluation.load(set.getValue());
      boolean first = true;
      for (Map.Entry<String, SentenceSplitter> e : splitters.entrySet()) {
        SplitterEvaluation.Result r = SplitterEvaluation.run(paragraphs, e.getValue());
        if (first) {
          errorLines.addAll(r.errors());
          first = false;
        }
        for (Map.Entry<String, SplitterEvaluation.Counts> c : r.counts().entrySet()) {
          SplitterEvaluation.Counts k = c.getValue();
          out.printf(
              Locale.ROOT,
              "| %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
              e.getKey(),
              set.getKey(),
              c.getKey(),
              k.truePositive() + k.falseNegative(),
              k.precision(),
              k.recall(),
              k.f1(),
              k.sentenceAccuracy());
        }
      }
    }
    if (errors) {
      out.println();
      for (String error : errorLines) {
        out.println("  " + error);
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 140 ? s.substring(0, 140) + "..." : s;
  }
}

package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.ingest.InputException;
import dev.precis.text.BoilerplateCleaner;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a {@link BoilerplateCleaner} on the labelled line set in {@code datasets/cleaner/}: {@code
 * documents.jsonl} ({@code doc}, {@code source}, {@code text}: whole articles as scraped) and
 * {@code lines.tsv} ({@code source, doc, label, line}: each line or, in flattened one-line
 * documents, each span labelled {@code keep} or {@code drop}).
 *
 * <p>The cleaner runs on whole documents (titles, repeats and footers depend on context). Its
 * output is aligned with the input by a longest common subsequence over whitespace tokens; a
 * labelled line counts as kept when at least half of its tokens survive. This scores any cleaner,
 * including ones that cut inside lines, without asking it how it decided.
 */
public final class CleanerEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A labelled line of a document. */
  public record LabelledLine(String source, String doc, boolean drop, String text) {}

  /** A document with its labelled lines, in text order. */
  public record LabelledDocument(
      String doc, String source, String text, List<LabelledLine> lines) {}

  /** The cleaner's decision on one labelled line. */
  public record Outcome(LabelledLine line, boolean predictedDrop, double keptShare) {
    public boolean correct() {
      return line.drop() == predictedDrop;
    }
  }

  /** Confusion counts with "drop" as the positive class. */
  public record Counts(int truePositive, int falsePositive, int falseNegative, int trueNegative) {
    Counts plus(boolean gold, boolean predicted) {
      return new Counts(
          truePositive + (gold && predicted ? 1 : 0),
          falsePositive + (!gold && predicted ? 1 : 0),
          falseNegative + (gold && !predicted ? 1 : 0),
          trueNegative + (!gold && !predicted ? 1 : 0));
    }

    public int total() {
      return truePositive + falsePositive + falseNegative + trueNegative;
    }

    public double dropPrecision() {
      return ratio(truePositive, truePositive + falsePositive);
    }

    public double dropRecall() {
      return ratio(truePositive, truePositive + falseNegative);
    }

    public double keepPrecision() {
      return ratio(trueNegative, trueNegative + falseNegative);
    }

    public double keepRecall() {
      return ratio(trueNegative, trueNegative + falsePositive);
    }

    public double accuracy() {
      return ratio(truePositive + trueNegative, total());
    }

    private static double ratio(int a, int b) {
      return b == 0 ? 1.0 : (double) a / b;
    }
  }

  /** All outcomes, and counts per source and in total (key "all"). */
  public record Result(List<Outcome> outcomes, Map<String, Counts> counts) {}

  private CleanerEvaluation() {}

  /** Reads {@code documents.jsonl} and {@code lines.tsv} from {@code dir}. */
  public static List<LabelledDocument> load(Path dir) {
    Map<String, String[]> texts = new LinkedHashMap<>();
    Path documents = dir.resolve("documents.jsonl");
    Path lines = dir.resolve("lines.tsv");
    if (!Files.isRegularFile(documents) || !Files.isRegularFile(lines)) {
      throw new InputException(
          "no labelled cleaner set in " + dir + " (documents.jsonl, lines.tsv)");
    }
    try (BufferedReader r = Files.newBufferedReader(documents, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode n = JSON.readTree(line);
          texts.put(
              n.get("doc").asText(),
              new String[] {n.get("source").asText(), n.get("text").asText()});
        }
      }
      Map<String, List<LabelledLine>> byDoc = new LinkedHashMap<>();
      List<String> rows = Files.readAllLines(lines, StandardCharsets.UTF_8);
      for (int i = 1; i < rows.size(); i++) {
        String[] f = rows.get(i).split("\t", 4);
        if (f.length < 4) {
          continue;
        }
        if (!texts.containsKey(f[1])) {
          throw new InputException("lines.tsv line " + (i + 1) + ": unknown document " + f[1]);
        }
        byDoc
            .computeIfAbsent(f[1], k -> new ArrayList<>())
            .add(new LabelledLine(f[0], f[1], f[2].equals("drop"), f[3]));
      }
      List<LabelledDocument> out = new ArrayList<>();
      for (Map.Entry<String, List<LabelledLine>> e : byDoc.entrySet()) {
        String[] t = texts.get(e.getKey());
        out.add(new LabelledDocument(e.getKey(), t[0], t[1], e.getValue()));
      }
      return out;
    } catch (IOException e) {
      throw new InputException("cannot read " + dir + ": " + e.getMessage());
    }
  }

  /** Cleans every document and scores the labelled lines. */
  public static Result run(List<LabelledDocument> docs, BoilerplateCleaner cleaner) {
    List<Outcome> outcomes = new ArrayList<>();
    Map<String, Counts> counts = new LinkedHashMap<>();
    for (LabelledDocument d : docs) {
      String cleaned = cleaner.clean(null, d.text()).text();
      List<int[]> inTokens = tokens(d.text());
      boolean[] kept = alignKept(d.text(), inTokens, cleaned);
      int cursor = 0;
      for (LabelledLine l : d.lines()) {
        int at = d.text().indexOf(l.text(), cursor);
        if (at < 0) {
          throw new InputException("labelled line not found in " + d.doc() + ": " + l.text());
        }
        int end = at + l.text().length();
        cursor = end;
        int total = 0;
        int survived = 0;
        for (int t = 0; t < inTokens.size(); t++) {
          int[] tok = inTokens.get(t);
          if (tok[0] >= at && tok[1] <= end) {
            total++;
            if (kept[t]) {
              survived++;
            }
          }
        }
        double share = total == 0 ? 0 : (double) survived / total;
        boolean predictedDrop = share < 0.5;
        outcomes.add(new Outcome(l, predictedDrop, share));
        counts.merge(
            l.source(),
            new Counts(0, 0, 0, 0).plus(l.drop(), predictedDrop),
            CleanerEvaluation::sum);
        counts.merge(
            "all", new Counts(0, 0, 0, 0).plus(l.drop(), predictedDrop), CleanerEvaluation::sum);
      }
    }
    return new Result(outcomes, counts);
  }

  private static Counts sum(Counts a, Counts b) {
    return new Counts(
        a.truePositive() + b.truePositive(), a.falsePositive() + b.falsePositive(),
        a.falseNegative() + b.falseNegative(), a.trueNegative() + b.trueNegative());
  }

  /** Whitespace-separated tokens as [start, end) offsets. */
  static List<int[]> tokens(String s) {
    List<int[]> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean space = i == s.length() || isSpace(s.charAt(i));
      if (space && start >= 0) {
        out.add(new int[] {start, i});
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
  }

  /** For each input token, whether it survives in the output (LCS alignment of tokens). */
  private static boolean[] alignKept(String input, List<int[]> inTokens, String output) {
    List<int[]> outTokens = tokens(output);
    int n = inTokens.size();
    int m = outTokens.size();
    String[] a = new String[n];
    String[] b = new String[m];
    for (int i = 0; i < n; i++) {
      a[i] = input.substring(inTokens.get(i)[0], inTokens.get(i)[1]);
    }
    for (int j = 0; j < m; j++) {
      b[j] = output.substring(outTokens.get(j)[0], outTokens.get(j)[1]);
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    boolean[] kept = new boolean[n];
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (a[i].equals(b[j])) {
        kept[i] = true;
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return kept;
  }
}

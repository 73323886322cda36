package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.ingest.InputException;
import dev.precis.text.SentenceSplitter;
import dev.precis.text.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a {@link SentenceSplitter} on the labelled set in {@code datasets/sentences/}: {@code
 * gold.jsonl}, one paragraph a line ({@code source}, {@code doc}, {@code sentences}); the
 * paragraph's text is its sentences joined by single spaces. A boundary is the start of every
 * sentence but the first; precision and recall are over boundaries, sentence accuracy is the share
 * of gold sentences the splitter returns exactly.
 */
public final class SplitterEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One labelled paragraph: its text and the gold sentence spans. */
  public record Paragraph(String source, String doc, String text, List<Span> sentences) {
    public Paragraph {
      sentences = List.copyOf(sentences);
    }
  }

  /** Boundary counts and exact-sentence counts. */
  public record Counts(
      int truePositive, int falsePositive, int falseNegative, int sentences, int exact) {
    Counts plus(Counts o) {
      return new Counts(
          truePositive + o.truePositive,
          falsePositive + o.falsePositive,
          falseNegative + o.falseNegative,
          sentences + o.sentences,
          exact + o.exact);
    }

    public double precision() {
      return truePositive + falsePositive == 0
          ? 1
          : (double) truePositive / (truePositive + falsePositive);
    }

    public double recall() {
      return truePositive + falseNegative == 0
          ? 1
          : (double) truePositive / (truePositive + falseNegative);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double sentenceAccuracy() {
      return sentences == 0 ? 1 : (double) exact / sentences;
    }
  }

  /** Counts per source and in total (key "all"), and a readable line per error. */
  public record Result(Map<String, Counts> counts, List<String> errors) {}

  private SplitterEvaluation() {}

  /** Reads {@code gold.jsonl} from {@code dir}. */
  public static List<Paragraph> load(Path dir) {
    Path gold = dir.resolve("gold.jsonl");
    if (!Files.isRegularFile(gold)) {
      throw new InputException("no labelled sentence set in " + dir + " (gold.jsonl)");
    }
    List<Paragraph> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        for (JsonNode s : n.get("sentences")) {
          if (text.length() > 0) {
            text.append(' ');
          }
          int start = text.length();
          text.append(s.asText());
          spans.add(new Span(start, text.length()));
        }
        out.add(
            new Paragraph(n.get("source").asText(), n.get("doc").asText(), text.toString(), spans));
      }
    } catch (IOException e) {
      throw new InputException("cannot read " + gold + ": " + e.getMessage());
    }
    return out;
  }

  public static int sentences(List<Paragraph> paragraphs) {
    return paragraphs.stream().mapToInt(p -> p.sentences().size()).sum();
  }

  public static int boundaries(List<Paragraph> paragraphs) {
    return paragraphs.stream().mapToInt(p -> p.sentences().size() - 1).sum();
  }

  /** Splits every paragraph and scores it. */
  public static Result run(List<Paragraph> paragraphs, SentenceSplitter splitter) {
    Map<String, Counts> counts = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      List<Span> predicted = splitter.split(p.text());
      Set<Integer> gold = new HashSet<>();
      for (int i = 1; i < p.sentences().size(); i++) {
        gold.add(p.sentences().get(i).start());
      }
      Set<Integer> found = new HashSet<>();
      for (int i = 1; i < predicted.size(); i++) {
        found.add(predicted.get(i).start());
      }
      int tp = 0;
      for (int b : found) {
        if (gold.contains(b)) {
          tp++;
        } else {
          errors.add("spurious " + p.doc() + ": " + context(p.text(), b));
        }
      }
      for (int b : gold) {
        if (!found.contains(b)) {
          errors.add("missed   " + p.doc() + ": " + context(p.text(), b));
        }
      }
      Set<Span> spans = new HashSet<>(predicted);
      int exact = 0;
      for (Span s : p.sentences()) {
        if (spans.contains(s)) {
          exact++;
        }
      }
      Counts c = new Counts(tp, found.size() - tp, gold.size() - tp, p.sentences().size(), exact);
      counts.merge(p.source(), c, Counts::plus);
      counts.merge("all", c, Counts::plus);
    }
    Map<String, Counts> ordered = new LinkedHashMap<>();
    counts.keySet().stream()
        .filter(k -> !k.equals("all"))
        .sorted()
        .forEach(k -> ordered.put(k, counts.get(k)));
    ordered.put("all", counts.get("all"));
    return new Result(ordered, errors);
  }

  private static String context(String text, int at) {
    int a = Math.max(0, at - 50);
    int b = Math.min(text.length(), at + 40);
    return text.substring(a, at).replace('\n', ' ')
        + " || "
        + text.substring(at, b).replace('\n', ' ');
  }
}

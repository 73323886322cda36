package dev.precis.facts;

import dev.precis.ingest.RawArticle;
import dev.precis.text.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures the fact extractors against the labelled sets in {@code datasets/facts/}: entity
 * mentions (precision/recall, typed and untyped) and merging (pairwise precision/recall, false
 * merges listed), quotations (detection precision/recall, speaker accuracy) and figures (extraction
 * precision/recall/F1, range, kind and counted-noun accuracy). Files are grouped into stories by
 * their folder, as a story clusterer would deliver them.
 */
public final class FactsEvaluation {
  /** One line of the report. */
  public record Score(String component, String measure, double value, String detail) {
    /** A share: {@code hits} of {@code total} (0 when there is nothing to count). */
    static Score fraction(String component, String measure, int hits, int total) {
      return new Score(component, measure, LabelledFacts.ratio(hits, total), hits + "/" + total);
    }

    /** Labelled facts left out of the scores (gone from the cleaned text). */
    static Score skipped(String component, String measure, int count) {
      return new Score(component, measure, count, String.valueOf(count));
    }
  }

  private final LabelledFacts facts;
  private final EntityScoring entities;
  private final QuoteScoring quotes;
  private final NumberScoring numbers;

  /**
   * @param prepareAndSplit cleans and splits the articles of one story (e.g. {@code raw ->
   *     precis.split(precis.prepareAll(raw))}), indexed in story order
   * @param root the repository root (files in the labels are relative to it)
   * @param data the folder holding {@code entity-forms.tsv}, {@code quotes.tsv}, {@code
   *     numbers.tsv}
   */
  public FactsEvaluation(
      Function<List<RawArticle>, List<Document>> prepareAndSplit, Path root, Path data) {
    this.facts = new LabelledFacts(prepareAndSplit, root, data);
    this.entities = new EntityScoring(facts);
    this.quotes = new QuoteScoring(facts);
    this.numbers = new NumberScoring(facts);
  }

  /** Errors seen while scoring (misses, false alarms, wrong speakers), for inspection. */
  public List<String> errors() {
    return facts.errors();
  }

  /** Runs every component and returns the report lines. */
  public List<Score> run() {
    List<String[]> entityRows = facts.rows("entity-forms.tsv");
    List<String[]> quoteRows = facts.rows("quotes.tsv");
    List<String[]> numberRows = facts.rows("numbers.tsv");
    for (List<String[]> rows : List.of(entityRows, quoteRows, numberRows)) {
      for (String[] r : rows) {
        facts.register(r[0]);
      }
    }
    List<Score> out = new ArrayList<>();
    out.addAll(entities.score(entityRows));
    out.addAll(quotes.score(quoteRows));
    out.addAll(numbers.score(numberRows));
    return out;
  }

  /**
   * The headline scores per source of the labelled articles, e.g. the bundled example (looked at
   * while building the extractors) apart from held-out articles.
   *
   * @param sources source name → prefix of the labelled files' paths (as written in the labels)
   */
  public List<Score> bySource(Map<String, String> sources) {
    List<Score> out = new ArrayList<>();
    List<String> errors = facts.errors();
    int errorCount = errors.size();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      String name = e.getKey();
      String source = e.getValue();
      java.util.function.Predicate<String[]> in = r -> r[0].startsWith(source);
      for (Score sc : entities.score(facts.rows("entity-forms.tsv").stream().filter(in).toList())) {
        if (sc.measure().equals("mention F1")
            || sc.measure().startsWith("false merges")
            || sc.measure().startsWith("merge recall")) {
          out.add(new Score("entities (" + name + ")", sc.measure(), sc.value(), sc.detail()));
        }
      }
      for (Score sc : quotes.score(facts.rows("quotes.tsv").stream().filter(in).toList())) {
        if (sc.measure().startsWith("speaker accuracy")
            || sc.measure().equals("detection recall")) {
          out.add(new Score("quotes (" + name + ")", sc.measure(), sc.value(), sc.detail()));
        }
      }
      for (Score sc : numbers.score(facts.rows("numbers.tsv").stream().filter(in).toList())) {
        if (sc.measure().equals("extraction F1") || sc.measure().startsWith("extraction recall")) {
          out.add(new Score("numbers (" + name + ")", sc.measure(), sc.value(), sc.detail()));
        }
      }
    }
    errors.subList(errorCount, errors.size()).clear();
    return out;
  }

  /**
   * CPU time of one fact extraction per cluster of {@code clusterDir} (one sub-folder of article
   * files each, e.g. the ten 10-article MultiLing clusters), after {@code warmup} extractions. CPU
   * time of the extracting thread, so other load on the machine does not inflate it.
   */
  public static double cpuMillisPerCluster(
      Function<List<RawArticle>, List<Document>> prepareAndSplit,
      Path clusterDir,
      int warmup,
      int runs)
      throws IOException {
    List<List<Document>> clusters = new ArrayList<>();
    try (var topics = Files.list(clusterDir)) {
      for (Path topic : topics.sorted().toList()) {
        if (!Files.isDirectory(topic)) {
          continue;
        }
        List<RawArticle> articles = new ArrayList<>();
        try (var files = Files.list(topic)) {
          for (Path f : files.sorted().toList()) {
            articles.add(
                RawArticle.ofText(
                    f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
          }
        }
        clusters.add(prepareAndSplit.apply(articles));
      }
    }
    FactExtractor extractor = FactExtractor.standard();
    for (int i = 0; i < warmup; i++) {
      extractor.extract(clusters.get(i % clusters.size()));
    }
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = mx.getCurrentThreadCpuTime();
    for (int i = 0; i < runs; i++) {
      extractor.extract(clusters.get(i % clusters.size()));
    }
    return (mx.getCurrentThreadCpuTime() - start) / 1e6 / runs;
  }

  // ------------------------------------------------------------------ entities
}

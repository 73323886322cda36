package dev.precis.summarize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The registry of summarizers by name: one place where algorithms are listed. */
public final class Summarizers {
  private static final Map<String, Supplier<Summarizer>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("default", ConceptSummarizer::new);
    BY_NAME.put("coverage", CoverageSummarizer::new);
    // baselines (the "oracle" upper bound reads references: see OracleSummarizer)
    BY_NAME.put("lead", LeadSummarizer::new);
    BY_NAME.put("random", RandomSummarizer::new);
    BY_NAME.put("lexrank", LexRankSummarizer::new);
    BY_NAME.put("textrank", TextRankSummarizer::new);
    BY_NAME.put("centroid", CentroidSummarizer::new);
    BY_NAME.put("mmr", MmrSummarizer::new);
  }

  private Summarizers() {}

  /** The summarizer called {@code name}; throws with the list of known names otherwise. */
  public static Summarizer byName(String name) {
    Supplier<Summarizer> s = BY_NAME.get(name);
    if (s == null && name.equals("oracle")) {
      throw new IllegalArgumentException(
          "the oracle reads the reference summaries: use it in 'precis eval'");
    }
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown summarizer '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return s.get();
  }

  public static Set<String> names() {
    return BY_NAME.keySet();
  }
}

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
    BY_NAME.put("concepts", ConceptSummarizer::new);
    BY_NAME.put("coverage", CoverageSummarizer::new);
  }

  private Summarizers() {}

  /** The summarizer called {@code name}; throws with the list of known names otherwise. */
  public static Summarizer byName(String name) {
    Supplier<Summarizer> s = BY_NAME.get(name);
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

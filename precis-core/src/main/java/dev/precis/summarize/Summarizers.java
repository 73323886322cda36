package dev.precis.summarize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Summarizers by name, for command lines and APIs that take a name: an immutable map from one name
 * per algorithm to a factory. {@link #standard()} holds the product's summarizers; {@link #with}
 * adds any other {@link Summarizer} (the comparison baselines of {@code precis-eval}, or a user's
 * own) under a name of its own.
 */
public final class Summarizers {
  private static final Summarizers STANDARD =
      new Summarizers(Map.of())
          .with("default", ConceptSummarizer::new)
          .with("coverage", CoverageSummarizer::new);

  private final Map<String, Supplier<? extends Summarizer>> byName;

  private Summarizers(Map<String, Supplier<? extends Summarizer>> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** The product's summarizers: {@code default} (concept coverage) and {@code coverage}. */
  public static Summarizers standard() {
    return STANDARD;
  }

  /** A registry with {@code name} added, or bound to another factory when it was there. */
  public Summarizers with(String name, Supplier<? extends Summarizer> factory) {
    if (name == null || name.isBlank() || factory == null) {
      throw new IllegalArgumentException("a summarizer needs a name and a factory");
    }
    Map<String, Supplier<? extends Summarizer>> next = new LinkedHashMap<>(byName);
    next.put(name, factory);
    return new Summarizers(next);
  }

  /** A new summarizer called {@code name}; throws with the list of known names otherwise. */
  public Summarizer create(String name) {
    Supplier<? extends Summarizer> s = byName.get(name);
    if (s == null && "oracle".equals(name)) {
      throw new IllegalArgumentException(
          "the oracle reads the reference summaries: use it in 'precis eval'");
    }
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown summarizer '" + name + "' (known: " + String.join(", ", names()) + ")");
    }
    return s.get();
  }

  /** Throws like {@link #create} when {@code name} is unknown: for checking options early. */
  public void check(String name) {
    create(name);
  }

  public Set<String> names() {
    return byName.keySet();
  }
}

package dev.precis.text.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named stop-word list of the analysis chain. Every list lives in one resource, {@code
 * stopwords.txt} next to this class, as a section per variant; a variant extends another by
 * including it, so the lists share their common core instead of being copies.
 *
 * <ul>
 *   <li>{@link #ENGLISH}: English function words
 *   <li>{@link #CONCEPTS}: for summary concepts and citations
 *   <li>{@link #NEWS}: for story clustering (adds reporting verbs and calendar words)
 *   <li>{@link #COUNTED_NOUN_ENDS}: words that end the noun phrase a figure counts
 *   <li>{@link #NOT_NAMES}: capitalised words that never start or form a name
 * </ul>
 */
public final class StopWords {
  private static final Map<String, Set<String>> LISTS = load();

  public static final StopWords ENGLISH = named("english");
  public static final StopWords CONCEPTS = named("concepts");
  public static final StopWords NEWS = named("news");
  public static final StopWords COUNTED_NOUN_ENDS = named("counted-noun-ends");
  public static final StopWords NOT_NAMES = named("not-names");

  private final String name;
  private final Set<String> words;

  private StopWords(String name, Set<String> words) {
    this.name = name;
    this.words = words;
  }

  /** The list called {@code name} in {@code stopwords.txt}; throws for an unknown name. */
  public static StopWords named(String name) {
    Set<String> words = LISTS.get(name);
    if (words == null) {
      throw new IllegalArgumentException(
          "no stop-word list '" + name + "' (known: " + String.join(", ", LISTS.keySet()) + ")");
    }
    return new StopWords(name, words);
  }

  public String name() {
    return name;
  }

  /** Whether {@code term} (lower case) is on the list. */
  public boolean contains(String term) {
    return words.contains(term);
  }

  /** Every word of the list, lower case, unmodifiable. */
  public Set<String> words() {
    return words;
  }

  private static Map<String, Set<String>> load() {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    try (InputStream in = StopWords.class.getResourceAsStream("stopwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("stopwords.txt is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> current = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          current = new java.util.ArrayList<>();
          sections.put(line.substring(1, line.length() - 1), current);
        } else if (current != null) {
          current.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String name : sections.keySet()) {
      out.put(name, Set.copyOf(resolve(name, sections, new HashSet<>())));
    }
    return out;
  }

  private static Set<String> resolve(
      String name, Map<String, List<String>> sections, Set<String> visiting) {
    List<String> lines = sections.get(name);
    if (lines == null || !visiting.add(name)) {
      throw new IllegalStateException("stopwords.txt: bad or circular include of '" + name + "'");
    }
    Set<String> words = new HashSet<>();
    for (String line : lines) {
      if (line.startsWith("@")) {
        words.addAll(resolve(line.substring(1), sections, visiting));
      } else {
        words.add(line);
      }
    }
    visiting.remove(name);
    return words;
  }
}

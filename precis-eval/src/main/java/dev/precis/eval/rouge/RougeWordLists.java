package dev.precis.eval.rouge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The word lists ROUGE-1.5.5 reads, shipped as resources under {@code dev/precis/eval/rouge/}: the
 * SMART stop-word list ({@code -s}) and the WordNet 2.0 exception table ({@code -m}). See {@code
 * WORDNET-LICENSE.txt} there for their terms.
 */
public final class RougeWordLists {
  private static final String BASE = "/dev/precis/eval/rouge/";

  private static final Set<String> STOP_WORDS = loadStopWords();
  private static final Map<String, String> EXCEPTIONS = loadExceptions();

  private RougeWordLists() {}

  /** Every line of {@code smart_common_words.txt}; a token is removed when it equals one. */
  public static Set<String> stopWords() {
    return STOP_WORDS;
  }

  /**
   * Inflected form → first base form on its line, filled from adj, adv, noun, verb in that order, a
   * later line replacing an earlier one: this reproduces the table inside ROUGE-1.5.5's {@code
   * WordNet-2.0.exc.db} (5,930 entries; {@code better} → {@code well}).
   */
  public static Map<String, String> exceptions() {
    return EXCEPTIONS;
  }

  private static Set<String> loadStopWords() {
    Set<String> words = new HashSet<>();
    try (BufferedReader r = open("smart_common_words.txt")) {
      String line;
      while ((line = r.readLine()) != null) {
        words.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableSet(words);
  }

  private static Map<String, String> loadExceptions() {
    Map<String, String> table = new HashMap<>(8192);
    for (String file : new String[] {"adj.exc", "adv.exc", "noun.exc", "verb.exc"}) {
      try (BufferedReader r = open(file)) {
        String line;
        while ((line = r.readLine()) != null) {
          String[] parts = line.trim().split("\\s+");
          if (parts.length >= 2) {
            table.put(parts[0], parts[1]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Collections.unmodifiableMap(table);
  }

  private static BufferedReader open(String name) {
    InputStream in = RougeWordLists.class.getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + BASE + name);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
  }
}

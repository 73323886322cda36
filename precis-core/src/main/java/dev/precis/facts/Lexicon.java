package dev.precis.facts;

import dev.precis.text.analysis.StopWords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists the fact extractors read: places and demonyms, organisations, person titles, words
 * that mark organisation or place names, and capitalised function words. All are plain text
 * resources in {@code dev/precis/facts/}, written for Precis.
 */
final class Lexicon {
  /** Normalised alias → canonical place name. */
  final Map<String, String> places = new HashMap<>();

  /** Normalised demonym ("russian") → canonical place ("Russia"). */
  final Map<String, String> demonyms = new HashMap<>();

  /** Normalised alias → canonical organisation name. */
  final Map<String, String> organizations = new HashMap<>();

  /** Person titles, lower-case, split into words. */
  final Set<String> titles = new HashSet<>();

  /** Single words occurring in titles ("minister", "secretary"). */
  final Set<String> titleWords = new HashSet<>();

  /** Words that qualify a title without being one ("deputy", "foreign", "permanent"). */
  final Set<String> titleModifiers = new HashSet<>();

  /** Common given names, lower-case. */
  final Set<String> givenNames;

  final Set<String> orgWords;
  final Set<String> placeWords;
  final Set<String> functionWords;

  /** Longest title in words. */
  final int maxTitleWords;

  private static final Lexicon INSTANCE = new Lexicon();

  static Lexicon get() {
    return INSTANCE;
  }

  private Lexicon() {
    for (String line : lines("places.txt")) {
      String[] parts = line.split("\\|");
      String canonical = parts[0].trim();
      places.put(norm(canonical), canonical);
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].trim();
        if (p.startsWith("=")) {
          demonyms.put(norm(p.substring(1)), canonical);
        } else {
          places.put(norm(p), canonical);
        }
      }
    }
    for (String line : lines("organizations.txt")) {
      String[] parts = line.split("\\|");
      for (String p : parts) {
        organizations.put(norm(p.trim()), parts[0].trim());
      }
    }
    int max = 1;
    for (String t : lines("titles.txt")) {
      String title = t.toLowerCase(Locale.ROOT).trim();
      titles.add(title);
      String[] words = title.split(" ");
      max = Math.max(max, words.length);
      titleWords.add(words[words.length - 1]);
      for (int i = 0; i < words.length - 1; i++) {
        if (!words[i].equals("of")) {
          titleModifiers.add(words[i]);
        }
      }
    }
    maxTitleWords = max;
    orgWords = new HashSet<>(lines("orgwords.txt"));
    placeWords = new HashSet<>(lines("placewords.txt"));
    functionWords = StopWords.NOT_NAMES.words();
    givenNames = new HashSet<>();
    for (String line : lines("given-names.txt")) {
      for (String n : line.split("\\s+")) {
        givenNames.add(n.toLowerCase(Locale.ROOT));
      }
    }
    titleWords.removeAll(Set.of("state", "general", "of"));
    titleModifiers.removeAll(titleWords);
  }

  /** Lower-case, accents and dots removed, "’" as "'", spaces collapsed: the key for look-ups. */
  static String norm(String s) {
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain =
          c < 128
              && c != '.'
              && !(c == ' ' && (i == 0 || s.charAt(i - 1) == ' '))
              && c != '\t'
              && c != '\n';
    }
    if (plain && !s.endsWith(" ")) {
      return s.toLowerCase(Locale.ROOT); // the common case: ASCII, single spaces, no dots
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    n = n.replace('’', '\'').replace(".", "").toLowerCase(Locale.ROOT);
    return n.replaceAll("\\s+", " ").trim();
  }

  boolean isTitleWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return titleWords.contains(w) || titleWords.contains(w + ".");
  }

  boolean isFunctionWord(String word) {
    return functionWords.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
  }

  static List<String> lines(String name) {
    InputStream in = Lexicon.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource dev/precis/facts/" + name);
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

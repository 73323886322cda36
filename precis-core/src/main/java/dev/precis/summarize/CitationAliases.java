package dev.precis.summarize;

import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a sentence speaks of, learned from the cluster itself: news articles introduce a name with
 * its descriptors ("Russian Foreign Minister Sergei Lavrov", "Lavrov, Russia's foreign minister")
 * and later write only those ("the Russian minister"). Per cluster, each name (the last word of a
 * run of capitalised words that the cluster never writes in lower case) collects the content words
 * of its introductions: the rest of its run, the words just before it back to a stop word or
 * punctuation, and an appositive after a comma. A sentence that carries two or more of a name's
 * descriptors, without the name, is read as speaking of it.
 *
 * <p>No list of people or titles: the descriptors come from the cluster's own sentences, compared
 * by their {@link CitationTerms#key} (so "Russia's" and "Russian" meet through the lexicon).
 */
final class CitationAliases {

  /** The feature names this class adds to {@link CitationEvidence#FEATURES}. */
  static final List<String> FEATURES = List.of("alias_cover_mine", "entities_shared");

  /** Descriptors a sentence must carry, without the name, to be read as speaking of it. */
  static final int MIN_DESCRIPTORS = 2;

  /** Words looked at before a name and in an appositive after it. */
  private static final int BEFORE = 3;

  private static final int APPOSITIVE = 6;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** Vocabulary ids of the names' keys -> vocabulary ids of their descriptors. */
  private final Map<Integer, Set<Integer>> descriptors = new HashMap<>();

  /** Vocabulary id of a descriptor -> the names it describes. */
  private final Map<Integer, List<Integer>> describes = new HashMap<>();

  /** Per indexed sentence: the names it writes, and those it speaks of by descriptors. */
  private final int[][] named;

  private final int[][] described;

  private final Set<String> lowerCaseWords = new HashSet<>();
  private final ToIntFunction<String> idOfKey;

  /**
   * @param sentences every indexed sentence
   * @param idOfKey the vocabulary id of a {@link CitationTerms#key}, -1 when none
   * @param words each sentence's words, as {@link dev.precis.text.analysis.Analyzer#words} gives
   *     them
   */
  CitationAliases(
      List<Sentence> sentences, ToIntFunction<String> idOfKey, List<List<String>> words) {
    this.idOfKey = idOfKey;
    List<List<Token>> tokens = new ArrayList<>();
    for (Sentence s : sentences) {
      List<Token> t = tokens(s.text());
      tokens.add(t);
      for (int k = 1; k < t.size(); k++) {
        if (!t.get(k).capital) {
          lowerCaseWords.add(t.get(k).lower);
        }
      }
    }
    named = new int[sentences.size()][];
    for (int i = 0; i < sentences.size(); i++) {
      named[i] = learn(tokens.get(i));
    }
    for (Map.Entry<Integer, Set<Integer>> e : descriptors.entrySet()) {
      e.getValue().remove(e.getKey());
      for (int d : e.getValue()) {
        describes.computeIfAbsent(d, k -> new ArrayList<>()).add(e.getKey());
      }
    }
    described = new int[sentences.size()][];
    for (int i = 0; i < sentences.size(); i++) {
      described[i] = resolve(words.get(i), named[i]);
    }
  }

  private record Token(String lower, boolean capital, boolean punctuationBefore, boolean comma) {}

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    int last = 0;
    while (m.find()) {
      String gap = text.substring(last, m.start());
      String w = m.group();
      out.add(
          new Token(
              w.toLowerCase(Locale.ROOT),
              Character.isUpperCase(w.charAt(0)),
              !gap.isBlank() && !gap.strip().equals("'") && !gap.strip().equals("\u2019"),
              gap.contains(",")));
      last = m.end();
    }
    return out;
  }

  /** A name word: capitalised here, never lower case in the cluster, not a lexicon concept. */
  private boolean nameWord(Token t) {
    if (!t.capital || t.lower.length() < 2 || lowerCaseWords.contains(t.lower)) {
      return false;
    }
    String key = CitationTerms.key(t.lower);
    return key != null && !key.startsWith("=");
  }

  /** Records the descriptors of each name of one sentence; returns the names' ids. */
  private int[] learn(List<Token> t) {
    List<Integer> names = new ArrayList<>();
    for (int k = 0; k < t.size(); k++) {
      boolean runEnds =
          k + 1 == t.size() || !t.get(k + 1).capital || t.get(k + 1).punctuationBefore;
      if (!t.get(k).capital || !runEnds) {
        continue;
      }
      int start = k;
      while (start > 0 && t.get(start - 1).capital && !t.get(start).punctuationBefore) {
        start--;
      }
      int last = k;
      while (last >= start && !nameWord(t.get(last))) {
        last--;
      }
      if (last < start) {
        continue; // no name word (a sentence's first word counts: the cluster never lowers it)
      }
      int name = idOfKey.applyAsInt(CitationTerms.key(t.get(last).lower));
      if (name < 0) {
        continue;
      }
      names.add(name);
      Set<Integer> d = descriptors.computeIfAbsent(name, x -> new HashSet<>());
      for (int j = start; j <= k; j++) {
        if (j != last) {
          add(d, t.get(j).lower);
        }
      }
      for (int j = start - 1, n = 0; j >= 0 && n < BEFORE; j--, n++) {
        if (t.get(j + 1).punctuationBefore || !add(d, t.get(j).lower)) {
          break;
        }
      }
      if (k + 1 < t.size() && t.get(k + 1).comma) {
        for (int j = k + 1; j < t.size() && j <= k + APPOSITIVE; j++) {
          if (j > k + 1 && t.get(j).punctuationBefore) {
            break;
          }
          add(d, t.get(j).lower);
        }
      }
    }
    return names.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
  }

  /** Adds a word's id to the descriptors; false for a word with no key (a stop word). */
  private boolean add(Set<Integer> d, String word) {
    String key = CitationTerms.key(word);
    int id = key == null ? -1 : idOfKey.applyAsInt(key);
    if (id >= 0) {
      d.add(id);
    }
    return key != null;
  }

  /**
   * The names a sentence speaks of by descriptors without writing them: a run of adjacent words
   * ("the Russian minister"; one-letter tokens such as the s of "Russia's" skipped) holding at
   * least {@link #MIN_DESCRIPTORS} distinct descriptors of the name, the longest such run deciding.
   */
  private int[] resolve(List<String> tokens, int[] names) {
    int[] ids = new int[tokens.size()];
    for (int k = 0; k < ids.length; k++) {
      String t = tokens.get(k);
      String key = t.length() == 1 ? null : CitationTerms.key(t);
      ids[k] = t.length() == 1 ? SKIP : key == null ? -1 : idOfKey.applyAsInt(key);
    }
    Map<Integer, Integer> best = new HashMap<>();
    for (int k = 0; k < ids.length; k++) {
      List<Integer> candidates = ids[k] < 0 ? null : describes.get(ids[k]);
      if (candidates == null) {
        continue;
      }
      for (int name : candidates) {
        Set<Integer> d = descriptors.get(name);
        Set<Integer> run = new HashSet<>();
        for (int j = k; j < ids.length && (ids[j] == SKIP || d.contains(ids[j])); j++) {
          if (ids[j] != SKIP) {
            run.add(ids[j]);
          }
        }
        best.merge(name, run.size(), Math::max);
      }
    }
    int top = best.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return best.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_DESCRIPTORS && e.getValue() == top)
        .mapToInt(Map.Entry::getKey)
        .filter(n -> Arrays.binarySearch(names, n) < 0)
        .sorted()
        .toArray();
  }

  /** A one-letter token inside a descriptor run (the s of "Russia's"). */
  private static final int SKIP = -2;

  /** A probe's names and the names it describes. */
  record Entities(int[] named, int[] described) {}

  Entities entities(String text, List<String> words) {
    int[] names = learnless(tokens(text));
    return new Entities(names, resolve(words, names));
  }

  /** The names of a sentence that is not indexed (nothing learned from it). */
  private int[] learnless(List<Token> t) {
    List<Integer> names = new ArrayList<>();
    for (int k = 0; k < t.size(); k++) {
      if (nameWord(t.get(k))) {
        int id = idOfKey.applyAsInt(CitationTerms.key(t.get(k).lower));
        if (id >= 0) {
          names.add(id);
        }
      }
    }
    return names.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
  }

  /**
   * The two features of a candidate (sentence {@code at}, or it and the next): the share of the
   * summary sentence's weight the candidate has when a name on one side meets its descriptors on
   * the other, and the share of the sentence's entities (named or described) the candidate has.
   */
  double[] features(
      Entities mine,
      int[] myWords,
      int[] otherWords,
      int at,
      boolean pair,
      double[] idf,
      double myMass) {
    int[] otherNamed = pair ? union(named[at], named[at + 1]) : named[at];
    int[] otherDescribed = pair ? union(described[at], described[at + 1]) : described[at];
    double covered = 0;
    for (int w : myWords) {
      if (w < 0) {
        continue;
      }
      boolean has = Arrays.binarySearch(otherWords, w) >= 0;
      // my name that the other only describes, or my descriptor of a name the other writes
      has = has || Arrays.binarySearch(otherDescribed, w) >= 0;
      has = has || describesAny(w, mine.described(), otherNamed);
      covered += has ? idf[w] : 0;
    }
    int[] myEntities = union(mine.named(), mine.described());
    int[] otherEntities = union(otherNamed, otherDescribed);
    int shared = 0;
    for (int e : myEntities) {
      shared += Arrays.binarySearch(otherEntities, e) >= 0 ? 1 : 0;
    }
    return new double[] {
      myMass <= 0 ? 0 : Math.min(1, covered / myMass),
      myEntities.length == 0 ? 0.5 : (double) shared / myEntities.length
    };
  }

  /** Whether word {@code w} describes one of the names I describe that the other writes. */
  private boolean describesAny(int w, int[] myDescribed, int[] otherNamed) {
    for (int n : myDescribed) {
      if (Arrays.binarySearch(otherNamed, n) >= 0 && descriptors.get(n).contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static int[] union(int[] a, int[] b) {
    if (b.length == 0) {
      return a;
    }
    int[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return Arrays.stream(all).sorted().distinct().toArray();
  }
}

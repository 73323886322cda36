package dev.precis.summarize;

import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link CitationFinder} compares of a sentence: its content words, word pairs and figures.
 */
final class CitationTerms {
  private CitationTerms() {}

  /** Words a match on says nothing about the claim: reporting verbs and titles. */
  private static final Set<String> WEAK =
      Set.of(
          "said",
          "say",
          "says",
          "saying",
          "told",
          "tell",
          "according",
          "report",
          "reported",
          "mr",
          "ms",
          "mrs",
          "also",
          "would",
          "will",
          "one",
          "new",
          "year",
          "time",
          "people");

  /**
   * The content of a sentence for matching: distinct content-word ids (sorted), adjacent
   * content-word pairs (sorted keys) and its figures.
   */
  record Terms(int[] words, long[] bigrams, Map<String, String> numbers) {

    static Terms of(String text, Map<String, Integer> vocab, boolean grow) {
      Map<String, String> numbers = CitationFigures.figures(text);
      List<String> tokens = new ArrayList<>();
      Analyzer.CONCEPTS.words(text, tokens);
      int[] ids = new int[tokens.size() + numbers.size()];
      long[] pairs = new long[tokens.size()];
      int n = 0;
      int p = 0;
      int prev = Integer.MIN_VALUE;
      for (String t : tokens) {
        if (Character.isDigit(t.charAt(0)) || CitationFigures.isNumberWord(t)) {
          continue; // figures are matched whole, below
        }
        if (Analyzer.CONCEPTS.isStopWord(t) || t.length() == 1 || WEAK.contains(t)) {
          continue;
        }
        int id = id(Analyzer.CONCEPTS.stem(t), vocab, grow);
        ids[n++] = id;
        if (prev != Integer.MIN_VALUE && prev >= 0 && id >= 0) {
          pairs[p++] = ((long) prev << 32) | (id & 0xffffffffL);
        }
        prev = id;
      }
      for (String x : numbers.keySet()) {
        ids[n++] = id("#" + x, vocab, grow);
      }
      return new Terms(distinct(ids, n), distinctSorted(pairs, p), numbers);
    }

    static Terms union(Terms a, Terms b) {
      int[] w = Arrays.copyOf(a.words, a.words.length + b.words.length);
      System.arraycopy(b.words, 0, w, a.words.length, b.words.length);
      long[] g = Arrays.copyOf(a.bigrams, a.bigrams.length + b.bigrams.length);
      System.arraycopy(b.bigrams, 0, g, a.bigrams.length, b.bigrams.length);
      Map<String, String> nums = new HashMap<>(a.numbers);
      b.numbers.forEach(nums::putIfAbsent);
      return new Terms(distinct(w, w.length), distinctSorted(g, g.length), nums);
    }

    private static int id(String key, Map<String, Integer> vocab, boolean grow) {
      Integer id = vocab.get(key);
      if (id == null) {
        if (!grow) {
          return -1;
        }
        id = vocab.size();
        vocab.put(key, id);
      }
      return id;
    }

    private static int[] distinct(int[] a, int n) {
      return Arrays.stream(a, 0, n).sorted().distinct().toArray();
    }

    private static long[] distinctSorted(long[] a, int n) {
      return Arrays.stream(a, 0, n).sorted().distinct().toArray();
    }
  }

  /** Length in words of the longest run of words the two texts share, in order. */
  static int longestCommonRun(String a, String b) {
    List<String> x = new ArrayList<>();
    List<String> y = new ArrayList<>();
    Analyzer.CONCEPTS.words(a, x);
    Analyzer.CONCEPTS.words(b, y);
    int best = 0;
    int[] prev = new int[y.size() + 1];
    int[] cur = new int[y.size() + 1];
    for (int i = 1; i <= x.size(); i++) {
      for (int j = 1; j <= y.size(); j++) {
        cur[j] = x.get(i - 1).equals(y.get(j - 1)) ? prev[j - 1] + 1 : 0;
        best = Math.max(best, cur[j]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
      Arrays.fill(cur, 0);
    }
    return best;
  }

  /** Share of the capitalised words (after the first) of {@code mine} found in {@code other}. */
  static double nameOverlap(String mine, String other) {
    String[] words = mine.split("[^\\p{L}\\p{N}]+");
    String lower = " " + other.toLowerCase(Locale.ROOT) + " ";
    int names = 0;
    int found = 0;
    for (int i = 1; i < words.length; i++) {
      String w = words[i];
      if (w.length() > 1 && Character.isUpperCase(w.charAt(0))) {
        names++;
        found += lower.contains(w.toLowerCase(Locale.ROOT)) ? 1 : 0;
      }
    }
    return names == 0 ? 0.5 : (double) found / names;
  }

  private static final Pattern QUOTED =
      Pattern.compile("[\"\u201c\u2018']([^\"\u201d\u2019']{3,})[\"\u201d\u2019']");

  /** Share of the weight of the words the sentence quotes that the other has: 0.5 when none. */
  /** The words a sentence quotes ('...', "...", curly quotes), joined; empty when none. */
  static String quoted(String text) {
    Matcher m = QUOTED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      out.append(m.group(1)).append(' ');
    }
    return out.toString().strip();
  }
}

package dev.precis.summarize;

import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
      int[] c = Arrays.copyOf(a, n);
      Arrays.sort(c);
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (k == 0 || c[i] != c[k - 1]) {
          c[k++] = c[i];
        }
      }
      return Arrays.copyOf(c, k);
    }

    private static long[] distinctSorted(long[] a, int n) {
      long[] c = Arrays.copyOf(a, n);
      Arrays.sort(c);
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (k == 0 || c[i] != c[k - 1]) {
          c[k++] = c[i];
        }
      }
      return Arrays.copyOf(c, k);
    }
  }
}

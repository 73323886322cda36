package dev.precis.facts;

import dev.precis.facts.QuoteExtractor.Found;
import dev.precis.model.Citation;
import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the quotations found in a story's articles: the same quotation (most word trigrams shared)
 * reported by several articles becomes one quote, its speaker chosen by the strongest attributions.
 */
final class QuoteMerger {
  /**
   * Quotations remembered per trigram. A trigram in more quotations than this (one quotation
   * repeated thousands of times) is compared with the first ones only, which are already its group,
   * so the work stays linear in the quotations.
   */
  private static final int MAX_POSTINGS = 256;

  private QuoteMerger() {}

  /**
   * The words of a quotation as the analysis chain reads them (letter-digit runs, lower-cased, stop
   * words kept: a quotation's trigrams are mostly function words).
   */
  static List<String> words(String s) {
    return Analyzer.CONCEPTS.words(s);
  }

  private static Set<String> trigrams(List<String> w) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 2 < w.size(); i++) {
      out.add(w.get(i) + ' ' + w.get(i + 1) + ' ' + w.get(i + 2));
    }
    if (w.size() < 3) {
      out.add(String.join(" ", w));
    }
    return out;
  }

  /**
   * Whether two versions are one quotation: most of the shorter one's trigrams are in the other.
   */
  static boolean sameQuote(String a, String b) {
    return sameQuote(trigrams(words(a)), trigrams(words(b)));
  }

  private static boolean sameQuote(Set<String> ta, Set<String> tb) {
    Set<String> small = ta.size() <= tb.size() ? ta : tb;
    Set<String> large = small == ta ? tb : ta;
    if (small.isEmpty()) {
      return false;
    }
    int hit = 0;
    for (String g : small) {
      if (large.contains(g)) {
        hit++;
      }
    }
    return hit >= 2 && hit >= 0.6 * small.size();
  }

  static List<Quote> merge(List<Found> found, List<Entity> entities) {
    int n = found.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    List<Set<String>> grams = new ArrayList<>(n);
    for (Found f : found) {
      grams.add(trigrams(words(f.text())));
    }
    // each quotation is compared only with the earlier ones it shares a trigram with (an index
    // from trigram to quotations), not with every other: comparing all pairs made a story of
    // twenty 200 KB articles take seconds, its cost growing with the square of its quotations
    Map<String, List<Integer>> postings = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Map<Integer, Integer> shared = new HashMap<>();
      for (String g : grams.get(i)) {
        List<Integer> earlier = postings.computeIfAbsent(g, k -> new ArrayList<>());
        for (int j : earlier) {
          shared.merge(j, 1, Integer::sum);
        }
        if (earlier.size() < MAX_POSTINGS) {
          earlier.add(i);
        }
      }
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        int j = e.getKey();
        int hit = e.getValue();
        int small = Math.min(grams.get(i).size(), grams.get(j).size());
        if (hit >= 2 && hit >= 0.6 * small) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Integer, List<Found>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(found.get(i));
    }
    List<Quote> out = new ArrayList<>();
    for (List<Found> g : groups.values()) {
      Found longest = g.stream().max(Comparator.comparingInt(f -> f.text().length())).orElseThrow();
      Map<Integer, Integer> votes = new HashMap<>();
      for (Found f : g) {
        if (f.speaker() != null) {
          votes.merge(f.speaker(), f.strength(), Integer::sum);
        }
      }
      Integer speaker =
          votes.entrySet().stream()
              .max(
                  Map.Entry.<Integer, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
              .map(Map.Entry::getKey)
              .orElse(null);
      Set<String> variants = new LinkedHashSet<>();
      List<Citation> citations = new ArrayList<>();
      for (Found f : g) {
        if (!f.text().equals(longest.text())) {
          variants.add(f.text());
        }
        if (!citations.contains(f.citation())) {
          citations.add(f.citation());
        }
      }
      out.add(
          new Quote(
              longest.text(),
              speaker == null ? null : entities.get(speaker).name(),
              new ArrayList<>(variants),
              citations));
    }
    out.sort(
        Comparator.comparingLong((Quote q) -> -q.outlets())
            .thenComparingInt(q -> q.citations().get(0).document())
            .thenComparingInt(q -> q.citations().get(0).start()));
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}

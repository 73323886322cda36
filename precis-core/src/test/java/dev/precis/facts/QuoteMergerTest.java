package dev.precis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.model.Citation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The trigram index that replaced the all-pairs comparison merges exactly the quotations the
 * pairwise rule ({@link QuoteMerger#sameQuote}) joins: checked against that rule run on every pair.
 */
class QuoteMergerTest {
  private static final String[] WORDS =
      "the minister said we will not accept any deal that harms our farmers or workers today"
          .split(" ");

  @Test
  void mergesExactlyWhatThePairwiseRuleJoins() {
    Random random = new Random(15);
    List<QuoteExtractor.Found> found = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder b = new StringBuilder();
      int start = random.nextInt(WORDS.length);
      int length = 3 + random.nextInt(8);
      for (int k = 0; k < length; k++) {
        // mostly runs of the sentence (shared trigrams), sometimes a word out of place
        String w =
            random.nextInt(5) == 0
                ? WORDS[random.nextInt(WORDS.length)]
                : WORDS[(start + k) % WORDS.length];
        b.append(k == 0 ? "" : " ").append(w);
      }
      found.add(
          new QuoteExtractor.Found(
              i % 7, i, i + 1, b.toString(), null, 0, new Citation(i % 7, i, i + 1)));
    }
    List<Set<String>> expected = pairwiseGroups(found);
    List<Set<String>> actual = new ArrayList<>();
    for (Quote q : QuoteMerger.merge(found, List.of())) {
      Set<String> texts = new HashSet<>(q.variants());
      texts.add(q.text());
      actual.add(texts);
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected.size()).isBetween(5, 395); // some merged, some not
  }

  @Test
  void oneQuotationRepeatedThousandsOfTimesIsOneQuote() {
    List<QuoteExtractor.Found> found = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      found.add(
          new QuoteExtractor.Found(
              i % 20,
              i,
              i + 1,
              "we will not accept any deal that harms our farmers",
              null,
              0,
              new Citation(i % 20, i, i + 1)));
    }
    List<Quote> merged = QuoteMerger.merge(found, List.of());
    assertThat(merged).hasSize(1);
    assertThat(merged.get(0).citations()).hasSize(5_000);
  }

  private static List<Set<String>> pairwiseGroups(List<QuoteExtractor.Found> found) {
    int n = found.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (QuoteMerger.sameQuote(found.get(i).text(), found.get(j).text())) {
          parent[root(parent, j)] = root(parent, i);
        }
      }
    }
    java.util.Map<Integer, Set<String>> groups = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(root(parent, i), k -> new HashSet<>()).add(found.get(i).text());
    }
    return new ArrayList<>(groups.values());
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }
}

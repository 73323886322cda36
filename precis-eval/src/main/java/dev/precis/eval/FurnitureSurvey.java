package dev.precis.eval;

import dev.precis.Precis;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.text.FurnitureSentenceFilter;
import dev.precis.text.RuleBasedSentenceSplitter;
import dev.precis.text.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds sentences that recur across unrelated story clusters: the learner of {@link
 * FurnitureSentenceFilter}'s list and the check of how much furniture summaries carry. A sentence
 * (in its {@link FurnitureSentenceFilter#key normalized form}, {@link
 * FurnitureSentenceFilter#MIN_WORDS} words or more) found in the documents of at least {@code
 * minClusters} distinct clusters is furniture: a cluster is one story, so its news does not recur
 * in others word for word.
 */
public final class FurnitureSurvey {
  /** Cleans as the product does, splits without the filter: the filter's own input. */
  private static final Precis UNFILTERED =
      Precis.builder().splitter(new RuleBasedSentenceSplitter()).build();

  private final Map<String, Integer> clustersByKey = new HashMap<>();

  /** Counts the distinct clusters each sentence of {@code clusters} occurs in. */
  public FurnitureSurvey(List<EvalCluster> clusters) {
    for (EvalCluster c : clusters) {
      Set<String> seen = new HashSet<>();
      for (RawArticle raw : c.documents()) {
        Article a = UNFILTERED.prepare(raw);
        for (Span s : new RuleBasedSentenceSplitter().split(a.text())) {
          String key = FurnitureSentenceFilter.key(s.of(a.text()));
          if (words(key) >= FurnitureSentenceFilter.MIN_WORDS) {
            seen.add(key);
          }
        }
      }
      for (String key : seen) {
        clustersByKey.merge(key, 1, Integer::sum);
      }
    }
  }

  /** In how many distinct clusters the sentence occurs (0 when never). */
  public int clusters(String sentence) {
    return clustersByKey.getOrDefault(FurnitureSentenceFilter.key(sentence), 0);
  }

  /** Hashes of every sentence found in at least {@code minClusters} clusters, sorted. */
  public List<String> recurringHashes(int minClusters) {
    TreeSet<String> out = new TreeSet<>();
    clustersByKey.forEach(
        (key, n) -> {
          if (n >= minClusters) {
            out.add(Long.toHexString(FurnitureSentenceFilter.hash(key)));
          }
        });
    return new ArrayList<>(out);
  }

  /**
   * Whether a summary sentence is furniture by this survey: it recurs in {@code minClusters}
   * clusters or more, is shaped like a timestamp or byline line, or opens with a dateline.
   */
  public boolean isFurniture(String sentence, int minClusters) {
    String key = FurnitureSentenceFilter.key(sentence);
    return (words(key) >= FurnitureSentenceFilter.MIN_WORDS
            && clustersByKey.getOrDefault(key, 0) >= minClusters)
        || FurnitureSentenceFilter.isTimestampLine(sentence)
        || FurnitureSentenceFilter.leadingStamp(sentence) > 0;
  }

  private static int words(String key) {
    return key.isEmpty() ? 0 : key.split(" ").length;
  }
}

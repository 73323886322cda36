package dev.precis.summarize;

import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Greedy concept coverage: concepts are word bigrams, weighted by the number of documents that
 * contain them; sentences are picked by covered weight per word until the budget is full. Output is
 * ordered by document then position.
 */
public final class CoverageSummarizer implements Summarizer {
  @Override
  public String name() {
    return "coverage";
  }

  @Override
  public List<Sentence> select(List<Document> documents, int maxWords) {
    Map<String, Integer> df = new HashMap<>();
    List<Sentence> all = new ArrayList<>();
    List<Set<String>> concepts = new ArrayList<>();
    for (Document d : documents) {
      Set<String> seen = new HashSet<>();
      for (Sentence s : d.sentences()) {
        Set<String> c = CitationFinder.bigrams(s.text().toLowerCase(Locale.ROOT));
        all.add(s);
        concepts.add(c);
        seen.addAll(c);
      }
      for (String c : seen) {
        df.merge(c, 1, Integer::sum);
      }
    }
    Set<String> covered = new HashSet<>();
    List<Sentence> chosen = new ArrayList<>();
    boolean[] used = new boolean[all.size()];
    int words = 0;
    while (true) {
      int best = -1;
      double bestScore = 0;
      for (int i = 0; i < all.size(); i++) {
        Sentence s = all.get(i);
        int w = s.words();
        if (used[i] || w < 5 || words + w > maxWords) {
          continue;
        }
        double gain = 0;
        for (String c : concepts.get(i)) {
          if (!covered.contains(c)) {
            gain += df.get(c);
          }
        }
        double score = gain / Math.sqrt(w);
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      chosen.add(all.get(best));
      covered.addAll(concepts.get(best));
      words += all.get(best).words();
    }
    chosen.sort(Comparator.comparingInt(Sentence::document).thenComparingInt(Sentence::index));
    return chosen;
  }
}

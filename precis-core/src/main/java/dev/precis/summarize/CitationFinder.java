package dev.precis.summarize;

import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds, for a summary sentence, every article that states the same content: identical or
 * near-identical sentences (word-bigram containment) in the other documents.
 */
public final class CitationFinder {
  /** Share of the shorter sentence's bigrams that must occur in the longer one. */
  private final double threshold;

  public CitationFinder() {
    this(0.6);
  }

  public CitationFinder(double threshold) {
    this.threshold = threshold;
  }

  /** Citations for {@code sentence}: its own position first, then the best match per document. */
  public List<Citation> cite(Sentence sentence, List<Document> documents) {
    List<Citation> out = new ArrayList<>();
    out.add(new Citation(sentence.document(), sentence.start(), sentence.end()));
    Set<String> mine = bigrams(sentence.text());
    if (mine.isEmpty()) {
      return out;
    }
    for (Document d : documents) {
      if (d.index() == sentence.document()) {
        continue;
      }
      Sentence best = null;
      double bestScore = threshold;
      for (Sentence other : d.sentences()) {
        double score = containment(mine, bigrams(other.text()));
        if (score >= bestScore) {
          bestScore = score;
          best = other;
        }
      }
      if (best != null) {
        out.add(new Citation(d.index(), best.start(), best.end()));
      }
    }
    return out;
  }

  private static double containment(Set<String> a, Set<String> b) {
    if (b.isEmpty()) {
      return 0;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int hit = 0;
    for (String g : small) {
      if (large.contains(g)) {
        hit++;
      }
    }
    return (double) hit / small.size();
  }

  static Set<String> bigrams(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<String> out = new HashSet<>();
    String prev = null;
    for (String t : w) {
      if (t.isEmpty()) {
        continue;
      }
      if (prev != null) {
        out.add(prev + ' ' + t);
      }
      prev = t;
    }
    return out;
  }
}

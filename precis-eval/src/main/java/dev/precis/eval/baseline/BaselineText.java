package dev.precis.eval.baseline;

import dev.precis.eval.rouge.RougeText;
import dev.precis.eval.rouge.RougeWordLists;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the classic baselines share: the candidate sentences of a cluster, their terms (lower-cased
 * alphanumeric runs, SMART stop words removed, Porter-stemmed as ROUGE stems) and tf-idf vectors
 * with sentences as the "documents" of the idf, and the budget filling rule. Kept in one place so
 * every baseline sees the same sentences and the same budget.
 */
final class BaselineText {
  /** Sentences shorter than this are headlines, datelines or fragments: never selected. */
  static final int MIN_WORDS = 6;

  final List<Sentence> sentences;
  final List<Map<String, Integer>> termCounts;
  final List<Map<String, Double>> tfidf;
  final List<Double> norms;
  final Map<String, Double> idf;

  private BaselineText(List<Sentence> sentences) {
    this.sentences = sentences;
    this.termCounts = new ArrayList<>(sentences.size());
    Map<String, Integer> df = new HashMap<>();
    for (Sentence s : sentences) {
      Map<String, Integer> tf = terms(s.text());
      termCounts.add(tf);
      for (String t : tf.keySet()) {
        df.merge(t, 1, Integer::sum);
      }
    }
    this.idf = new HashMap<>();
    int n = Math.max(1, sentences.size());
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      idf.put(e.getKey(), Math.log((double) n / e.getValue()) + 1.0);
    }
    this.tfidf = new ArrayList<>(sentences.size());
    this.norms = new ArrayList<>(sentences.size());
    for (Map<String, Integer> tf : termCounts) {
      Map<String, Double> v = new HashMap<>();
      double sq = 0;
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        double w = e.getValue() * idf.get(e.getKey());
        v.put(e.getKey(), w);
        sq += w * w;
      }
      tfidf.add(v);
      norms.add(Math.sqrt(sq));
    }
  }

  /** The cluster's candidate sentences (at least {@link #MIN_WORDS} words, deduplicated). */
  static BaselineText of(List<Document> documents) {
    List<Sentence> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Document d : documents) {
      for (Sentence s : d.sentences()) {
        if (s.words() >= MIN_WORDS && seen.add(s.text().strip().toLowerCase(Locale.ROOT))) {
          out.add(s);
        }
      }
    }
    return new BaselineText(out);
  }

  static Map<String, Integer> terms(String text) {
    Set<String> stop = RougeWordLists.stopWords();
    Map<String, Integer> tf = new HashMap<>();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        b.append((char) (c + 32));
      } else if (b.length() > 0) {
        String t = b.toString();
        b.setLength(0);
        if (!stop.contains(t)) {
          tf.merge(t.length() > 3 ? RougeText.stem(t) : t, 1, Integer::sum);
        }
      }
    }
    return tf;
  }

  int size() {
    return sentences.size();
  }

  /** Cosine similarity of the tf-idf vectors of sentences i and j. */
  double cosine(int i, int j) {
    return cosine(tfidf.get(i), norms.get(i), tfidf.get(j), norms.get(j));
  }

  static double cosine(Map<String, Double> a, double na, Map<String, Double> b, double nb) {
    if (na == 0 || nb == 0) {
      return 0;
    }
    if (a.size() > b.size()) {
      Map<String, Double> t = a;
      a = b;
      b = t;
    }
    double dot = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double w = b.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    return dot / (na * nb);
  }

  /**
   * Fills the budget in rank order: a sentence is taken when it fits and is not a near copy (cosine
   * above {@code maxSimilarity}) of one already taken. Returned in reading order.
   */
  List<Sentence> fill(List<Integer> ranked, int maxWords, double maxSimilarity) {
    List<Integer> chosen = new ArrayList<>();
    int words = 0;
    for (int i : ranked) {
      int w = sentences.get(i).words();
      if (words + w > maxWords) {
        continue;
      }
      boolean redundant = false;
      for (int c : chosen) {
        if (cosine(i, c) > maxSimilarity) {
          redundant = true;
          break;
        }
      }
      if (redundant) {
        continue;
      }
      chosen.add(i);
      words += w;
      if (maxWords - words < MIN_WORDS) {
        break;
      }
    }
    return inReadingOrder(chosen);
  }

  List<Sentence> inReadingOrder(List<Integer> chosen) {
    List<Sentence> out = new ArrayList<>();
    for (int i : chosen) {
      out.add(sentences.get(i));
    }
    out.sort(Comparator.comparingInt(Sentence::document).thenComparingInt(Sentence::index));
    return out;
  }

  /** Indexes sorted by descending score, ties by position. */
  static List<Integer> rank(double[] scores) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      idx.add(i);
    }
    idx.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : a - b);
    return idx;
  }

  /** Stationary distribution of a row-stochastic matrix by power iteration with damping. */
  static double[] pageRank(double[][] rowStochastic, double damping) {
    int n = rowStochastic.length;
    double[] p = new double[n];
    if (n == 0) {
      return p;
    }
    java.util.Arrays.fill(p, 1.0 / n);
    for (int iter = 0; iter < 100; iter++) {
      double[] next = new double[n];
      java.util.Arrays.fill(next, (1 - damping) / n);
      for (int i = 0; i < n; i++) {
        double[] row = rowStochastic[i];
        double pi = p[i] * damping;
        for (int j = 0; j < n; j++) {
          next[j] += pi * row[j];
        }
      }
      double diff = 0;
      for (int i = 0; i < n; i++) {
        diff += Math.abs(next[i] - p[i]);
      }
      p = next;
      if (diff < 1e-6) {
        break;
      }
    }
    return p;
  }

  /** Normalises rows to sum 1; an all-zero row becomes uniform (a dangling node). */
  static double[][] rowNormalise(double[][] w) {
    int n = w.length;
    for (double[] row : w) {
      double sum = 0;
      for (double x : row) {
        sum += x;
      }
      for (int j = 0; j < n; j++) {
        row[j] = sum > 0 ? row[j] / sum : 1.0 / n;
      }
    }
    return w;
  }
}

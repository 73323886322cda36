package dev.precis.summarize;

import dev.precis.text.Sentence;
import dev.precis.text.analysis.Analyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Similarity of two sentences in other words, from static word vectors: the cosine of their
 * weighted mean vectors, and a soft word alignment (each content word of one side meets its most
 * similar word of the other, a word with the same stem counting 1; the mean of those cosines,
 * weighted by the words' rarity in the cluster), both ways. "Illegal" meets "unlawful" and "dead"
 * meets "killed" by their vectors, without a hand-made list of such pairs.
 *
 * <p>Without vectors every feature is 0.
 */
final class CitationAlignment {

  /** The feature names this class adds to {@link CitationEvidence#FEATURES}. */
  static final List<String> FEATURES = List.of("vector_cosine", "align_mine", "align_other");

  private final Function<String, float[]> vectors;
  private final CitationEvidence evidence;
  private final Map<String, Integer> surfaceIds = new HashMap<>();

  /** Unit vector of each surface word, null where the table has none. */
  private final List<float[]> unit = new ArrayList<>();

  /** Vocabulary id of each surface word's key (-1: unknown), and its weight. */
  private final List<Integer> keyIds = new ArrayList<>();

  private final List<Double> weights = new ArrayList<>();

  /** The distinct surface words of each indexed sentence. */
  private final int[][] sentenceWords;

  /** Weighted sum of each indexed sentence's word vectors, filled on first use. */
  private final float[][] sentenceSums;

  CitationAlignment(CitationEvidence evidence, Function<String, float[]> vectors) {
    this.evidence = evidence;
    this.vectors = vectors;
    sentenceWords = new int[evidence.sentences.size()][];
    sentenceSums = new float[evidence.sentences.size()][];
    if (vectors != null) {
      for (int i = 0; i < sentenceWords.length; i++) {
        sentenceWords[i] = words(evidence.sentences.get(i).text());
      }
    }
  }

  /** The distinct content words of a text as surface ids (added to the table when new). */
  private int[] words(String text) {
    List<String> tokens = Analyzer.CONCEPTS.words(text);
    int[] ids = new int[tokens.size()];
    int n = 0;
    for (String t : tokens) {
      String key = CitationTerms.key(t);
      if (key == null) {
        continue;
      }
      Integer id = surfaceIds.get(t);
      if (id == null) {
        id = surfaceIds.size();
        surfaceIds.put(t, id);
        float[] v = vectors.apply(t);
        unit.add(v == null ? null : normalized(v));
        Integer k = evidence.vocab.get(key);
        keyIds.add(k == null ? -1 : k);
        weights.add(evidence.weight(new int[] {k == null ? -1 : k}));
      }
      ids[n++] = id;
    }
    return Arrays.stream(ids, 0, n).distinct().toArray();
  }

  private static float[] normalized(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    float[] out = v.clone();
    if (s > 0) {
      float inv = (float) (1 / Math.sqrt(s));
      for (int d = 0; d < out.length; d++) {
        out[d] *= inv;
      }
    }
    return out;
  }

  /** The summary sentence's side: its words and a cache of their similarities to others. */
  final class Side {
    private final int[] mine;
    private final float[] sum;
    private final float[][] similarity;

    private Side(Sentence sentence) {
      mine = vectors == null ? new int[0] : words(sentence.text());
      sum = vectors == null ? null : sum(mine);
      similarity = new float[mine.length][];
    }

    /** Cosine of my {@code k}-th word and surface word {@code u}; 1 for the same key. */
    private float similarity(int k, int u) {
      float[] row = similarity[k];
      if (row == null || row.length <= u) {
        float[] grown = new float[Math.max(u + 1, surfaceIds.size())];
        Arrays.fill(grown, Float.NaN);
        if (row != null) {
          System.arraycopy(row, 0, grown, 0, row.length);
        }
        row = grown;
        similarity[k] = row;
      }
      float s = row[u];
      if (Float.isNaN(s)) {
        int w = mine[k];
        if (w == u || (keyIds.get(w) >= 0 && keyIds.get(w).equals(keyIds.get(u)))) {
          s = 1;
        } else {
          float[] a = unit.get(w);
          float[] b = unit.get(u);
          s = a == null || b == null ? 0 : Math.max(0, dot(a, b));
        }
        row[u] = s;
      }
      return s;
    }
  }

  Side side(Sentence sentence) {
    return new Side(sentence);
  }

  /** The features of {@link #FEATURES} for sentence {@code at} (and the next, for a pair). */
  double[] features(Side side, int at, boolean pair) {
    if (vectors == null || side.mine.length == 0) {
      return new double[FEATURES.size()];
    }
    int[] other = pair ? union(sentenceWords[at], sentenceWords[at + 1]) : sentenceWords[at];
    float[] otherSum = sentenceSum(at);
    if (pair) {
      otherSum = otherSum.clone();
      float[] next = sentenceSum(at + 1);
      for (int d = 0; d < otherSum.length; d++) {
        otherSum[d] += next[d];
      }
    }
    double mineTotal = 0;
    double mineAligned = 0;
    for (int k = 0; k < side.mine.length; k++) {
      float best = 0;
      for (int u : other) {
        best = Math.max(best, side.similarity(k, u));
      }
      double w = weights.get(side.mine[k]);
      mineTotal += w;
      mineAligned += w * best;
    }
    double otherTotal = 0;
    double otherAligned = 0;
    for (int u : other) {
      float best = 0;
      for (int k = 0; k < side.mine.length; k++) {
        best = Math.max(best, side.similarity(k, u));
      }
      double w = weights.get(u);
      otherTotal += w;
      otherAligned += w * best;
    }
    return new double[] {
      cosine(side.sum, otherSum),
      mineTotal <= 0 ? 0 : mineAligned / mineTotal,
      otherTotal <= 0 ? 0 : otherAligned / otherTotal
    };
  }

  private float[] sentenceSum(int i) {
    if (sentenceSums[i] == null) {
      sentenceSums[i] = sum(sentenceWords[i]);
    }
    return sentenceSums[i];
  }

  /** The rarity-weighted sum of the unit vectors of some surface words. */
  private float[] sum(int[] ids) {
    float[] out = null;
    for (int u : ids) {
      float[] v = unit.get(u);
      if (v == null) {
        continue;
      }
      if (out == null) {
        out = new float[v.length];
      }
      float w = (float) (double) weights.get(u);
      for (int d = 0; d < v.length; d++) {
        out[d] += w * v[d];
      }
    }
    return out == null ? new float[0] : out;
  }

  private static double cosine(float[] a, float[] b) {
    if (a.length == 0 || b.length == 0) {
      return 0;
    }
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int d = 0; d < a.length; d++) {
      ab += a[d] * b[d];
      aa += a[d] * a[d];
      bb += b[d] * b[d];
    }
    return aa <= 0 || bb <= 0 ? 0 : ab / Math.sqrt(aa * bb);
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int d = 0; d < a.length; d++) {
      s += a[d] * b[d];
    }
    return s;
  }

  private static int[] union(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return Arrays.stream(out).distinct().toArray();
  }
}

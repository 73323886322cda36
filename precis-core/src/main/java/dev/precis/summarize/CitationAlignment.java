package dev.precis.summarize;

import dev.precis.text.analysis.Analyzer;
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

  /** Surface id of each token seen; -1 for a token that is not a content word. */
  private final Map<String, Integer> surfaceIds = new HashMap<>();

  /** Surface words in the table. */
  private int size;

  /** Unit vector of each surface word, null where the table has none. */
  private float[][] unit = new float[64][];

  /** Vocabulary id of each surface word's key (-1: unknown). */
  private int[] keyIds = new int[64];

  /** Weight of each surface word (its key's). */
  private double[] weights = new double[64];

  /** The distinct surface words of each indexed sentence, filled on first use. */
  private final int[][] sentenceWords;

  /** Weighted sum of each indexed sentence's word vectors, filled on first use. */
  private final float[][] sentenceSums;

  /**
   * Per surface word (as a summary sentence's word), its similarity to each surface word (NaN: not
   * yet computed): a pair's cosine is computed once per cluster, whichever summary sentences share
   * the word (the dot products are the cost).
   */
  private float[][] similarity = new float[64][];

  /** Per surface word, its best similarity to the words of each indexed sentence (NaN: not yet). */
  private float[][] bestInSentence = new float[64][];

  CitationAlignment(CitationEvidence evidence, Function<String, float[]> vectors) {
    this.evidence = evidence;
    this.vectors = vectors;
    sentenceWords = new int[evidence.sentences.size()][];
    sentenceSums = new float[evidence.sentences.size()][];
  }

  /** The distinct content words of indexed sentence {@code i}, filled on first use. */
  private int[] sentenceWords(int i) {
    if (sentenceWords[i] == null) {
      sentenceWords[i] = words(evidence.tokens.get(i));
    }
    return sentenceWords[i];
  }

  /**
   * The distinct content words of a sentence ({@link Analyzer#words}) as surface ids in the order
   * they first occur, added to the table when new.
   */
  private int[] words(List<String> tokens) {
    int[] ids = new int[tokens.size()];
    int n = 0;
    for (String t : tokens) {
      Integer id = surfaceIds.get(t);
      if (id == null) {
        id = add(t);
      }
      if (id < 0) {
        continue;
      }
      boolean seen = false;
      for (int k = 0; k < n && !seen; k++) {
        seen = ids[k] == id;
      }
      if (!seen) {
        ids[n++] = id;
      }
    }
    return Arrays.copyOf(ids, n);
  }

  /** Adds a token to the table: its surface id, or -1 when it is not a content word. */
  private int add(String t) {
    String key = CitationTerms.key(t);
    if (key == null) {
      surfaceIds.put(t, -1);
      return -1;
    }
    int id = size++;
    if (id == keyIds.length) {
      int grown = 2 * id;
      unit = Arrays.copyOf(unit, grown);
      keyIds = Arrays.copyOf(keyIds, grown);
      weights = Arrays.copyOf(weights, grown);
      similarity = Arrays.copyOf(similarity, grown);
      bestInSentence = Arrays.copyOf(bestInSentence, grown);
    }
    surfaceIds.put(t, id);
    float[] v = vectors.apply(t);
    unit[id] = v == null ? null : normalized(v);
    Integer k = evidence.vocab.get(key);
    keyIds[id] = k == null ? -1 : k;
    weights[id] = evidence.weight(new int[] {keyIds[id]});
    return id;
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

  /** The cosine of surface words {@code a} and {@code u}, 1 for the same key. */
  private float similarity(int a, int u) {
    float[] row = similarity[a];
    if (row == null || u >= row.length) {
      int old = row == null ? 0 : row.length;
      row =
          Arrays.copyOf(row == null ? new float[0] : row, Math.max(u + 1, Math.max(size, 2 * old)));
      Arrays.fill(row, old, row.length, Float.NaN);
      similarity[a] = row;
    }
    float s = row[u];
    if (Float.isNaN(s)) {
      int key = keyIds[u];
      if (a == u || (key >= 0 && key == keyIds[a])) {
        s = 1;
      } else {
        float[] x = unit[a];
        float[] y = unit[u];
        s = x == null || y == null ? 0 : dot(x, y);
      }
      row[u] = s;
    }
    return s;
  }

  /**
   * The best similarity of surface word {@code a} to the words of indexed sentence {@code at}
   * (scanning them in order, stopping at the first that is as good as the same word).
   */
  private float bestInSentence(int a, int at) {
    float[] row = bestInSentence[a];
    if (row == null) {
      row = new float[sentenceWords.length];
      Arrays.fill(row, Float.NaN);
      bestInSentence[a] = row;
    }
    float best = row[at];
    if (Float.isNaN(best)) {
      best = 0;
      for (int u : sentenceWords(at)) {
        best = Math.max(best, similarity(a, u));
        if (best >= 1) {
          break; // nothing beats the same word
        }
      }
      row[at] = best;
    }
    return best;
  }

  /** The summary sentence's side: its words, their vectors' sum, and their best matches. */
  final class Side {
    private final int[] mine;
    private final float[] sum;

    /** Vocabulary ids of my words' keys, sorted: a word with one of these keys counts 1. */
    private final int[] myKeys;

    /** Per surface word, its best similarity to my words (NaN: not yet computed). */
    private float[] bestOfOther = new float[0];

    private Side(List<String> tokens) {
      mine = vectors == null ? new int[0] : words(tokens);
      sum = vectors == null ? null : sum(mine);
      int[] keys = new int[mine.length];
      int n = 0;
      for (int a : mine) {
        if (keyIds[a] >= 0) {
          keys[n++] = keyIds[a];
        }
      }
      myKeys = Arrays.copyOf(keys, n);
      Arrays.sort(myKeys);
    }

    private float bestOfOther(int u) {
      if (u >= bestOfOther.length) {
        int old = bestOfOther.length;
        bestOfOther = Arrays.copyOf(bestOfOther, Math.max(u + 1, Math.max(size, 2 * old)));
        Arrays.fill(bestOfOther, old, bestOfOther.length, Float.NaN);
      }
      float best = bestOfOther[u];
      if (Float.isNaN(best)) {
        best = 0;
        int key = keyIds[u];
        if (key >= 0 && Arrays.binarySearch(myKeys, key) >= 0) {
          best = 1;
        } else if (unit[u] != null) {
          for (int a : mine) {
            best = Math.max(best, similarity(a, u));
          }
        }
        bestOfOther[u] = best;
      }
      return best;
    }
  }

  /** The side of a summary sentence with these words ({@link Analyzer#words}). */
  Side side(List<String> tokens) {
    return new Side(tokens);
  }

  /** The features of {@link #FEATURES} for sentence {@code at} (and the next, for a pair). */
  double[] features(Side side, int at, boolean pair) {
    if (vectors == null || side.mine.length == 0) {
      return new double[FEATURES.size()];
    }
    int[] other = pair ? union(sentenceWords(at), sentenceWords(at + 1)) : sentenceWords(at);
    float[] otherSum = sentenceSum(at);
    if (pair) {
      otherSum = otherSum.clone();
      float[] next = sentenceSum(at + 1);
      for (int d = 0; d < Math.min(otherSum.length, next.length); d++) {
        otherSum[d] += next[d];
      }
    }
    double mineTotal = 0;
    double mineAligned = 0;
    for (int a : side.mine) {
      double w = weights[a];
      mineTotal += w;
      float one = bestInSentence(a, at);
      mineAligned += w * (pair ? Math.max(one, bestInSentence(a, at + 1)) : one);
    }
    double otherTotal = 0;
    double otherAligned = 0;
    for (int u : other) {
      double w = weights[u];
      otherTotal += w;
      otherAligned += w * side.bestOfOther(u);
    }
    return new double[] {
      cosine(side.sum, otherSum),
      mineTotal <= 0 ? 0 : mineAligned / mineTotal,
      otherTotal <= 0 ? 0 : otherAligned / otherTotal
    };
  }

  private float[] sentenceSum(int i) {
    if (sentenceSums[i] == null) {
      sentenceSums[i] = sum(sentenceWords(i));
    }
    return sentenceSums[i];
  }

  /** The rarity-weighted sum of the unit vectors of some surface words. */
  private float[] sum(int[] ids) {
    float[] out = null;
    for (int u : ids) {
      float[] v = unit[u];
      if (v == null) {
        continue;
      }
      if (out == null) {
        out = new float[v.length];
      }
      float w = (float) weights[u];
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

  /** Dot product with four partial sums, which the JIT runs in parallel. */
  private static float dot(float[] a, float[] b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (int n = a.length & ~3; d < n; d += 4) {
      s0 += a[d] * b[d];
      s1 += a[d + 1] * b[d + 1];
      s2 += a[d + 2] * b[d + 2];
      s3 += a[d + 3] * b[d + 3];
    }
    for (; d < a.length; d++) {
      s0 += a[d] * b[d];
    }
    return Math.max(0, s0 + s1 + s2 + s3);
  }

  /** The words of {@code a} then those of {@code b} not in {@code a}, each once. */
  private static int[] union(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    int n = a.length;
    for (int u : b) {
      boolean seen = false;
      for (int k = 0; k < n && !seen; k++) {
        seen = out[k] == u;
      }
      if (!seen) {
        out[n++] = u;
      }
    }
    return Arrays.copyOf(out, n);
  }
}

package dev.precis.summarize;

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
  }

  /** The distinct content words of indexed sentence {@code i}, filled on first use. */
  private int[] sentenceWords(int i) {
    if (sentenceWords[i] == null) {
      sentenceWords[i] = words(evidence.tokens.get(i));
    }
    return sentenceWords[i];
  }

  /**
   * The distinct content words of a sentence ({@link Analyzer#words}) as surface ids, added to the
   * table when new.
   */
  private int[] words(List<String> tokens) {
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

  /**
   * The summary sentence's side: its words, and what has been computed of their similarities to the
   * candidates' words (each pair of words at most once: the dot products are the cost).
   */
  final class Side {
    private final int[] mine;
    private final float[] sum;

    /** Vocabulary ids of my words' keys, sorted: a word with one of these keys counts 1. */
    private final int[] myKeys;

    /** Per indexed sentence, the best similarity of each of my words to its words. */
    private final float[][] bestOfMine = new float[sentenceWords.length][];

    /** Per surface word, its best similarity to my words (NaN: not yet computed). */
    private float[] bestOfOther = new float[0];

    /** My unit vectors, null where a word has none. */
    private final float[][] myVectors;

    private Side(List<String> tokens) {
      mine = vectors == null ? new int[0] : words(tokens);
      sum = vectors == null ? null : sum(mine);
      myKeys = Arrays.stream(mine).map(keyIds::get).filter(k -> k >= 0).sorted().toArray();
      myVectors = new float[mine.length][];
      similarity = new float[mine.length][];
      for (int k = 0; k < mine.length; k++) {
        myVectors[k] = unit.get(mine[k]);
      }
    }

    /** Per word of mine, its similarity to each surface word (NaN: not yet computed). */
    private final float[][] similarity;

    /** The cosine of my {@code k}-th word and surface word {@code u}, 1 for the same key. */
    private float similarity(int k, int u) {
      float[] row = similarity[k];
      if (row == null || u >= row.length) {
        int old = row == null ? 0 : row.length;
        row = row == null ? new float[0] : row;
        row = Arrays.copyOf(row, Math.max(u + 1, surfaceIds.size()));
        Arrays.fill(row, old, row.length, Float.NaN);
        similarity[k] = row;
      }
      float s = row[u];
      if (Float.isNaN(s)) {
        int key = keyIds.get(u);
        if (mine[k] == u || (key >= 0 && key == keyIds.get(mine[k]))) {
          s = 1;
        } else {
          float[] a = myVectors[k];
          float[] b = unit.get(u);
          s = a == null || b == null ? 0 : dot(a, b);
        }
        row[u] = s;
      }
      return s;
    }

    private float[] bestOfMine(int at) {
      float[] best = bestOfMine[at];
      if (best == null) {
        best = new float[mine.length];
        for (int k = 0; k < mine.length; k++) {
          for (int u : sentenceWords(at)) {
            best[k] = Math.max(best[k], similarity(k, u));
            if (best[k] >= 1) {
              break; // nothing beats the same word
            }
          }
        }
        bestOfMine[at] = best;
      }
      return best;
    }

    private float bestOfOther(int u) {
      if (u >= bestOfOther.length) {
        int old = bestOfOther.length;
        bestOfOther = Arrays.copyOf(bestOfOther, Math.max(u + 1, surfaceIds.size()));
        Arrays.fill(bestOfOther, old, bestOfOther.length, Float.NaN);
      }
      float best = bestOfOther[u];
      if (Float.isNaN(best)) {
        best = 0;
        int key = keyIds.get(u);
        if (key >= 0 && Arrays.binarySearch(myKeys, key) >= 0) {
          best = 1;
        } else if (unit.get(u) != null) {
          for (int k = 0; k < mine.length; k++) {
            best = Math.max(best, similarity(k, u));
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
    float[] one = side.bestOfMine(at);
    float[] two = pair ? side.bestOfMine(at + 1) : null;
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
    for (int k = 0; k < side.mine.length; k++) {
      double w = weights.get(side.mine[k]);
      mineTotal += w;
      mineAligned += w * (pair ? Math.max(one[k], two[k]) : one[k]);
    }
    double otherTotal = 0;
    double otherAligned = 0;
    for (int u : other) {
      double w = weights.get(u);
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

  private static int[] union(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return Arrays.stream(out).distinct().toArray();
  }
}

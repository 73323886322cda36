package dev.precis.story;

import java.util.Arrays;

/**
 * A sparse, L2-normalised vector of term weights, terms sorted ascending so that dot products are a
 * merge of two sorted arrays.
 */
final class TermVector {
  final long[] terms;
  final float[] weights;

  /** 64-bit words of {@link #filter()}: 1,024 bits for at most 64 terms. */
  static final int FILTER_WORDS = 16;

  /** Its terms as a filter, made on first use ({@link #dotWith}). */
  private HashFilter filter;

  TermVector(long[] terms, float[] weights) {
    this.terms = terms;
    this.weights = weights;
  }

  private HashFilter filter() {
    if (filter == null) {
      filter = HashFilter.of(terms, FILTER_WORDS);
    }
    return filter;
  }

  /**
   * {@link #dot} of a sorted sparse vector ({@code at}, {@code aw}, {@code an} of them) with this
   * one, the same sum in the same order: an article is compared with up to {@link
   * StoryClusterer#MAX_CANDIDATES} centroids of 160 terms, most of which it lacks, and its filter
   * skips those without a search.
   */
  double dotWith(long[] at, float[] aw, int an) {
    HashFilter f = filter();
    double s = 0;
    int j = 0;
    int n = terms.length;
    for (int i = 0; i < an; i++) {
      long x = at[i];
      if (!f.mightContain(x)) {
        continue;
      }
      while (j < n && terms[j] < x) {
        j++;
      }
      if (j == n) {
        break;
      }
      if (terms[j] == x) {
        s += aw[i] * weights[j++];
      }
    }
    return s;
  }

  /**
   * Builds a TF-IDF vector ({@code (1 + ln tf) * idf}, entities boosted), keeping the {@code keep}
   * heaviest terms.
   */
  static TermVector of(TextFeatures f, DocumentFrequency df, double entityBoost, int keep) {
    long[] entities = f.entities();
    int n = f.terms().length;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      long t = f.terms()[i];
      double x = (1 + Math.log(f.counts()[i])) * df.idf(t);
      if (entities.length > 0 && Arrays.binarySearch(entities, t) >= 0) {
        x *= entityBoost;
      }
      w[i] = x;
    }
    int[] idx = topIndices(w, keep);
    Arrays.sort(idx);
    long[] terms = new long[idx.length];
    float[] weights = new float[idx.length];
    double norm = 0;
    for (int i = 0; i < idx.length; i++) {
      norm += w[idx[i]] * w[idx[i]];
    }
    norm = norm == 0 ? 1 : Math.sqrt(norm);
    for (int i = 0; i < idx.length; i++) {
      terms[i] = f.terms()[idx[i]];
      weights[i] = (float) (w[idx[i]] / norm);
    }
    return new TermVector(terms, weights);
  }

  /**
   * Indices of the {@code k} largest values (ties: lower index), in no particular order. Values
   * must not be negative. Sorts packed longs (weight bits, index): no boxing.
   */
  static int[] topIndices(double[] w, int k) {
    int n = w.length;
    if (n <= k) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      // non-negative floats order like their bits; the low half prefers lower indices
      keys[i] = ((long) Float.floatToIntBits((float) w[i]) << 32) | (0xffffffffL - i);
    }
    Arrays.sort(keys);
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = (int) (0xffffffffL - (keys[n - 1 - i] & 0xffffffffL));
    }
    return out;
  }

  /** The {@code k} heaviest terms, heaviest first. */
  long[] topTerms(int k) {
    double[] w = new double[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights[i];
    }
    int[] idx = topIndices(w, k);
    Arrays.sort(idx); // deterministic order is all that matters for the callers
    long[] out = new long[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = terms[idx[i]];
    }
    return out;
  }

  /** The weights of the given terms (which must be in this vector). */
  double[] weightsOf(long[] some) {
    double[] out = new double[some.length];
    for (int i = 0; i < some.length; i++) {
      int at = Arrays.binarySearch(terms, some[i]);
      out[i] = at >= 0 ? weights[at] : 0;
    }
    return out;
  }

  /** Dot product with another sorted sparse vector. */
  static double dot(long[] at, float[] aw, int an, long[] bt, float[] bw, int bn) {
    double s = 0;
    int i = 0;
    int j = 0;
    while (i < an && j < bn) {
      long x = at[i];
      long y = bt[j];
      if (x == y) {
        s += aw[i++] * bw[j++];
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
    }
    return s;
  }
}

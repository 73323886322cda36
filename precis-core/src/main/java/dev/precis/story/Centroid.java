package dev.precis.story;

import java.util.Arrays;

/**
 * The sum of a story's member vectors, pruned to its heaviest terms so that a story's memory does
 * not grow with its size.
 */
final class Centroid {
  private final int capacity;
  long[] terms = new long[0];
  float[] weights = new float[0];
  int size;
  private double norm;

  Centroid(int capacity) {
    this.capacity = capacity;
  }

  void add(long[] bt, float[] bw, int bn, float scale) {
    long[] t = new long[size + bn];
    float[] w = new float[size + bn];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < size || j < bn) {
      if (j >= bn || (i < size && terms[i] < bt[j])) {
        t[k] = terms[i];
        w[k++] = weights[i++];
      } else if (i >= size || bt[j] < terms[i]) {
        t[k] = bt[j];
        w[k++] = bw[j++] * scale;
      } else {
        t[k] = terms[i];
        w[k++] = weights[i++] + bw[j++] * scale;
      }
    }
    terms = t;
    weights = w;
    size = k;
    if (size > capacity) {
      prune();
    }
    double n = 0;
    for (int x = 0; x < size; x++) {
      n += (double) weights[x] * weights[x];
    }
    norm = Math.sqrt(n);
  }

  void add(TermVector v) {
    add(v.terms, v.weights, v.terms.length, 1f);
  }

  void add(Centroid other) {
    add(other.terms, other.weights, other.size, 1f);
  }

  void release() {
    terms = new long[0];
    weights = new float[0];
    size = 0;
    norm = 0;
  }

  /** Cosine similarity with a normalised vector. */
  double cosine(TermVector v) {
    if (norm == 0) {
      return 0;
    }
    return v.dotWith(terms, weights, size) / norm;
  }

  double cosine(Centroid other) {
    if (norm == 0 || other.norm == 0) {
      return 0;
    }
    return TermVector.dot(terms, weights, size, other.terms, other.weights, other.size)
        / (norm * other.norm);
  }

  /** Sum of the weights of the given terms (absent ones weigh nothing). */
  double weightOf(long[] query) {
    double sum = 0;
    for (long t : query) {
      int at = Arrays.binarySearch(terms, 0, size, t);
      if (at >= 0) {
        sum += weights[at];
      }
    }
    return sum;
  }

  private void prune() {
    double[] w = new double[size];
    for (int i = 0; i < size; i++) {
      w[i] = weights[i];
    }
    int[] idx = TermVector.topIndices(w, capacity);
    Arrays.sort(idx);
    long[] t = new long[idx.length];
    float[] nw = new float[idx.length];
    for (int i = 0; i < idx.length; i++) {
      t[i] = terms[idx[i]];
      nw[i] = weights[idx[i]];
    }
    terms = t;
    weights = nw;
    size = idx.length;
  }
}

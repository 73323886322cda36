package dev.precis.story;

/**
 * Document frequencies of term hashes, kept incrementally as articles arrive, in a fixed-size table
 * (hashed counters): memory does not grow with the vocabulary, at the price of rare collisions
 * between rare words.
 */
final class DocumentFrequency {
  /**
   * Pseudo-documents that contain none of the words: with few real documents (a handful of articles
   * about one event) the words they all share would otherwise get an IDF near zero, although they
   * are exactly what makes them one story. The prior fades as documents arrive.
   */
  static final double PRIOR_DOCUMENTS = 1000;

  private final int[] counts;
  private final int mask;
  private long documents;

  DocumentFrequency(int log2Size) {
    counts = new int[1 << log2Size];
    mask = counts.length - 1;
  }

  /** Counts one more document containing each of the (distinct) terms. */
  void add(long[] terms) {
    for (long t : terms) {
      int i = slot(t);
      if (counts[i] < Integer.MAX_VALUE) {
        counts[i]++;
      }
    }
    documents++;
  }

  /** Smoothed inverse document frequency: {@code ln((N + prior + 1) / (df + 0.5))}. */
  double idf(long term) {
    return Math.log((documents + PRIOR_DOCUMENTS + 1.0) / (counts[slot(term)] + 0.5));
  }

  /** {@link #idf(long)} of each term. */
  double[] idf(long[] terms) {
    double[] out = new double[terms.length];
    for (int i = 0; i < terms.length; i++) {
      out[i] = idf(terms[i]);
    }
    return out;
  }

  long documents() {
    return documents;
  }

  private int slot(long term) {
    return (int) (term ^ (term >>> 32)) & mask;
  }
}

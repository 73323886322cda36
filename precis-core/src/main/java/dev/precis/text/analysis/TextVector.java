package dev.precis.text.analysis;

import java.util.Arrays;

/**
 * The vector of a text from {@link WordVectors}: unit length, or all zeros when none of the text's
 * words is in the table. Immutable.
 *
 * <pre>{@code
 * double s = vectors.of(wordsA).cosine(vectors.of(wordsB));
 * }</pre>
 */
public final class TextVector {
  private final float[] values;
  private final int words;

  private TextVector(float[] values, int words) {
    this.values = values;
    this.words = words;
  }

  /**
   * {@code sum} scaled to unit length, minus {@code common}, scaled to unit length again ({@code
   * sum} is taken over, not copied); empty when no word counted.
   */
  static TextVector centred(float[] sum, int words, float[] common) {
    if (words == 0 || !scaleToUnit(sum)) {
      return new TextVector(new float[sum.length], 0);
    }
    for (int d = 0; d < sum.length; d++) {
      sum[d] -= common[d];
    }
    if (!scaleToUnit(sum)) {
      return new TextVector(new float[sum.length], 0);
    }
    return new TextVector(sum, words);
  }

  private static boolean scaleToUnit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += (double) x * x;
    }
    if (norm == 0) {
      return false;
    }
    float inv = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < v.length; d++) {
      v[d] *= inv;
    }
    return true;
  }

  /** How many of the text's words had a vector (0: the vector is empty). */
  public int words() {
    return words;
  }

  public boolean isEmpty() {
    return words == 0;
  }

  public int dimensions() {
    return values.length;
  }

  /** A copy of the components. */
  public float[] values() {
    return values.clone();
  }

  /** Cosine similarity (the dot product of unit vectors), 0 when either vector is empty. */
  public double cosine(TextVector other) {
    if (other.values.length != values.length) {
      throw new IllegalArgumentException(
          "vectors of " + values.length + " and " + other.values.length + " dimensions");
    }
    if (isEmpty() || other.isEmpty()) {
      return 0;
    }
    double dot = 0;
    for (int d = 0; d < values.length; d++) {
      dot += values[d] * other.values[d];
    }
    return dot;
  }

  static double cosine(float[] x, float[] y) {
    double dot = 0;
    double nx = 0;
    double ny = 0;
    for (int d = 0; d < x.length; d++) {
      dot += (double) x[d] * y[d];
      nx += (double) x[d] * x[d];
      ny += (double) y[d] * y[d];
    }
    return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextVector t && t.words == words && Arrays.equals(t.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + words;
  }
}

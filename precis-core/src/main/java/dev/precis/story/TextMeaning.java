package dev.precis.story;

import dev.precis.text.analysis.TextVector;
import dev.precis.text.analysis.WordVectors;

/**
 * What an article is about beyond its exact words: a text vector (the weighted mean of static word
 * vectors, unit length), compared by cosine. Two reports of one happening that share few words
 * ("gunman" and "shooter", "killed" and "dead") still point the same way. Empty ({@link #NONE})
 * when no word vectors are at hand; the scorer then reads the TF-IDF cosine in its place ({@link
 * CandidateFeatures}).
 */
final class TextMeaning {
  /** The vector of an article without one. */
  static final float[] NONE = new float[0];

  private TextMeaning() {}

  /** Characters of an article read for its vector: the title and lead say what it is about. */
  static final int LEAD_CHARS = Integer.getInteger("precis.meaningChars", 6000);

  /** The unit text vector of an article's title and text, or {@link #NONE}. */
  static float[] of(String title, String text) {
    if (!Boolean.parseBoolean(System.getProperty("precis.meaning", "true"))) {
      return NONE;
    }
    String lead = text.length() > LEAD_CHARS ? text.substring(0, LEAD_CHARS) : text;
    TextVector v =
        WordVectors.shared().ofText(title == null || title.isBlank() ? lead : title + "\n" + lead);
    return v.isEmpty() ? NONE : v.values();
  }

  /** Dot product of two vectors of the same length (0 when either is empty). */
  static double dot(float[] a, float[] b) {
    if (a.length == 0 || a.length != b.length) {
      return 0;
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** {@code v} scaled to unit length, in place; {@link #NONE} when it is empty or zero. */
  static float[] unit(float[] v) {
    double n = Math.sqrt(dot(v, v));
    if (n == 0 || Double.isNaN(n)) {
      return NONE;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / n);
    }
    return v;
  }
}

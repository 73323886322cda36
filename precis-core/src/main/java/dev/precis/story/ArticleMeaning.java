package dev.precis.story;

import dev.precis.model.Article;
import java.util.function.Function;

/**
 * Probe (branch {@code events-minilm}, not a product feature): sentence embeddings of articles
 * supplied from outside the clusterer (a cache computed by a model that precis-core does not depend
 * on), compared by cosine in two features of the undated models ({@code meaning_mean}, {@code
 * meaning_closest}). Without a source, both features are 0 and grouping is unchanged.
 */
public final class ArticleMeaning {
  private static volatile Function<Article, float[]> source;

  /**
   * Open events an undated article with a vector is also compared with: those of the closest mean
   * vectors (system property {@code precis.meaningCandidates}, default 0).
   */
  static final int CANDIDATES = Integer.getInteger("precis.meaningCandidates", 0);

  private ArticleMeaning() {}

  /**
   * Sets where the unit vectors of articles come from ({@code null}: none); an article without one
   * maps to {@code null}.
   */
  public static void use(Function<Article, float[]> vectors) {
    source = vectors;
  }

  /** The unit vector of an article, or {@code null}. */
  static float[] of(Article a) {
    Function<Article, float[]> s = source;
    return s == null ? null : s.apply(a);
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}

package dev.precis.ingest;

import dev.precis.model.Article;

/**
 * Articles with no text left once boilerplate is removed (a page of only navigation, cookie notices
 * and share buttons). Every command and the HTTP API skip them with this one warning, so nothing
 * empty reaches a summary, a fact sheet or the reader.
 *
 * <pre>{@code
 * Article a = Precis.prepare(raw);
 * if (EmptyArticles.isEmpty(a)) warn(EmptyArticles.warning(a.origin()));
 * }</pre>
 */
public final class EmptyArticles {
  /** Why such an article is skipped. */
  public static final String REASON = "no text left after removing boilerplate";

  private EmptyArticles() {}

  /** True when the cleaned article has no text. */
  public static boolean isEmpty(Article article) {
    return article.text() == null || article.text().isBlank();
  }

  /** The warning for a skipped article, {@code what} naming it (its origin or id). */
  public static String warning(String what) {
    return "skipped " + what + ": " + REASON;
  }
}

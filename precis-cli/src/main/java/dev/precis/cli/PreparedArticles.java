package dev.precis.cli;

import dev.precis.ingest.EmptyArticles;
import dev.precis.ingest.InputException;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Cleans raw articles for {@code summarize} and {@code facts}, skipping empty ones alike. */
final class PreparedArticles {
  private PreparedArticles() {}

  /**
   * The cleaned articles that have text; each empty one is skipped with the warning every command
   * gives.
   *
   * @throws InputException when no article has text left (exit 2, nothing written)
   */
  static List<Article> withText(List<RawArticle> raw, PrintWriter err) {
    List<Article> out = new ArrayList<>(raw.size());
    for (RawArticle r : raw) {
      Article a = Main.PRECIS.prepare(r);
      if (EmptyArticles.isEmpty(a)) {
        err.println("precis: warning: " + EmptyArticles.warning(a.origin()));
        err.flush();
      } else {
        out.add(a);
      }
    }
    if (out.isEmpty()) {
      throw new InputException("no article text is left after removing boilerplate");
    }
    return out;
  }
}

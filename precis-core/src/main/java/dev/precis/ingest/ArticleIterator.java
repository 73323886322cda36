package dev.precis.ingest;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator of raw articles that may hold an open file; closing it releases the file. */
abstract class ArticleIterator implements Iterator<RawArticle>, Closeable {
  private RawArticle next;
  private boolean ended;

  /** The next article, or {@code null} at the end. */
  protected abstract RawArticle computeNext();

  @Override
  public void close() {}

  @Override
  public final boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (ended) {
      return false;
    }
    next = computeNext();
    if (next == null) {
      ended = true;
      close();
    }
    return next != null;
  }

  @Override
  public final RawArticle next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawArticle r = next;
    next = null;
    return r;
  }

  /** An iterator over articles already in memory. */
  static ArticleIterator of(java.util.List<RawArticle> articles) {
    Iterator<RawArticle> it = articles.iterator();
    return new ArticleIterator() {
      @Override
      protected RawArticle computeNext() {
        return it.hasNext() ? it.next() : null;
      }
    };
  }

  /**
   * Articles of several children opened one after another. A child that fails to open or fails
   * midway is an error when {@code lenient} is null, else a warning and the next child.
   */
  static ArticleIterator concat(
      Iterator<java.util.function.Supplier<ArticleIterator>> children,
      java.util.function.Consumer<String> lenient) {
    return new ArticleIterator() {
      private ArticleIterator current;

      @Override
      protected RawArticle computeNext() {
        while (true) {
          if (current == null) {
            if (!children.hasNext()) {
              return null;
            }
            try {
              current = children.next().get();
            } catch (InputException e) {
              if (lenient == null) {
                throw e;
              }
              lenient.accept("skipped " + e.getMessage());
              continue;
            }
          }
          try {
            if (current.hasNext()) {
              return current.next();
            }
          } catch (InputException e) {
            if (lenient == null) {
              current.close();
              current = null;
              throw e;
            }
            lenient.accept("skipped the rest of " + e.getMessage());
          }
          current.close();
          current = null;
        }
      }

      @Override
      public void close() {
        if (current != null) {
          current.close();
          current = null;
        }
      }
    };
  }
}

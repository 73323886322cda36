package dev.precis.ingest;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy stream of raw articles from {@link ArticleSources#open}. Read it once, from one thread, as
 * an {@link Iterator} or a {@link #stream() Stream}, and close it (try-with-resources) to release
 * open files. Empty articles are skipped with a warning; reaching the end without a single article
 * throws {@link InputException}.
 */
public final class ArticleStream implements Iterator<RawArticle>, Closeable {
  private final ArticleIterator source;
  private final List<String> inputs;
  private final Consumer<String> warnings;
  private RawArticle next;
  private long delivered;
  private long skippedEmpty;

  ArticleStream(ArticleIterator source, List<String> inputs, Consumer<String> warnings) {
    this.source = source;
    this.inputs = List.copyOf(inputs);
    this.warnings = warnings;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      if (!source.hasNext()) {
        if (delivered == 0) {
          throw new InputException("no articles to read in " + String.join(", ", inputs));
        }
        return false;
      }
      RawArticle a = source.next();
      if (a.content() == null || a.content().isBlank()) {
        skippedEmpty++;
        warnings.accept("skipped " + a.origin() + ": empty article");
      } else {
        next = a.withPlausibleDate(warnings);
      }
    }
    return true;
  }

  @Override
  public RawArticle next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RawArticle a = next;
    next = null;
    delivered++;
    return a;
  }

  /** The rest of the articles as a sequential stream; closing the stream closes this. */
  public Stream<RawArticle> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** Reads every remaining article into a list (for small inputs such as one summary). */
  public List<RawArticle> toList() {
    List<RawArticle> all = new ArrayList<>();
    while (hasNext()) {
      all.add(next());
    }
    return all;
  }

  /** Articles handed out so far. */
  public long delivered() {
    return delivered;
  }

  /** Empty articles skipped so far. */
  public long skippedEmpty() {
    return skippedEmpty;
  }

  @Override
  public void close() {
    source.close();
  }
}

package dev.precis.ingest;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link ArticleSources} reads its inputs.
 *
 * @param limits size limit for a file read whole, and for one JSON line or one WARC record
 * @param fetch limits and manners of the HTTP fetcher (URLs, feed links)
 * @param fetchFeedLinks fetch the page each feed item links to ({@code true}, the default), or use
 *     the item's own content or description ({@code false}, {@code --no-fetch})
 * @param warnings receives one-line warnings about skipped inputs
 * @param stdin read for the input {@code -}
 */
public record SourceOptions(
    Limits limits,
    FetchOptions fetch,
    boolean fetchFeedLinks,
    Consumer<String> warnings,
    InputStream stdin) {

  public SourceOptions {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(warnings, "warnings");
    Objects.requireNonNull(stdin, "stdin");
  }

  /** Default limits, default fetcher, feed links fetched, warnings ignored, {@code System.in}. */
  public static SourceOptions defaults() {
    return new SourceOptions(Limits.defaults(), FetchOptions.defaults(), true, w -> {}, System.in);
  }

  public SourceOptions withLimits(Limits l) {
    return new SourceOptions(l, fetch, fetchFeedLinks, warnings, stdin);
  }

  public SourceOptions withFetch(FetchOptions f) {
    return new SourceOptions(limits, f, fetchFeedLinks, warnings, stdin);
  }

  public SourceOptions withFetchFeedLinks(boolean fetchLinks) {
    return new SourceOptions(limits, fetch, fetchLinks, warnings, stdin);
  }

  public SourceOptions withWarnings(Consumer<String> w) {
    return new SourceOptions(limits, fetch, fetchFeedLinks, w, stdin);
  }

  public SourceOptions withStdin(InputStream in) {
    return new SourceOptions(limits, fetch, fetchFeedLinks, warnings, in);
  }
}

package dev.precis.cli;

import dev.precis.ingest.FetchOptions;
import dev.precis.ingest.Limits;
import dev.precis.ingest.SourceOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Options of every command that reads inputs through {@link dev.precis.ingest.ArticleSources}
 * (URLs, feeds, WARC, folders). Use as {@code @Mixin SourceOptionsMixin sources;} and build the
 * options with {@link #toOptions(Limits, Consumer)}.
 */
public final class SourceOptionsMixin {
  @Option(
      names = "--max-file-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + Limits.DEFAULT_MAX_FILE_BYTES,
      description = "Refuse input files larger than this (default: ${DEFAULT-VALUE}).")
  long maxFileBytes;

  @Option(
      names = "--allow-private",
      description =
          "Fetch loopback, private, link-local, CGNAT and cloud metadata addresses too (refused by default).")
  boolean allowPrivate;

  @Option(
      names = "--allow-host",
      paramLabel = "HOST[:PORT]",
      split = ",",
      description =
          "Fetch this host (name or address, optionally only on PORT) even if it is private; other private addresses stay refused. Repeatable.")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--no-fetch",
      description =
          "Feeds: use each item's own content or description instead of fetching its link.")
  boolean noFetch;

  @Option(names = "--ignore-robots", description = "Fetch pages that robots.txt disallows.")
  boolean ignoreRobots;

  @Option(
      names = "--fetch-timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Longest time for one HTTP request in total (default: ${DEFAULT-VALUE}).")
  int fetchTimeoutSeconds;

  @Option(
      names = "--max-fetch-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + FetchOptions.DEFAULT_MAX_BYTES,
      description = "Refuse HTTP bodies larger than this (default: ${DEFAULT-VALUE}).")
  long maxFetchBytes;

  @Option(
      names = "--max-redirects",
      paramLabel = "N",
      defaultValue = "" + FetchOptions.DEFAULT_MAX_REDIRECTS,
      description = "Follow at most N redirects (default: ${DEFAULT-VALUE}).")
  int maxRedirects;

  @Option(
      names = "--host-delay",
      paramLabel = "MS",
      defaultValue = "1000",
      description =
          "Least milliseconds between two requests to the same host (default: ${DEFAULT-VALUE}).")
  long hostDelayMillis;

  /**
   * The source options these flags describe, each warning printed to {@code err} as {@code precis:
   * warning: ...}.
   */
  public SourceOptions toOptions(PrintWriter err) {
    return toOptions(
        new Limits(maxFileBytes),
        w -> {
          err.println("precis: warning: " + w);
          err.flush();
        });
  }

  /** The source options these flags describe, with the given file limits and warning sink. */
  public SourceOptions toOptions(Limits limits, Consumer<String> warnings) {
    if (fetchTimeoutSeconds < 1) {
      throw new IllegalArgumentException("--fetch-timeout must be at least 1 second");
    }
    if (maxFetchBytes < 1) {
      throw new IllegalArgumentException("--max-fetch-bytes must be at least 1");
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("--max-redirects must not be negative");
    }
    if (hostDelayMillis < 0) {
      throw new IllegalArgumentException("--host-delay must not be negative");
    }
    Duration total = Duration.ofSeconds(fetchTimeoutSeconds);
    FetchOptions defaults = FetchOptions.defaults();
    FetchOptions fetch =
        defaults
            .withTimeouts(
                min(defaults.connectTimeout(), total), min(defaults.readTimeout(), total), total)
            .withMaxBytes(maxFetchBytes)
            .withMaxRedirects(maxRedirects)
            .withHostDelay(Duration.ofMillis(hostDelayMillis))
            .withAllowPrivate(allowPrivate)
            .withObeyRobots(!ignoreRobots)
            .withAllowedHosts(new LinkedHashSet<>(allowHosts));
    return SourceOptions.defaults()
        .withLimits(limits)
        .withFetch(fetch)
        .withFetchFeedLinks(!noFetch)
        .withWarnings(warnings);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}

package dev.precis.ingest;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Limits and manners of the {@link HttpFetcher}. The defaults suit fetching news pages and feeds
 * named by a user or listed in a feed; every limit exists so that a hostile or broken server cannot
 * hang Precis, exhaust its memory or turn it against the local network.
 *
 * @param connectTimeout longest wait for a TCP (and TLS) connection
 * @param readTimeout longest wait for the next bytes of a response
 * @param totalTimeout longest time for one request from connect to last byte (stops servers that
 *     trickle a byte at a time under the read timeout)
 * @param maxBytes largest response body, after decompression; a larger body is an error
 * @param maxRedirects most redirects followed; each hop is checked like the first request
 * @param hostDelay least time between the starts of two requests to the same host
 * @param allowPrivate fetch loopback, private, link-local, CGNAT, unique-local and metadata
 *     addresses too (off by default: such URLs are refused)
 * @param obeyRobots read each host's {@code robots.txt} and skip URLs it disallows for Precis
 * @param userAgent the {@code User-Agent} header
 * @param allowedHosts hosts fetched even when their addresses are private: each a host name or IP
 *     address, optionally with {@code :port} ({@code [v6]:port} for IPv6); every other private
 *     address stays refused ({@code --allow-host})
 */
public record FetchOptions(
    Duration connectTimeout,
    Duration readTimeout,
    Duration totalTimeout,
    long maxBytes,
    int maxRedirects,
    Duration hostDelay,
    boolean allowPrivate,
    boolean obeyRobots,
    String userAgent,
    Set<String> allowedHosts) {

  public static final String USER_AGENT = "Precis/0.1 (+https://github.com/precis)";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(60);
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_REDIRECTS = 5;
  public static final Duration DEFAULT_HOST_DELAY = Duration.ofMillis(1000);

  public FetchOptions {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the fetch size limit must be at least 1 byte");
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("the redirect limit must not be negative");
    }
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || readTimeout.isNegative()
        || readTimeout.isZero()
        || totalTimeout.isNegative()
        || totalTimeout.isZero()) {
      throw new IllegalArgumentException("fetch timeouts must be positive");
    }
    if (hostDelay.isNegative()) {
      throw new IllegalArgumentException("the per-host delay must not be negative");
    }
    Set<String> hosts = new TreeSet<>();
    for (String h : allowedHosts == null ? Set.<String>of() : allowedHosts) {
      String t = h.strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty() || t.contains("/")) {
        throw new IllegalArgumentException("--allow-host takes HOST or HOST:PORT, not " + h);
      }
      hosts.add(t);
    }
    allowedHosts = Collections.unmodifiableSet(hosts);
  }

  /**
   * Defaults: 10 s connect, 20 s read, 60 s total, 10 MiB, 5 redirects, 1 s per host, robots.txt
   * obeyed, private addresses refused.
   */
  public static FetchOptions defaults() {
    return new FetchOptions(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_TOTAL_TIMEOUT,
        DEFAULT_MAX_BYTES,
        DEFAULT_MAX_REDIRECTS,
        DEFAULT_HOST_DELAY,
        false,
        true,
        USER_AGENT,
        Set.of());
  }

  public FetchOptions withTimeouts(Duration connect, Duration read, Duration total) {
    return edit(
        o -> {
          o.connectTimeout = connect;
          o.readTimeout = read;
          o.totalTimeout = total;
        });
  }

  public FetchOptions withMaxBytes(long bytes) {
    return edit(o -> o.maxBytes = bytes);
  }

  public FetchOptions withMaxRedirects(int redirects) {
    return edit(o -> o.maxRedirects = redirects);
  }

  public FetchOptions withHostDelay(Duration delay) {
    return edit(o -> o.hostDelay = delay);
  }

  public FetchOptions withAllowPrivate(boolean allow) {
    return edit(o -> o.allowPrivate = allow);
  }

  public FetchOptions withObeyRobots(boolean obey) {
    return edit(o -> o.obeyRobots = obey);
  }

  /** Hosts ({@code host} or {@code host:port}) fetched even though they are private. */
  public FetchOptions withAllowedHosts(Set<String> hosts) {
    return edit(o -> o.allowedHosts = hosts);
  }

  public FetchOptions withUserAgent(String agent) {
    return edit(o -> o.userAgent = agent);
  }

  /** One copy-and-change for every wither, so a new field is added in two places, not ten. */
  private FetchOptions edit(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new FetchOptions(
        d.connectTimeout,
        d.readTimeout,
        d.totalTimeout,
        d.maxBytes,
        d.maxRedirects,
        d.hostDelay,
        d.allowPrivate,
        d.obeyRobots,
        d.userAgent,
        d.allowedHosts);
  }

  /** The fields of a record being changed; checked again by the canonical constructor. */
  private static final class Draft {
    Duration connectTimeout;
    Duration readTimeout;
    Duration totalTimeout;
    long maxBytes;
    int maxRedirects;
    Duration hostDelay;
    boolean allowPrivate;
    boolean obeyRobots;
    String userAgent;
    Set<String> allowedHosts;

    Draft(FetchOptions o) {
      connectTimeout = o.connectTimeout;
      readTimeout = o.readTimeout;
      totalTimeout = o.totalTimeout;
      maxBytes = o.maxBytes;
      maxRedirects = o.maxRedirects;
      hostDelay = o.hostDelay;
      allowPrivate = o.allowPrivate;
      obeyRobots = o.obeyRobots;
      userAgent = o.userAgent;
      allowedHosts = o.allowedHosts;
    }
  }
}

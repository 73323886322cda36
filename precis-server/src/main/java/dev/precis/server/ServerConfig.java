package dev.precis.server;

import dev.precis.summarize.SummaryOptions;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the server runs.
 *
 * @param host address to bind (loopback by default)
 * @param port TCP port; 0 picks a free one
 * @param apiKey key required on the endpoints that post articles, or {@code null} for none; never
 *     blank
 * @param maxBodyBytes largest request body accepted
 * @param maxArticles most articles in one request
 * @param options how stories and ad-hoc posts are summarized
 * @param threads most request threads
 * @param allowedHosts host names accepted in the {@code Host} header besides {@code localhost} and
 *     IP addresses (lower case): a name that resolves to this server through DNS rebinding is
 *     refused unless listed
 * @param bodyTimeoutMillis longest time a client may take to send a request body
 */
public record ServerConfig(
    String host,
    int port,
    String apiKey,
    long maxBodyBytes,
    int maxArticles,
    SummaryOptions options,
    int threads,
    Set<String> allowedHosts,
    long bodyTimeoutMillis) {
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_ARTICLES = 1000;
  public static final long DEFAULT_BODY_TIMEOUT_MILLIS = 30_000;

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (apiKey != null && apiKey.isBlank()) {
      // an empty key silently disabled authentication: refuse it instead
      throw new IllegalArgumentException("the API key must not be blank");
    }
    if (maxBodyBytes < 1 || maxArticles < 1 || threads < 4 || bodyTimeoutMillis < 1) {
      throw new IllegalArgumentException(
          "body limit, article limit and body timeout must be positive, threads >= 4");
    }
    allowedHosts =
        allowedHosts == null
            ? Set.of()
            : allowedHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
  }

  /** Loopback, port 8080, no key, 10 MiB bodies, 1,000 articles a request. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        "127.0.0.1",
        8080,
        null,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_ARTICLES,
        SummaryOptions.defaults(),
        64,
        Set.of(),
        DEFAULT_BODY_TIMEOUT_MILLIS);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        host,
        p,
        apiKey,
        maxBodyBytes,
        maxArticles,
        options,
        threads,
        allowedHosts,
        bodyTimeoutMillis);
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(
        h,
        port,
        apiKey,
        maxBodyBytes,
        maxArticles,
        options,
        threads,
        allowedHosts,
        bodyTimeoutMillis);
  }

  public ServerConfig withApiKey(String k) {
    return new ServerConfig(
        host,
        port,
        k,
        maxBodyBytes,
        maxArticles,
        options,
        threads,
        allowedHosts,
        bodyTimeoutMillis);
  }

  public ServerConfig withMaxBodyBytes(long b) {
    return new ServerConfig(
        host, port, apiKey, b, maxArticles, options, threads, allowedHosts, bodyTimeoutMillis);
  }

  public ServerConfig withThreads(int t) {
    return new ServerConfig(
        host, port, apiKey, maxBodyBytes, maxArticles, options, t, allowedHosts, bodyTimeoutMillis);
  }

  public ServerConfig withBodyTimeoutMillis(long ms) {
    return new ServerConfig(
        host, port, apiKey, maxBodyBytes, maxArticles, options, threads, allowedHosts, ms);
  }
}

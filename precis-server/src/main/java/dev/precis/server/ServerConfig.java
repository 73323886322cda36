package dev.precis.server;

import dev.precis.summarize.SummaryOptions;

/**
 * How the server runs.
 *
 * @param host address to bind (loopback by default)
 * @param port TCP port; 0 picks a free one
 * @param apiKey key required on write endpoints, or {@code null} for none
 * @param maxBodyBytes largest request body accepted
 * @param maxArticles most articles in one request
 * @param options how stories and ad-hoc posts are summarized
 * @param threads most request threads
 */
public record ServerConfig(
    String host,
    int port,
    String apiKey,
    long maxBodyBytes,
    int maxArticles,
    SummaryOptions options,
    int threads) {
  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_ARTICLES = 1000;

  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (apiKey != null && apiKey.isBlank()) {
      apiKey = null;
    }
    if (maxBodyBytes < 1 || maxArticles < 1 || threads < 4) {
      throw new IllegalArgumentException(
          "body limit and article limit must be positive, threads >= 4");
    }
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
        64);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, apiKey, maxBodyBytes, maxArticles, options, threads);
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, port, apiKey, maxBodyBytes, maxArticles, options, threads);
  }

  public ServerConfig withApiKey(String k) {
    return new ServerConfig(host, port, k, maxBodyBytes, maxArticles, options, threads);
  }

  public ServerConfig withMaxBodyBytes(long b) {
    return new ServerConfig(host, port, apiKey, b, maxArticles, options, threads);
  }
}

package dev.precis.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each site's robots.txt, read with crawler-commons on first use and again after an hour. A
 * missing, refused, over-large or broken robots.txt means no rules; a host that cannot be reached
 * for it fails the page too, rather than making the user wait out the same timeout twice.
 */
final class RobotsRules {
  private static final String ROBOT_NAME = "precis";
  private static final long MAX_ROBOTS_BYTES = 500L * 1024;
  private static final long TTL_NANOS = 3_600_000_000_000L;

  /** Sends one GET for robots.txt: uri, refusal context, body limit. */
  interface Getter {
    FetchExchange.Answer get(URI uri, String context, long limit);
  }

  private record Cached(BaseRobotRules rules, long readAt) {}

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Getter getter;
  private final HostDelays delays;
  private final FetchOptions options;

  RobotsRules(Getter getter, HostDelays delays, FetchOptions options) {
    this.getter = getter;
    this.delays = delays;
    this.options = options;
  }

  /** True when the site's robots.txt lets Precis fetch {@code uri}. */
  boolean allow(URI uri, String context) {
    String origin = FetchUrls.origin(uri);
    Cached cached = cache.get(origin);
    if (cached == null || System.nanoTime() - cached.readAt() >= TTL_NANOS) {
      // read outside any lock: two threads may both read it once, which is harmless
      BaseRobotRules rules = read(URI.create(origin + "/robots.txt"), context);
      cached = new Cached(rules, System.nanoTime());
      cache.put(origin, cached);
      delays.widen(FetchUrls.hostOf(uri), rules.getCrawlDelay());
    }
    return cached.rules().isAllowed(uri.toString());
  }

  private BaseRobotRules read(URI robotsUri, String context) {
    URI uri = robotsUri;
    for (int hop = 0; hop <= options.maxRedirects(); hop++) {
      FetchExchange.Answer r;
      try {
        r = getter.get(uri, context, Math.min(options.maxBytes(), MAX_ROBOTS_BYTES));
        if (r.isRedirect() && r.location() != null) {
          uri = FetchUrls.resolveLocation(uri, r.location());
          continue;
        }
      } catch (FetchException e) {
        if (hop == 0 && e instanceof FetchExchange.HostFailure) {
          throw e; // the page's own host: it will fail the same way
        }
        break; // refused elsewhere, too large or malformed: no rules
      }
      if (r.isSuccess()) {
        synchronized (parser) {
          return parser.parseContent(
              robotsUri.toString(),
              r.body(),
              r.mediaType() == null ? "text/plain" : r.mediaType(),
              List.of(ROBOT_NAME));
        }
      }
      // 4xx: no rules; 5xx: the site is in trouble, but a missing robots.txt must not block
      // what the user asked for, so both allow all
      return parser.failedFetch(r.status() >= 500 ? 404 : r.status());
    }
    return parser.failedFetch(404);
  }
}

package dev.precis.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The checks a request passes before any of its body is read: the {@code Host} it names (DNS
 * rebinding), where a write comes from ({@code Origin}, {@code Sec-Fetch-Site}: cross-site forms
 * and {@code no-cors} fetches), and the API key.
 *
 * <p>A page on another site can make a browser send a POST here, but the browser always names that
 * page in {@code Origin}; a page that rebinds its own host name to 127.0.0.1 can read answers, but
 * its host name is in {@code Host}. Clients that are not browsers (curl, scripts) send neither
 * header and pass.
 */
final class RequestGuard {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

  private final ServerConfig config;
  private final byte[] apiKey;

  RequestGuard(ServerConfig config) {
    this.config = config;
    this.apiKey = config.apiKey() == null ? null : config.apiKey().getBytes(StandardCharsets.UTF_8);
  }

  /** Refuses (403) a request whose {@code Host} is a name this server was not told it has. */
  void checkHost(Request request) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null) {
      return; // HTTP/1.0 without Host: no browser sends that
    }
    String name = hostName(host);
    if (!allowedHost(name)) {
      throw new HttpError(
          403,
          "host '"
              + cut(name)
              + "' is not served here (use an IP address or localhost, or start the server"
              + " with --allow-host NAME)");
    }
  }

  /**
   * Refuses (403) a state-changing request that a browser sent from another origin: {@code Origin}
   * must name this very server (scheme, host and port as in {@code Host}).
   */
  void checkSameOrigin(Request request) {
    String site = request.getHeaders().get("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new HttpError(403, "cross-site request refused (Sec-Fetch-Site: " + cut(site) + ")");
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin == null) {
      return;
    }
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null || !sameOrigin(origin.strip(), host.strip())) {
      throw new HttpError(403, "cross-origin request refused (Origin: " + cut(origin) + ")");
    }
  }

  /** Refuses (401/403) a request without the configured API key; passes when none is set. */
  void requireKey(Request request) {
    if (apiKey == null) {
      return;
    }
    String given = request.getHeaders().get("X-API-Key");
    String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = auth.substring(7).strip();
    }
    if (given == null) {
      throw new HttpError(
          401, "this endpoint needs an API key (header X-API-Key or Authorization: Bearer)");
    }
    if (!MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8))) {
      throw new HttpError(403, "wrong API key");
    }
  }

  private boolean allowedHost(String name) {
    return name.equals("localhost")
        || name.endsWith(".localhost")
        || IPV4.matcher(name).matches()
        || name.startsWith("[")
        || name.equals(config.host().toLowerCase(Locale.ROOT))
        || config.allowedHosts().contains(name);
  }

  private static boolean sameOrigin(String origin, String host) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      return false; // includes the opaque origin "null" of sandboxed frames and file: pages
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return false;
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    String authority = uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    return authority.equals(hostName(host) + ":" + hostPort(host));
  }

  /** The name part of a {@code Host} value, lower case; IPv6 literals keep their brackets. */
  static String hostName(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? h : h.substring(0, close + 1);
    }
    int colon = h.indexOf(':');
    h = colon < 0 ? h : h.substring(0, colon);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  private static int hostPort(String host) {
    String h = host.strip();
    int colon = h.lastIndexOf(':');
    if (colon < 0 || h.lastIndexOf(']') > colon) {
      return 80;
    }
    try {
      return Integer.parseInt(h.substring(colon + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String cut(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }
}

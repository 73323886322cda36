package dev.precis.ingest;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URLs the fetcher accepts: absolute http(s) URLs without user info, rebuilt in one canonical
 * ASCII form so that redirect-loop detection and robots.txt matching compare like with like.
 */
final class FetchUrls {
  private FetchUrls() {}

  /** Parses user input as an absolute http(s) URL; an internationalized host becomes punycode. */
  static URI parse(String url) {
    String text = url.strip().replace(" ", "%20");
    URI uri;
    try {
      uri = new URI(text);
      if (uri.getHost() == null
          && uri.getRawAuthority() != null
          && uri.getRawUserInfo() == null
          && !uri.getRawAuthority().chars().allMatch(c -> c < 128)) {
        String authority = uri.getRawAuthority();
        int colon = authority.lastIndexOf(':');
        String host = colon > 0 ? authority.substring(0, colon) : authority;
        String port = colon > 0 ? authority.substring(colon) : "";
        String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + port;
        int at = text.indexOf(authority);
        uri = new URI(text.substring(0, at) + ascii + text.substring(at + authority.length()));
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(url + ": not a valid URL (" + e.getMessage() + ")");
    }
    return normalize(uri);
  }

  static URI normalize(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(uri + ": only http and https URLs can be fetched");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new FetchException(uri + ": URL has no valid host name");
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchException(uri + ": URLs with user names or passwords are not fetched");
    }
    // rebuilt from the raw parts so escapes stay as they are (the multi-argument URI
    // constructors would quote every '%' again); the fragment is dropped: it is never sent and
    // would defeat redirect-loop detection; non-ASCII characters are percent-encoded as UTF-8
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    try {
      URI clean = new URI(scheme + "://" + uri.getRawAuthority() + path + query).normalize();
      return new URI(clean.toASCIIString());
    } catch (URISyntaxException e) {
      throw new FetchException(uri + ": not a valid URL (" + e.getReason() + ")");
    }
  }

  /** The target of a {@code Location} header, relative to the URL that sent it. */
  static URI resolveLocation(URI base, String location) {
    URI next;
    try {
      next = base.resolve(new URI(location.strip().replace(" ", "%20")));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchException(base + ": invalid redirect location " + location);
    }
    return normalize(next);
  }

  /** The host as DNS and the address policy see it: lower-case ASCII, IPv6 without brackets. */
  static String hostOf(URI uri) {
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      return host.substring(1, host.length() - 1);
    }
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new FetchException(uri + ": invalid host name");
    }
  }

  static int portOf(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return uri.getScheme().equals("https") ? 443 : 80;
  }

  /** {@code scheme://authority}: the key of a site's robots.txt. */
  static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
  }
}

package dev.precis.ingest;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Locale;

/**
 * A successful HTTP response.
 *
 * @param requested the URL asked for
 * @param uri the URL finally answered, after redirects
 * @param status the HTTP status (2xx)
 * @param mediaType the media type, lower case, without parameters ({@code text/html}), or {@code
 *     null} when the server sent none
 * @param charset the {@code charset} parameter of the content type, or {@code null}
 * @param body the body, decompressed
 * @param fetched when the response arrived
 */
public record FetchResult(
    URI requested,
    URI uri,
    int status,
    String mediaType,
    String charset,
    byte[] body,
    Instant fetched) {

  /** The body as text: the declared charset when valid, else BOM, HTML meta charset, UTF-8. */
  public String text() {
    if (charset != null) {
      try {
        return new String(body, Charset.forName(charset));
      } catch (RuntimeException unknownCharset) {
        // fall back to detection
      }
    }
    return TextDecoder.decode(body);
  }

  /** True for HTML and XHTML. */
  public boolean isHtml() {
    return mediaType != null
        && (mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml"));
  }

  /** True for RSS, Atom and generic XML types, or an untyped body that looks like a feed. */
  public boolean isFeed() {
    if (mediaType == null
        || mediaType.equals("application/xml")
        || mediaType.equals("text/xml")
        || mediaType.equals("application/octet-stream")) {
      return FeedArticles.looksLikeFeed(body);
    }
    return mediaType.equals("application/rss+xml")
        || mediaType.equals("application/atom+xml")
        || mediaType.equals("application/rdf+xml");
  }

  static boolean acceptable(String mediaType) {
    if (mediaType == null) {
      return true; // sniffed later
    }
    String t = mediaType.toLowerCase(Locale.ROOT);
    return t.equals("text/html")
        || t.equals("application/xhtml+xml")
        || t.equals("application/rss+xml")
        || t.equals("application/atom+xml")
        || t.equals("application/rdf+xml")
        || t.equals("application/xml")
        || t.equals("text/xml")
        || t.equals("text/plain");
  }
}

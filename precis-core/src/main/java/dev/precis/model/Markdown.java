package dev.precis.model;

import java.util.Locale;

/**
 * Makes article text and URLs safe to put into Markdown output. Article text is untrusted: a
 * sentence may contain {@code <img onerror=...>} or {@code [x](javascript:...)}, and many Markdown
 * renderers pass inline HTML and any link scheme through, so the Markdown that Precis writes must
 * show such text literally, and link only to http(s) URLs.
 */
public final class Markdown {
  private Markdown() {}

  /**
   * Text with the characters that start inline HTML, links or autolinks backslash-escaped
   * (CommonMark renders {@code \<} as {@code <}); other characters are left alone so the raw
   * Markdown stays readable.
   */
  public static String escape(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '<' || c == '>' || c == '[' || c == ']' || c == '`') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** True for an http or https URL: the only ones Precis turns into links. */
  public static boolean linkable(String url) {
    if (url == null) {
      return false;
    }
    String u = url.strip().toLowerCase(Locale.ROOT);
    return u.startsWith("http://") || u.startsWith("https://");
  }

  /**
   * {@code [label](url)} for an http(s) URL (characters that would end the link destination
   * percent-encoded), else the escaped label followed by the address as inert text.
   */
  public static String link(String label, String url) {
    if (!linkable(url)) {
      return url == null || url.equals(label) ? escape(label) : escape(label) + " — " + escape(url);
    }
    String dest =
        url.strip()
            .replace(" ", "%20")
            .replace("(", "%28")
            .replace(")", "%29")
            .replace("<", "%3C")
            .replace(">", "%3E");
    return "[" + escape(label) + "](" + dest + ")";
  }
}

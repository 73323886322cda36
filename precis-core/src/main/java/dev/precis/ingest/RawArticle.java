package dev.precis.ingest;

import dev.precis.model.Article;
import dev.precis.model.PublishedDate;
import java.time.Instant;

/**
 * An article as delivered by a source, before extraction and cleaning.
 *
 * @param id stable identifier (file name, JSON id, URL)
 * @param content the body: plain text or HTML, see {@code format}
 * @param format how {@code content} is encoded
 * @param title title given by the source, or {@code null}
 * @param url canonical URL given by the source, or {@code null}
 * @param published publication time given by the source, or {@code null}
 * @param origin where it came from, for messages and source lists (path, URL, "stdin")
 * @param source the outlet (publisher) named by the source, e.g. a JSON {@code source} field or a
 *     feed's title, or {@code null}; becomes {@link Article#outlet()}
 * @param retrieved when the page was fetched or archived (HTTP fetch time, WARC-Date), or {@code
 *     null}; used as the publication time when neither the source nor the page gives one
 */
public record RawArticle(
    String id,
    String content,
    Format format,
    String title,
    String url,
    Instant published,
    String origin,
    String source,
    Instant retrieved) {

  /** An article without outlet or retrieval time (the original seven-field form). */
  public RawArticle(
      String id,
      String content,
      Format format,
      String title,
      String url,
      Instant published,
      String origin) {
    this(id, content, format, title, url, published, origin, null, null);
  }

  /**
   * This article with a publication date outside {@link PublishedDate}'s range dropped (it is kept
   * undated), and a warning naming it; unchanged when the date is plausible or missing.
   */
  public RawArticle withPlausibleDate(java.util.function.Consumer<String> warnings) {
    if (published == null || PublishedDate.plausible(published) != null) {
      return this;
    }
    warnings.accept(
        origin
            + ": ignored publication date "
            + published
            + " (outside 1900 to tomorrow); the article is kept undated");
    return new RawArticle(id, content, format, title, url, null, origin, source, retrieved);
  }

  /** How the content of a raw article is encoded. */
  public enum Format {
    TEXT,
    HTML;

    /** Guesses the format of content that came without a declared type. */
    public static Format sniff(String content) {
      int limit = Math.min(content.length(), 2048);
      String head = content.substring(0, limit).toLowerCase(java.util.Locale.ROOT);
      return head.contains("<html")
              || head.contains("<!doctype html")
              || head.contains("<body")
              || head.contains("<p>")
              || head.contains("<div")
              || MARKUP.matcher(head).find()
          ? HTML
          : TEXT;
    }

    /**
     * A closing tag of a common element, a line break or a paragraph with attributes: fragments
     * such as {@code <article><h1>...</h1>} or {@code <b>x</b>} are HTML too, while plain text
     * rarely holds one ("a < b" does not match).
     */
    private static final java.util.regex.Pattern MARKUP =
        java.util.regex.Pattern.compile(
            "</(p|div|span|a|b|i|em|strong|h[1-6]|article|section|script|style|li|ul|ol|table|td"
                + "|tr|title|head|header|footer|main|figure|figcaption|blockquote|font|center)\\s*>"
                + "|<br\\s*/?>|<p\\s+[a-z-]+=");
  }

  /** A plain-text article with no metadata. */
  public static RawArticle ofText(String id, String text) {
    return new RawArticle(id, text, Format.TEXT, null, null, null, id);
  }

  /** An HTML page with no metadata beyond what the page itself declares. */
  public static RawArticle ofHtml(String id, String html) {
    return new RawArticle(id, html, Format.HTML, null, null, null, id);
  }
}

package dev.precis.ingest;

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
 */
public record RawArticle(
    String id,
    String content,
    Format format,
    String title,
    String url,
    Instant published,
    String origin) {

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
          ? HTML
          : TEXT;
    }
  }

  /** A plain-text article with no metadata. */
  public static RawArticle ofText(String id, String text) {
    return new RawArticle(id, text, Format.TEXT, null, null, null, id);
  }
}

package dev.precis.model;

import java.time.Instant;

/**
 * An article after main-text extraction and boilerplate removal. All character offsets in Precis
 * (sentences, citations, facts) point into {@link #text()}.
 *
 * @param id stable identifier
 * @param title the title, kept as metadata and never part of {@code text}; may be {@code null}
 * @param text the cleaned body, paragraphs separated by blank lines
 * @param url canonical URL or {@code null}
 * @param outlet publisher name or host, or {@code null}
 * @param published publication time or {@code null}
 * @param author author or {@code null}
 * @param origin where it came from (path, URL, "stdin")
 * @param language ISO 639-1 code of the text's language, or {@code null} when unknown
 */
public record Article(
    String id,
    String title,
    String text,
    String url,
    String outlet,
    Instant published,
    String author,
    String origin,
    String language) {

  public Article {
    if (text == null) {
      throw new IllegalArgumentException("article text must not be null");
    }
    // an extreme date (from a page's metadata, a post, an old row) overflowed clustering and
    // pinned stories to the top; past this point every date is plausible
    published = PublishedDate.plausible(published);
    title = DisplayText.withoutBidiControls(title);
    outlet = DisplayText.withoutBidiControls(outlet);
    author = DisplayText.withoutBidiControls(author);
  }

  /** An article whose language is unknown. */
  public Article(
      String id,
      String title,
      String text,
      String url,
      String outlet,
      java.time.Instant published,
      String author,
      String origin) {
    this(id, title, text, url, outlet, published, author, origin, null);
  }

  /** A plain article with just an id and body text. */
  public static Article of(String id, String text) {
    return new Article(id, null, text, null, null, null, null, id);
  }

  /** A name for source lists: title, else origin, else id. */
  public String label() {
    if (title != null && !title.isBlank()) {
      return title;
    }
    return origin != null ? origin : id;
  }
}

package dev.precis.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads articles from JSON values: a string (plain text or HTML, sniffed) or an object with {@code
 * text} or {@code html} and optional {@code id}, {@code title}, {@code url}, {@code published},
 * {@code source} (the outlet; {@code outlet} is accepted too).
 */
public final class JsonArticles {
  private JsonArticles() {}

  /**
   * @param node the JSON value
   * @param fallbackId id when the object has none
   * @param origin where it came from, for messages
   * @throws InputException when the value is neither a string nor an article object
   */
  public static RawArticle parse(JsonNode node, String fallbackId, String origin) {
    if (node.isTextual()) {
      String content = node.asText();
      return new RawArticle(
          fallbackId, content, RawArticle.Format.sniff(content), null, null, null, origin);
    }
    if (!node.isObject()) {
      throw new InputException(origin + ": a document must be a string or an object");
    }
    String id = text(node, "id", fallbackId);
    String html = text(node, "html", null);
    String body = html != null ? html : text(node, "text", null);
    if (body == null) {
      throw new InputException(origin + ": document object needs a \"text\" or \"html\" field");
    }
    RawArticle.Format format = html != null ? RawArticle.Format.HTML : RawArticle.Format.TEXT;
    return new RawArticle(
        id,
        body,
        format,
        text(node, "title", null),
        text(node, "url", null),
        parseInstant(text(node, "published", null)),
        origin,
        text(node, "source", text(node, "outlet", null)),
        null);
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    return v.isValueNode() ? v.asText() : fallback;
  }

  /** Parses ISO-8601 instants, offset date-times and plain dates; null when unparseable. */
  public static Instant parseInstant(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // try the next form
    }
    try {
      return LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

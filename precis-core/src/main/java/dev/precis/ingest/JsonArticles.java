package dev.precis.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

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
   * @throws InputException when the value is neither a string nor an article object, or a field has
   *     the wrong type
   */
  public static RawArticle parse(JsonNode node, String fallbackId, String origin) {
    return parse(node, fallbackId, origin, w -> {});
  }

  /**
   * Like {@link #parse(JsonNode, String, String)}, reporting fields it ignores (a {@code published}
   * value that is not a date) to {@code warnings}.
   *
   * <p>Example: {@code {"text": 123}} from line 1 of {@code input.jsonl} is refused with {@code
   * input.jsonl:1: field "text" must be a string, got number}.
   */
  public static RawArticle parse(
      JsonNode node, String fallbackId, String origin, Consumer<String> warnings) {
    if (node.isTextual()) {
      String content = node.asText();
      return new RawArticle(
          fallbackId, content, RawArticle.Format.sniff(content), null, null, null, origin);
    }
    if (!node.isObject()) {
      throw new InputException(
          origin + ": a document must be a string or an object, got " + kind(node));
    }
    String id = id(node, origin, fallbackId);
    String html = string(node, "html", origin);
    String text = string(node, "text", origin);
    String body = html != null ? html : text;
    if (body == null) {
      throw new InputException(origin + ": document object needs a \"text\" or \"html\" field");
    }
    RawArticle.Format format = html != null ? RawArticle.Format.HTML : RawArticle.Format.TEXT;
    String publishedText = string(node, "published", origin);
    Instant published = parseInstant(publishedText);
    if (published == null && publishedText != null && !publishedText.isBlank()) {
      warnings.accept(
          origin
              + ": field \"published\" is not a date (\""
              + abbreviate(publishedText)
              + "\"); the article is undated");
    }
    String outlet = string(node, "source", origin);
    if (outlet == null) {
      outlet = string(node, "outlet", origin);
    }
    return new RawArticle(
        id,
        body,
        format,
        string(node, "title", origin),
        string(node, "url", origin),
        published,
        origin,
        outlet,
        null);
  }

  /** A string field, or null when absent or null; any other type is refused. */
  private static String string(JsonNode node, String field, String origin) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InputException(
          origin + ": field \"" + field + "\" must be a string, got " + kind(v));
    }
    return v.asText();
  }

  /** Ids may be strings or whole numbers (as many exports write them). */
  private static String id(JsonNode node, String origin, String fallback) {
    JsonNode v = node.get("id");
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (v.isTextual() || v.isIntegralNumber()) {
      return v.asText();
    }
    throw new InputException(
        origin + ": field \"id\" must be a string or a whole number, got " + kind(v));
  }

  /** The JSON type of a value, as a user would name it. */
  public static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array";
      case OBJECT -> "object";
      case NULL -> "null";
      default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String abbreviate(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() <= 40 ? t : t.substring(0, 40) + "...";
  }

  /**
   * What is wrong with unparseable JSON, in one line and without the parser's internals (Jackson
   * appends "at [Source: REDACTED (StreamReadFeature...); line: 1, column: 2]").
   */
  public static String reason(Exception e) {
    String m =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException j
            ? j.getOriginalMessage()
            : e.getMessage();
    if (m == null) {
      return "unreadable";
    }
    return m.replaceAll("(?s)\\s*at \\[Source:.*", "").replaceAll("\\s*\\R\\s*", " ").strip();
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

package dev.precis.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.precis.ingest.InputException;
import dev.precis.ingest.InputJson;
import dev.precis.ingest.JsonArticles;
import dev.precis.ingest.RawArticle;
import dev.precis.ingest.TextDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Reads the articles of a POST body: JSON (one article object, an array of them, or {@code
 * {"articles": [...], "story": ..., "words": ...}}), an HTML page, or plain text.
 */
final class ArticleRequests {
  private ArticleRequests() {}

  /**
   * The articles of one request.
   *
   * @param articles the raw articles, in order
   * @param story the story key the client asked for, or {@code null}
   * @param words word budget asked for, or {@code null}
   * @param summarizer summarizer asked for, or {@code null}
   * @param facts whether the client asked for the fact sheet too
   * @param warnings what was ignored in the request (a "published" value that is not a date)
   */
  record Batch(
      List<RawArticle> articles,
      String story,
      Integer words,
      String summarizer,
      boolean facts,
      List<String> warnings) {}

  /**
   * Refuses (415) a body type other than JSON, HTML or plain text, checked before the body is read.
   * A JSON body must say so: a body without a type (a cross-site {@code no-cors} fetch of a Blob)
   * is not parsed as JSON.
   */
  static void checkType(String contentType) {
    String type = mediaType(contentType);
    if (!(isJson(type) || type.equals("text/html") || type.equals("text/plain"))) {
      throw new HttpError(
          415,
          (type.isEmpty() ? "no content type" : "unsupported content type '" + cut(type) + "'")
              + " (use application/json, text/html or text/plain)");
    }
  }

  private static String mediaType(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    int semi = type.indexOf(';');
    return (semi >= 0 ? type.substring(0, semi) : type).strip();
  }

  private static boolean isJson(String type) {
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static String cut(String s) {
    return s.length() <= 100 ? s : s.substring(0, 100) + "...";
  }

  /** The articles of a request's body, read as its content type and query parameters say. */
  static Batch parse(Request request, byte[] body, int maxArticles) {
    return parse(
        request.getHeaders().get(HttpHeader.CONTENT_TYPE),
        body,
        QueryParams.asMap(request),
        maxArticles);
  }

  static Batch parse(String contentType, byte[] body, Map<String, String> query, int maxArticles) {
    checkType(contentType);
    String type = mediaType(contentType);
    if (body.length == 0) {
      throw new HttpError(400, "empty request body");
    }
    Batch batch;
    if (isJson(type)) {
      batch = json(body, query);
    } else { // text/html or text/plain (checkType refused the rest)
      if (TextDecoder.looksBinary(body)) {
        throw new HttpError(400, "body is binary, not an article");
      }
      String text = TextDecoder.decode(body);
      RawArticle.Format format =
          type.equals("text/html") ? RawArticle.Format.HTML : RawArticle.Format.TEXT;
      String id = query.getOrDefault("id", "posted");
      RawArticle raw =
          new RawArticle(
              id,
              text,
              format,
              query.get("title"),
              query.get("url"),
              JsonArticles.parseInstant(query.get("published")),
              "api");
      List<String> warnings =
          raw.published() == null && query.get("published") != null
              ? List.of("query parameter \"published\" is not a date; the article is undated")
              : List.of();
      batch = new Batch(List.of(raw), query.get("story"), null, null, false, warnings);
    }
    if (batch.story() != null && (batch.story().isBlank() || batch.story().length() > 150)) {
      throw new HttpError(400, "story key must be 1 to 150 characters");
    }
    if (batch.articles().isEmpty()) {
      throw new HttpError(400, "no articles in the request");
    }
    if (batch.articles().size() > maxArticles) {
      throw new HttpError(
          413,
          batch.articles().size() + " articles in one request, over the limit of " + maxArticles);
    }
    for (RawArticle a : batch.articles()) {
      if (a.content().isBlank()) {
        throw new HttpError(400, "article " + a.id() + " is empty");
      }
    }
    return batch;
  }

  private static String requestString(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (!v.isTextual()) {
      throw new HttpError(
          400, "field \"" + field + "\" must be a string, got " + JsonArticles.kind(v));
    }
    return v.asText();
  }

  private static Batch json(byte[] body, Map<String, String> query) {
    JsonNode root;
    try {
      root = InputJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new HttpError(400, "invalid JSON " + InputJson.problem(e));
    } catch (IOException e) {
      throw new HttpError(400, "unreadable body (" + JsonArticles.reason(e) + ")");
    }
    if (root == null || root.isMissingNode()) {
      throw new HttpError(400, "empty JSON body");
    }
    String story = query.get("story");
    Integer words = null;
    String summarizer = null;
    boolean facts = "true".equals(query.get("facts"));
    JsonNode list = null;
    if (root.isArray()) {
      list = root;
    } else if (root.isObject() && (root.has("articles") || root.has("documents"))) {
      list = root.has("articles") ? root.get("articles") : root.get("documents");
      if (!list.isArray()) {
        throw new HttpError(400, "\"articles\" must be an array");
      }
      if (root.hasNonNull("story")) {
        story = requestString(root, "story");
      }
      if (root.hasNonNull("words")) {
        if (!root.get("words").canConvertToInt() || root.get("words").asInt() < 1) {
          throw new HttpError(400, "\"words\" must be a positive integer");
        }
        words = root.get("words").asInt();
      }
      if (root.hasNonNull("summarizer")) {
        summarizer = requestString(root, "summarizer");
      }
      if (root.hasNonNull("facts")) {
        if (!root.get("facts").isBoolean()) {
          throw new HttpError(
              400,
              "field \"facts\" must be a boolean, got " + JsonArticles.kind(root.get("facts")));
        }
        facts = root.get("facts").asBoolean();
      }
    }
    List<RawArticle> out = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    try {
      if (list == null) {
        out.add(
            JsonArticles.parse(root, "posted", "article", warnings::add)
                .withPlausibleDate(warnings::add));
      } else {
        for (int i = 0; i < list.size(); i++) {
          // a date outside 1900..tomorrow is dropped here, with a warning in the answer
          out.add(
              JsonArticles.parse(list.get(i), "posted#" + i, "article " + i, warnings::add)
                  .withPlausibleDate(warnings::add));
        }
      }
    } catch (InputException e) {
      throw new HttpError(400, e.getMessage());
    }
    return new Batch(out, story, words, summarizer, facts, List.copyOf(warnings));
  }
}

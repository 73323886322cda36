package dev.precis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.ingest.InputException;
import dev.precis.model.Article;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of articles with gold labels, as JSON Lines: {@code id}, {@code title}, {@code text},
 * {@code published} (ISO-8601, absent on undated streams), {@code outlet}, and the gold {@code
 * event} and {@code story} (either may be absent; {@code story} alone counts as the event label
 * too, as in the story roundups, whose "story" is one happening).
 */
public final class LabeledStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabeledStream() {}

  /**
   * One article of a labeled stream.
   *
   * @param event gold event label, or {@code null}
   * @param story gold story (thread) label, or {@code null}
   */
  public record Item(Article article, String event, String story) {}

  /** Reads a labeled stream (gzip accepted). */
  public static List<Item> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such file");
    }
    List<Item> out = new ArrayList<>();
    try (BufferedReader r = EvalDatasets.openText(file)) {
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (IOException e) {
          throw new InputException(file + ":" + lineNo + ": not a JSON object");
        }
        String id = text(n, "id");
        if (id == null) {
          throw new InputException(file + ":" + lineNo + ": no \"id\"");
        }
        String body = text(n, "text");
        Instant published = instant(text(n, "published"), file, lineNo);
        Article a =
            new Article(
                id,
                text(n, "title"),
                body == null ? "" : body,
                text(n, "url"),
                text(n, "outlet"),
                published,
                null,
                id);
        String story = text(n, "story");
        String event = text(n, "event");
        out.add(new Item(a, event != null ? event : story, event != null ? story : null));
      }
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return out;
  }

  /** Writes a labeled stream that {@link #read} and {@code precis stories} both accept. */
  public static void write(Path file, List<Item> items) {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Item it : items) {
        ObjectNode o = JSON.createObjectNode();
        Article a = it.article();
        o.put("id", a.id());
        if (a.title() != null) {
          o.put("title", a.title());
        }
        o.put("text", a.text());
        if (a.published() != null) {
          o.put("published", a.published().toString());
        }
        if (a.outlet() != null) {
          o.put("outlet", a.outlet());
        }
        if (it.event() != null) {
          o.put("event", it.event());
        }
        if (it.story() != null) {
          o.put("story", it.story());
        }
        w.write(o.toString());
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(String s, Path file, int lineNo) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e2) {
        throw new InputException(file + ":" + lineNo + ": unreadable \"published\" '" + s + "'");
      }
    }
  }
}

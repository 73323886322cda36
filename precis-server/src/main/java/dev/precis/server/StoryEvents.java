package dev.precis.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.store.StoryThreads.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The events part of {@code GET /api/stories/{id}}. A stored story row is one event, with its own
 * summary; the answer for it adds an {@code events} list: every event of the story it belongs to,
 * in time order (undated ones last), each with its {@code id}, {@code day} (ISO date or {@code
 * null}), {@code headline} and its own summary ({@code summary}, {@code words}, {@code sentences},
 * {@code documents}, as in {@code precis summarize --format json}), so no summary mixes two events.
 * Each event's JSON comes from the renderer (and so from the story cache), keyed by its own
 * revision, so the list is current whenever an event of the story changes.
 */
final class StoryEvents {
  private static final List<String> SUMMARY_FIELDS =
      List.of("summary", "words", "sentences", "documents");

  private StoryEvents() {}

  /**
   * The JSON of event {@code id} ({@code eventJson}) with the {@code events} list of its story.
   *
   * @param render the JSON of an event by id; throws {@link HttpError} when it has none to show
   */
  static byte[] withEvents(
      long id, byte[] eventJson, List<StoredEvent> events, LongFunction<byte[]> render) {
    ObjectNode root = (ObjectNode) read(eventJson);
    ArrayNode list = root.putArray("events");
    for (StoredEvent e : events) {
      JsonNode detail;
      try {
        detail = e.storyId() == id ? read(eventJson) : read(render.apply(e.storyId()));
      } catch (HttpError gone) {
        continue; // emptied by a merge since it was listed
      }
      ObjectNode o = list.addObject();
      o.put("id", e.storyId());
      o.put("day", e.day() == null ? null : e.day().toString());
      o.set("headline", detail.get("title"));
      o.set("articleCount", detail.get("articleCount"));
      o.set("outlets", detail.get("outlets"));
      for (String field : SUMMARY_FIELDS) {
        if (detail.has(field)) {
          o.set(field, detail.get(field));
        }
      }
    }
    try {
      return StoryJson.MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(byte[] json) {
    try {
      return StoryJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

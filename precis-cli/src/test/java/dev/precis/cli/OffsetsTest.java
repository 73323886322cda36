package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 2: every JSON output carries the cleaned text of each article once, and a
 * citation's {start, end} applied to that text gives the cited sentence.
 */
class OffsetsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path EXAMPLE =
      Path.of(System.getProperty("precis.root", ".."), "examples", "tillerson-lavrov-2017");
  @TempDir Path dir;

  /** The first citation of every sentence, applied to the text it indexes, is the sentence. */
  private static void assertOffsetsResolve(JsonNode sentences, Map<String, String> texts) {
    assertThat(sentences).isNotEmpty();
    for (JsonNode s : sentences) {
      JsonNode sources = s.get("sources");
      assertThat(sources).isNotEmpty();
      for (JsonNode c : sources) {
        String key = c.has("article") ? c.get("article").asText() : c.get("document").asText();
        String text = texts.get(key);
        assertThat(text).as("text of %s", key).isNotNull();
        assertThat(c.get("end").asInt()).isBetween(c.get("start").asInt() + 1, text.length());
      }
      JsonNode first = sources.get(0);
      String key =
          first.has("article") ? first.get("article").asText() : first.get("document").asText();
      assertThat(texts.get(key).substring(first.get("start").asInt(), first.get("end").asInt()))
          .isEqualTo(s.get("text").asText());
    }
  }

  private static Map<String, String> byIndex(JsonNode documents) {
    Map<String, String> texts = new HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      texts.put(String.valueOf(i), documents.get(i).get("text").asText());
    }
    return texts;
  }

  @Test
  void summarizeJsonOffsetsIndexTheIncludedText() throws IOException {
    CliRun run = CliRun.of("summarize", EXAMPLE.toString(), "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    // the example reports two events: one summary each, each with its own documents
    for (JsonNode out : perEvent(JSON.readTree(run.out()))) {
      assertOffsetsResolve(out.get("sentences"), byIndex(out.get("documents")));
    }
  }

  /** The event sections of a JSON output about several events, or the output itself. */
  static List<JsonNode> perEvent(JsonNode out) {
    List<JsonNode> units = new java.util.ArrayList<>();
    if (out.has("events")) {
      out.get("events").forEach(units::add);
    } else {
      units.add(out);
    }
    return units;
  }

  @Test
  void batchSummariesIncludeTheirDocumentsTexts() throws IOException {
    ObjectNode cluster = JSON.createObjectNode().put("id", "c1");
    ArrayNode docs = cluster.putArray("documents");
    try (Stream<Path> files = Files.list(EXAMPLE)) {
      for (Path f : files.sorted().toList()) {
        // raw HTML in, so the offsets cannot be applied to the input itself
        docs.addObject().put("html", Files.readString(f));
      }
    }
    Path in = Files.writeString(dir.resolve("clusters.jsonl"), cluster + "\n");
    CliRun run = CliRun.of("summarize", "--input", in.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode out = JSON.readTree(run.out());
    assertThat(out.get("documents")).hasSize(docs.size());
    assertOffsetsResolve(out.get("sentences"), byIndex(out.get("documents")));
  }

  @Test
  void storiesCarryTheTextOfEveryCitedArticle() throws IOException {
    CliRun run = CliRun.of("stories", EXAMPLE.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      JsonNode story = JSON.readTree(line);
      Map<String, String> texts = new HashMap<>();
      for (JsonNode a : story.get("articles")) {
        if (a.has("text")) {
          texts.put(a.get("id").asText(), a.get("text").asText());
        }
      }
      assertOffsetsResolve(story.get("sentences"), texts);
    }
  }

  @Test
  void factSheetJsonOffsetsIndexTheIncludedText() throws IOException {
    CliRun run = CliRun.of("facts", EXAMPLE.toString(), "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    boolean sawTimeline = false;
    for (JsonNode out : perEvent(JSON.readTree(run.out()))) {
      Map<String, String> texts = byIndex(out.get("documents"));
      JsonNode timeline = out.get("timeline");
      sawTimeline |= !timeline.isEmpty();
      for (JsonNode event : timeline) {
        JsonNode c = event.get("sources").get(0);
        assertThat(
                texts
                    .get(c.get("document").asText())
                    .substring(c.get("start").asInt(), c.get("end").asInt()))
            .isEqualTo(event.get("text").asText());
      }
    }
    assertThat(sawTimeline).isTrue();
  }
}

package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of {@code precis summarize} on the bundled example and in batch mode. */
class SummarizeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EXAMPLE =
      Path.of(System.getProperty("precis.root", "..")).resolve("examples/tillerson-lavrov-2017");

  @TempDir Path dir;

  @Test
  void jsonOnTheExampleIsWithinBudgetAndEveryCitationPointsAtItsSentence() throws IOException {
    CliRun run = CliRun.of("summarize", EXAMPLE.toString(), "--format", "json", "--one-summary");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = JSON.readTree(run.out());
    JsonNode docs = root.get("documents");
    assertThat(docs).hasSize(5);
    int words = 0;
    assertThat(root.get("sentences")).isNotEmpty();
    for (JsonNode s : root.get("sentences")) {
      String text = s.get("text").asText();
      words += text.trim().split("\\s+").length;
      assertThat(s.get("sources")).isNotEmpty();
      JsonNode first = s.get("sources").get(0);
      String cited =
          docs.get(first.get("document").asInt())
              .get("text")
              .asText()
              .substring(first.get("start").asInt(), first.get("end").asInt());
      assertThat(cited).isEqualTo(text);
      for (JsonNode c : s.get("sources")) {
        String other =
            docs.get(c.get("document").asInt())
                .get("text")
                .asText()
                .substring(c.get("start").asInt(), c.get("end").asInt());
        assertThat(other).isNotBlank();
      }
    }
    assertThat(words).isLessThanOrEqualTo(100).isGreaterThan(60);
  }

  @Test
  void textFormatListsNumberedSources() {
    CliRun run = CliRun.of("summarize", EXAMPLE.toString(), "--one-summary");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Sources:").contains("[1] ").contains("[5] ");
    assertThat(run.out()).containsPattern("\\[\\d\\]\\n");
  }

  @Test
  void theExampleHoldsTwoEventsSummarizedApartInTimeOrder() throws IOException {
    // 000 is a phone call of January 2018 (undated in the example); 001-004 the April 2017 meeting
    CliRun text = CliRun.of("summarize", EXAMPLE.toString());
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.err()).contains("2 different events");
    assertThat(text.out()).startsWith("12 April 2017: ").contains("\nDate unknown: ");

    CliRun run = CliRun.of("summarize", EXAMPLE.toString(), "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode events = JSON.readTree(run.out()).get("events");
    assertThat(events).hasSize(2);
    JsonNode april = events.get(0);
    assertThat(april.get("day").asText()).isEqualTo("2017-04-12");
    assertThat(april.get("documents")).hasSize(4);
    for (JsonNode d : april.get("documents")) {
      assertThat(d.get("origin").asText()).doesNotContain("000_");
    }
    assertThat(april.get("sentences")).isNotEmpty();
    for (JsonNode s : april.get("sentences")) {
      for (JsonNode c : s.get("sources")) {
        // each event's citations point into its own documents
        String cited =
            april
                .get("documents")
                .get(c.get("document").asInt())
                .get("text")
                .asText()
                .substring(c.get("start").asInt(), c.get("end").asInt());
        assertThat(cited).isNotBlank();
      }
    }
    assertThat(events.get(1).get("day").isNull()).isTrue();
    assertThat(events.get(1).get("documents")).hasSize(1);
  }

  @Test
  void batchModeWritesOneLinePerClusterInInputOrder() throws IOException {
    Path in = dir.resolve("clusters.jsonl");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      b.append("{\"id\":\"c")
          .append(i)
          .append("\",\"documents\":[")
          .append(
              JSON.writeValueAsString(
                  "The council voted on the budget plan "
                      + i
                      + " on Monday. Members said the plan would cut spending by ten percent."))
          .append(",{\"html\":")
          .append(
              JSON.writeValueAsString(
                  "<html><body><p>The council approved budget plan "
                      + i
                      + " after a long debate on Monday.</p></body></html>"))
          .append(",\"title\":\"Budget\"}]}\n");
    }
    Files.writeString(in, b.toString());
    Path out = dir.resolve("out.jsonl");
    CliRun run =
        CliRun.of(
            "summarize", "--input", in.toString(), "--output", out.toString(), "--words", "30");
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(5);
    for (int i = 0; i < 5; i++) {
      JsonNode line = JSON.readTree(lines.get(i));
      assertThat(line.get("id").asText()).isEqualTo("c" + i);
      assertThat(line.get("summary").asText()).isNotBlank();
      assertThat(line.get("summary").asText().split("\\s+").length).isLessThanOrEqualTo(30);
      assertThat(line.get("sentences").get(0).get("sources")).isNotEmpty();
    }
  }

  @Test
  void standardInputIsRead() {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(
              "Rescuers pulled three people from the rubble on Sunday. The quake struck at dawn."
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      CliRun run = CliRun.of("summarize", "-");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("Rescuers pulled three people");
    } finally {
      System.setIn(saved);
    }
  }
}

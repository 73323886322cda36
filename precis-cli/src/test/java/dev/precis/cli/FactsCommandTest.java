package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** End-to-end runs of {@code precis facts}, {@code summarize --facts} and {@code eval-facts}. */
class FactsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of(System.getProperty("precis.root", ".."));
  private static final Path EXAMPLE = ROOT.resolve("examples/tillerson-lavrov-2017");

  @Test
  void theTollsOfTwoAttacksAreNotADisagreement() throws IOException {
    // 000 reports a January 2018 attack ("nearly 20" dead), 001-004 the April 2017 one (80-87):
    // two events, one fact sheet each, and no disagreement pairs the two tolls
    CliRun run = CliRun.of("facts", EXAMPLE.toString(), "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("2 different events");
    JsonNode events = JSON.readTree(run.out()).get("events");
    assertThat(events).hasSize(2);
    JsonNode april = events.get(0);
    assertThat(april.get("day").asText()).isEqualTo("2017-04-12");
    assertThat(april.get("entities")).isNotEmpty();
    assertThat(april.get("quotes")).isNotEmpty();
    assertThat(april.get("timeline")).isNotEmpty();
    boolean aprilTolls = false;
    for (JsonNode e : events) {
      for (JsonNode g : e.get("figures")) {
        String variants = g.get("variants").toString();
        if (g.get("category").asText().equals("deaths")) {
          assertThat(variants.contains("nearly 20") && variants.contains("87")).isFalse();
          aprilTolls |= variants.contains("at least 87");
        }
      }
    }
    assertThat(aprilTolls).isTrue();
  }

  @Test
  void markdownAndTextFormsHaveTheSections() {
    CliRun md = CliRun.of("facts", EXAMPLE.toString(), "--format", "markdown");
    assertThat(md.code()).as(md.err()).isZero();
    assertThat(md.out())
        .contains("# 2017-04-12: ", "## Fact sheet", "### Who said what", "### Timeline");
    CliRun bad = CliRun.of("facts", EXAMPLE.toString(), "--format", "pdf");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown format");
  }

  @Test
  void summarizeWithFactsAddsThem() throws IOException {
    CliRun run =
        CliRun.of("summarize", EXAMPLE.toString(), "--format", "json", "--facts", "--one-summary");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("sentences")).isNotEmpty();
    assertThat(root.get("facts").get("entities")).isNotEmpty();
    // by event: each event its own facts
    CliRun events = CliRun.of("summarize", EXAMPLE.toString(), "--format", "json", "--facts");
    assertThat(events.code()).as(events.err()).isZero();
    for (JsonNode e : JSON.readTree(events.out()).get("events")) {
      assertThat(e.get("facts").get("entities")).isNotEmpty();
    }
  }

  @Test
  void evalFactsPrintsATable() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        java.nio.file.Files.isDirectory(ROOT.resolve("../shared/data/multiling2011-en")),
        "shared data not present");
    CliRun run =
        CliRun.of(
            "eval-facts",
            "--root",
            ROOT.toString(),
            "--data",
            ROOT.resolve("datasets/facts").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("| quotes | speaker accuracy (named speakers) |", "| numbers | extraction F1 |");
  }

  @Test
  void readsTheSameInputsAsSummarizeAndRefusesLoopbackUrls() {
    CliRun run = CliRun.of("facts", "http://127.0.0.1:9/story.html");
    org.assertj.core.api.Assertions.assertThat(run.code()).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(run.err())
        .startsWith("precis: error: refused: 127.0.0.1 is a loopback address");
  }
}

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
  void jsonFactSheetOfTheExampleFlagsTheDeathTollDisagreement() throws IOException {
    CliRun run = CliRun.of("facts", EXAMPLE.toString(), "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("entities")).isNotEmpty();
    assertThat(root.get("quotes")).isNotEmpty();
    assertThat(root.get("timeline")).isNotEmpty();
    JsonNode deaths = null;
    for (JsonNode g : root.get("figures")) {
      if (g.get("category").asText().equals("deaths") && g.get("disagreement").asBoolean()) {
        deaths = g;
      }
    }
    assertThat(deaths).isNotNull();
    assertThat(deaths.get("variants").toString())
        .contains("nearly 20", "at least 87", "more than 80", "dozens");
  }

  @Test
  void markdownAndTextFormsHaveTheSections() {
    CliRun md = CliRun.of("facts", EXAMPLE.toString(), "--format", "markdown");
    assertThat(md.code()).as(md.err()).isZero();
    assertThat(md.out())
        .contains(
            "## Fact sheet", "### Where sources disagree", "### Who said what", "### Timeline");
    CliRun bad = CliRun.of("facts", EXAMPLE.toString(), "--format", "pdf");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown format");
  }

  @Test
  void summarizeWithFactsAddsThem() throws IOException {
    CliRun run = CliRun.of("summarize", EXAMPLE.toString(), "--format", "json", "--facts");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("sentences")).isNotEmpty();
    assertThat(root.get("facts").get("entities")).isNotEmpty();
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

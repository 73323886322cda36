package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, point 3: story times come from article times; dates are shown at their precision. */
class TimesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path EXAMPLE =
      Paths.get(System.getProperty("precis.root", ".."), "examples", "tillerson-lavrov-2017");
  @TempDir Path dir;

  static final String TEXT =
      "Officials met in Geneva on Monday to discuss the ceasefire. The talks lasted six hours and"
          + " ended without an agreement, according to two diplomats.";

  @Test
  void undatedStoryHasNoTimesAndSaysSo() throws IOException {
    Path in = Files.writeString(dir.resolve("news.txt"), TEXT);
    JsonNode story = JSON.readTree(CliRun.of("stories", in.toString()).out());
    assertThat(story.get("first_seen").isNull()).isTrue();
    assertThat(story.get("last_seen").isNull()).isTrue();
    String md = CliRun.of("stories", in.toString(), "--format", "markdown").out();
    assertThat(md).contains("· date unknown");
  }

  @Test
  void dateWithoutTimeIsShownAsTheDay() throws IOException {
    Path in = dir.resolve("dated.jsonl");
    Files.writeString(
        in,
        JSON.createObjectNode().put("text", TEXT).put("published", "2017-04-21").toString() + "\n");
    String md = CliRun.of("stories", in.toString(), "--format", "markdown").out();
    // the byline gives the day the news happened ("on Monday": 17 April), then when it ran
    assertThat(md).contains("· 2017-04-17, reported 2017-04-21*").doesNotContain("T00:00");
  }

  @Test
  void factSheetDatesKeepTheirPrecision() throws IOException {
    JsonNode sheet =
        JSON.readTree(CliRun.of("facts", EXAMPLE.toString(), "--format", "json").out());
    boolean sawYear = false;
    for (JsonNode event : timelines(sheet)) {
      String granularity = event.get("granularity").asText();
      String date = event.get("date").asText();
      switch (granularity) {
        case "year" -> {
          assertThat(date).matches("\\d{4}");
          sawYear = true;
        }
        case "month" -> assertThat(date).matches("\\d{4}-\\d{2}");
        case "week" -> assertThat(date).matches("\\d{4}-W\\d{2}");
        default -> assertThat(date).matches("\\d{4}-\\d{2}-\\d{2}");
      }
      assertThat(event.get("firstDay").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }
    assertThat(sawYear).isTrue();
    String text = CliRun.of("facts", EXAMPLE.toString()).out();
    assertThat(text).contains("2003:").doesNotContain("2003-01-01");
  }

  /** Every timeline entry, of each event's fact sheet when the input reports several events. */
  private static java.util.List<JsonNode> timelines(JsonNode sheet) {
    java.util.List<JsonNode> entries = new java.util.ArrayList<>();
    for (JsonNode unit : OffsetsTest.perEvent(sheet)) {
      unit.get("timeline").forEach(entries::add);
    }
    return entries;
  }
}

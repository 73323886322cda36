package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: JSON field types are checked with one-line errors naming field and line, a bad date is
 * a warning (point 5); an article of only boilerplate is skipped with the same warning by every
 * command, and {@code facts} and {@code summarize} refuse input with no text left (point 4).
 */
class InputChecksTest {
  @TempDir Path dir;

  static final String BOILERPLATE =
      "Subscribe to our newsletter\nAll rights reserved.\nShare this article\nFollow us on Twitter\n";

  private static void assertOneLineError(CliRun run, String message) {
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("precis: error: " + message);
  }

  @Test
  void wrongTypesInJsonLinesNameFieldAndLine() throws IOException {
    Path in = dir.resolve("input.jsonl");
    Files.writeString(
        in, "{\"id\":5,\"text\":123,\"title\":[\"x\"],\"published\":\"not a date\",\"url\":42}\n");
    for (String cmd : List.of("summarize", "facts", "stories")) {
      assertOneLineError(
          CliRun.of(cmd, in.toString()), in + ":1: field \"text\" must be a string, got number");
    }
    Files.writeString(in, "{\"text\":\"Talks ended.\"}\n{\"text\":{\"a\":1}}\n");
    assertOneLineError(
        CliRun.of("summarize", in.toString()),
        in + ":2: field \"text\" must be a string, got object");
    Files.writeString(in, "{\"text\":\"Talks ended.\",\"url\":42}\n");
    assertOneLineError(
        CliRun.of("summarize", in.toString()),
        in + ":1: field \"url\" must be a string, got number");
  }

  @Test
  void wrongTypesInJsonFileAndBatchClusters() throws IOException {
    Path json = dir.resolve("article.json");
    Files.writeString(json, "{\"text\": \"Talks ended.\", \"title\": [\"x\"]}");
    assertOneLineError(
        CliRun.of("summarize", json.toString()),
        json + ": field \"title\" must be a string, got array");
    Path clusters = dir.resolve("clusters.jsonl");
    Files.writeString(clusters, "{\"id\": \"c1\", \"documents\": [{\"text\": 5}]}\n");
    assertOneLineError(
        CliRun.of("summarize", "--input", clusters.toString()),
        clusters + ":1 document 0: field \"text\" must be a string, got number");
    Files.writeString(clusters, "{\"id\": [1], \"documents\": []}\n");
    assertOneLineError(
        CliRun.of("summarize", "--input", clusters.toString()),
        clusters + ":1: field \"id\" must be a string or a whole number, got array");
    Files.writeString(clusters, "{\"id\": \"c\", \"documents\": \"text\"}\n");
    assertOneLineError(
        CliRun.of("summarize", "--input", clusters.toString()),
        clusters + ":1: field \"documents\" must be an array, got string");
  }

  @Test
  void badDateIsAWarningNotSilence() throws IOException {
    Path in = dir.resolve("dated.jsonl");
    Files.writeString(
        in,
        "{\"id\":5,\"published\":\"not a date\",\"text\":\"Officials met in Geneva on Monday to"
            + " discuss the ceasefire. The talks lasted six hours, two diplomats said.\"}\n");
    CliRun run = CliRun.of("summarize", in.toString());
    assertThat(run.code()).isZero();
    assertThat(run.err())
        .contains(
            "precis: warning: "
                + in
                + ":1: field \"published\" is not a date (\"not a date\"); the article is undated");
  }

  @Test
  void invalidJsonIsOneLineWithoutParserInternals() throws IOException {
    Path in = dir.resolve("broken.jsonl");
    Files.writeString(in, "{\"text\": abc}\n");
    CliRun run = CliRun.of("summarize", in.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("precis: error: " + in + ":1: invalid JSON (");
    assertThat(run.err()).doesNotContain("Source:").doesNotContain("REDACTED");
  }

  @Test
  void boilerplateOnlyArticleIsSkippedAlikeByEveryCommand() throws IOException {
    Path empty = Files.writeString(dir.resolve("furniture.txt"), BOILERPLATE);
    String warning =
        "precis: warning: skipped " + empty + ": no text left after removing boilerplate";
    for (String cmd : List.of("summarize", "facts")) {
      CliRun run = CliRun.of(cmd, empty.toString());
      assertThat(run.code()).as(cmd).isEqualTo(2);
      assertThat(run.out()).as(cmd).isEmpty();
      assertThat(run.err())
          .as(cmd)
          .isEqualTo(
              warning
                  + System.lineSeparator()
                  + "precis: error: no article text is left after removing boilerplate"
                  + System.lineSeparator());
    }
    CliRun stories = CliRun.of("stories", empty.toString());
    assertThat(stories.code()).isZero();
    assertThat(stories.out()).isEmpty();
    assertThat(stories.err()).contains(warning);
    CliRun ingest = CliRun.of("ingest", "--db", dir.resolve("db").toString(), empty.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(ingest.err())
        .contains(warning)
        .contains("1 skipped")
        .contains("into 0 events in 0 stories");
  }

  @Test
  void emptyArticleBesideARealOneIsSkippedWithAWarning() throws IOException {
    Files.writeString(dir.resolve("furniture.txt"), BOILERPLATE);
    Files.writeString(
        dir.resolve("news.txt"),
        "Officials met in Geneva on Monday to discuss the ceasefire. The talks lasted six hours"
            + " and ended without an agreement, according to two diplomats.");
    for (String cmd : List.of("summarize", "facts")) {
      CliRun run = CliRun.of(cmd, dir.toString());
      assertThat(run.code()).as(cmd).isZero();
      assertThat(run.err()).as(cmd).contains("no text left after removing boilerplate");
      assertThat(run.out()).as(cmd).doesNotContain("furniture.txt");
    }
  }
}

package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or careless input on the command line: one-line errors, nothing half done. */
class HardeningCliTest {
  @TempDir Path dir;

  private static void assertOneLineError(CliRun run, String contains) {
    assertThat(run.code()).isNotZero();
    assertThat(run.err().strip()).contains(contains).doesNotContain("\n").doesNotContain("\tat ");
  }

  @Test
  void blankApiKeyIsRefusedInsteadOfTurningAuthenticationOff() {
    for (String key : new String[] {"", "   "}) {
      assertOneLineError(
          CliRun.of("serve", "--db", dir.resolve("db").toString(), "--port", "0", "--api-key", key),
          "--api-key is blank");
    }
  }

  private static final String TEXT =
      "The city council approved the new budget on Monday after a long debate. "
          + "The mayor said the plan would fund two new schools and repair the main bridge. "
          + "Opposition members argued that the tax increase was too steep for small firms.";

  private static String line(String id, String published, String outlet, String title) {
    com.fasterxml.jackson.databind.node.ObjectNode o =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    o.put("id", id).put("text", TEXT + " Item " + id + ".").put("published", published);
    o.put("outlet", outlet).put("title", title);
    return o.toString();
  }

  private Path hostileInputs() throws java.io.IOException {
    Path in = dir.resolve("in");
    java.nio.file.Files.createDirectories(in);
    java.nio.file.Files.write(
        in.resolve("stream.jsonl"),
        java.util.List.of(
            line(
                "max",
                "+999999999-12-31T23:59:59Z",
                "<svg onload=alert(1)>",
                "Budget \u202Egpj.exe"),
            line("future", "2099-01-01T00:00:00Z", "Future Times", "Budget passes"),
            line("normal", "2024-03-04T10:00:00Z", "Daily News", "Council budget")));
    java.nio.file.Files.writeString(
        in.resolve("page.html"),
        "<html><head><title>Budget vote</title><meta property=\"article:published_time\""
            + " content=\"+300000000-01-01T00:00:00Z\"></head><body><article><p>"
            + TEXT
            + "</p></article></body></html>");
    return in;
  }

  @Test
  void extremeDatesAreIgnoredWithAWarningNotAnOverflow() throws Exception {
    Path in = hostileInputs();
    CliRun stories = CliRun.of("stories", in.toString());
    assertThat(stories.code()).as(stories.err()).isZero();
    assertThat(stories.err()).contains("ignored publication date").doesNotContain("Arithmetic");
    assertThat(stories.out()).doesNotContain("+999999999").doesNotContain("2099");
    CliRun ingest = CliRun.of("ingest", in.toString(), "--db", dir.resolve("db").toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
  }

  @Test
  void markdownEscapesOutletsAndTitlesLoseBidiOverrides() throws Exception {
    CliRun run = CliRun.of("stories", hostileInputs().toString(), "--format", "markdown");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("\\<svg").doesNotContain("\u202E");
    assertThat(run.out().replace("\\<", "")).as("every < escaped").doesNotContain("<");
  }

  @Test
  void jsonNestedDeepIsAOneLineError() throws Exception {
    Path deep = dir.resolve("deep.json");
    java.nio.file.Files.writeString(deep, "[".repeat(100_000) + "]".repeat(100_000));
    assertOneLineError(CliRun.of("summarize", deep.toString()), "nesting depth");
    Path lines = dir.resolve("deep.jsonl");
    java.nio.file.Files.writeString(
        lines, "{\"text\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}\n");
    assertOneLineError(CliRun.of("summarize", lines.toString()), "nesting depth");
  }
}

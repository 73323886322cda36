package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precis extract} on real benchmark pages and on bad input. */
class ExtractCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PAGES =
      Path.of(System.getProperty("precis.root", ".."))
          .resolve("precis-eval/src/test/resources/extract/html");

  @TempDir Path dir;

  @Test
  void directoryOfGzippedPagesGivesOneJsonLineEach() throws IOException {
    Path out = dir.resolve("pages.jsonl");
    CliRun run =
        CliRun.of("extract", PAGES.toString(), "--format", "jsonl", "--output", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4);
    for (String line : lines) {
      JsonNode o = JSON.readTree(line);
      assertThat(o.get("path").asText()).endsWith(".html.gz");
      assertThat(o.get("text").asText().length()).isGreaterThan(1000);
      assertThat(
              o.has("title")
                  && o.has("url")
                  && o.has("published")
                  && o.has("author")
                  && o.has("language"))
          .isTrue();
    }
    JsonNode hill =
        lines.stream()
            .map(ExtractCommandTest::json)
            .filter(o -> o.get("path").asText().contains("6ebac05f"))
            .findFirst()
            .orElseThrow();
    assertThat(hill.get("title").asText())
        .isEqualTo("New York man pleads guilty to threatening to kill Omar");
    assertThat(hill.get("author").asText()).isEqualTo("Justine Coleman");
    assertThat(hill.get("published").asText()).isEqualTo("2019-11-19T04:04:24Z");
    assertThat(hill.get("language").asText()).isEqualTo("en");
    assertThat(hill.get("url").asText()).startsWith("https://thehill.com/");
  }

  /** Two real pages of one site from the shared validation set: its furniture repeats. */
  @Test
  void linesRepeatedAcrossPagesOfOneSiteAreDropped() throws IOException {
    Path shared =
        Path.of(System.getProperty("precis.root", ".."))
            .resolve("../shared/data/article-extraction/html");
    List<String> ids =
        List.of(
            "30b771a40a4e96156d398716c877deef54b05d091770d2717c98e4c6b670010c",
            "612cd29826624e68ce96789c8049e16279dfd2fceb27434eea7943b2aaf84e90");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isRegularFile(shared.resolve(ids.get(0) + ".html.gz")), "no shared data");
    for (String id : ids) {
      Files.copy(shared.resolve(id + ".html.gz"), dir.resolve(id + ".html.gz"));
    }
    CliRun dropped = CliRun.of("extract", dir.toString(), "--drop-site-repeats");
    CliRun kept = CliRun.of("extract", dir.toString());
    assertThat(dropped.code()).as(dropped.err()).isZero();
    assertThat(kept.code()).as(kept.err()).isZero();
    List<String> withRepeats = texts(kept);
    List<String> withoutRepeats = texts(dropped);
    for (int i = 0; i < 2; i++) {
      List<String> before = withRepeats.get(i).lines().toList();
      List<String> after = withoutRepeats.get(i).lines().toList();
      List<String> other = withRepeats.get(1 - i).lines().toList();
      assertThat(after).isSubsetOf(before).doesNotContainAnyElementsOf(other);
      assertThat(before.size() - after.size()).isPositive();
      assertThat(withoutRepeats.get(i).length()).isGreaterThan(withRepeats.get(i).length() / 2);
    }
  }

  private static List<String> texts(CliRun run) {
    return run.out().strip().lines().map(l -> json(l).get("text").asText()).toList();
  }

  @Test
  void bothMainTextMethodsAreSelectable() throws IOException {
    for (String method : List.of("learned", "rules", "RULES")) {
      CliRun run = CliRun.of("extract", PAGES.toString(), "--extractor", method);
      assertThat(run.code()).as(run.err()).isZero();
      List<String> lines = run.out().strip().lines().toList();
      assertThat(lines).as(method).hasSize(4);
      for (String line : lines) {
        assertThat(JSON.readTree(line).get("text").asText().length())
            .as(method)
            .isGreaterThan(1000);
      }
    }
  }

  @Test
  void parallelRunsWriteTheSameLinesInTheSameOrder() throws IOException {
    CliRun one = CliRun.of("extract", PAGES.toString(), "--threads", "1");
    CliRun four = CliRun.of("extract", PAGES.toString(), "--threads", "4");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(four.out()).isEqualTo(one.out());
    CliRun zero = CliRun.of("extract", PAGES.toString(), "--threads", "0");
    assertThat(zero.code()).isEqualTo(2);
    assertThat(zero.err()).contains("'--threads': must be at least 1");
  }

  @Test
  void plainHtmlFileToStandardOutput() throws IOException {
    Path page = dir.resolve("page.html");
    Files.writeString(
        page,
        "<html lang=en><head><title>Bridge reopens | Town Crier</title></head><body><nav><a"
            + " href=/>Home</a></nav><article><h1>Bridge reopens</h1><p>The old bridge reopened on"
            + " Monday after two years of repairs, the council said.</p></article></body></html>");
    CliRun run = CliRun.of("extract", page.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode o = JSON.readTree(run.out());
    assertThat(o.get("title").asText()).isEqualTo("Bridge reopens");
    assertThat(o.get("text").asText())
        .isEqualTo(
            "The old bridge reopened on Monday after two years of repairs, the council said.");
    assertThat(o.get("published").isNull()).isTrue();
  }

  @Test
  void brokenGzipInDirectoryIsSkippedButNamedExplicitlyIsAnError() throws IOException {
    // gzip magic, then garbage (a plain page named .gz is read as a page, as by summarize)
    Files.write(dir.resolve("bad.html.gz"), new byte[] {0x1f, (byte) 0x8b, 'n', 'o', 't', ' '});
    try (OutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("good.html.gz")))) {
      gz.write("<p>Good page with a sentence of text in it.</p>".getBytes(StandardCharsets.UTF_8));
    }
    CliRun run = CliRun.of("extract", dir.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("precis: warning: skipped").contains("not a valid gzip file");
    assertThat(run.out().lines()).hasSize(1);

    CliRun explicit = CliRun.of("extract", dir.resolve("bad.html.gz").toString());
    assertOneLineError(explicit, "not a valid gzip file");
  }

  @Test
  void badArguments() {
    assertOneLineError(CliRun.of("extract", dir.resolve("nope").toString()), "no such file");
    assertOneLineError(CliRun.of("extract", dir.toString()), "contains no .html");
    assertOneLineError(
        CliRun.of("extract", PAGES.toString(), "--format", "xml"), "unknown --format");
    assertOneLineError(
        CliRun.of("extract", PAGES.toString(), "--extractor", "magic"), "unknown extractor");
  }

  @Test
  void failedRunLeavesNoOutputFile() throws IOException {
    Files.write(dir.resolve("bad.html.gz"), new byte[] {0x1f, (byte) 0x8b, 'n', 'o', 't', ' '});
    Path out = dir.resolve("out.jsonl");
    CliRun run =
        CliRun.of("extract", dir.resolve("bad.html.gz").toString(), "--output", out.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(out).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void evalExtractPrintsTheTableOnALabelledSet() {
    CliRun run = CliRun.of("eval-extract", "--dataset", PAGES.getParent().toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("4 pages").contains("| HtmlExtractor (learned) |");
    CliRun rules =
        CliRun.of(
            "eval-extract", "--dataset", PAGES.getParent().toString(), "--extractor", "rules");
    assertThat(rules.code()).as(rules.err()).isZero();
    assertThat(rules.out()).contains("| HtmlExtractor (rules) |");
    assertOneLineError(CliRun.of("eval-extract", "--dataset", dir.toString()), "ground-truth.json");
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertOneLineError(CliRun run, String contains) {
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("precis: error: ").contains(contains);
  }

  @Test
  void pagesOverTheSizeLimitAreRefusedEvenWhenTheyOnlyGrowOnDecompression() throws IOException {
    Path bomb = dir.resolve("bomb.html.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(bomb))) {
      byte[] chunk = "<p>aaaa</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 200; i++) {
        gz.write(chunk);
      }
    }
    assertThat(Files.size(bomb)).isLessThan(100_000);
    assertOneLineError(
        CliRun.of("extract", bomb.toString(), "--max-file-bytes", "1000000"),
        "decompressed file is over the limit");
    Path big = dir.resolve("big.html");
    Files.writeString(big, "<p>bbbb</p>".repeat(200));
    assertOneLineError(CliRun.of("extract", big.toString(), "--max-file-bytes", "100"), "limit");
  }
}

package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gets a one-line error and a non-zero exit, never a stack trace. */
class BadInputTest {
  @TempDir Path dir;

  private static void assertOneLineError(CliRun run, String contains) {
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("precis: error: ").contains(contains);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void missingPath() {
    assertOneLineError(CliRun.of("summarize", dir.resolve("nope").toString()), "no such file");
  }

  @Test
  void emptyDirectory() {
    assertOneLineError(CliRun.of("summarize", dir.toString()), "contains no");
  }

  @Test
  void binaryFileNamedExplicitly() throws IOException {
    Path bin = dir.resolve("image.txt");
    Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2});
    assertOneLineError(CliRun.of("summarize", bin.toString()), "binary file");
  }

  @Test
  void binaryFileInDirectoryIsSkippedWithWarning() throws IOException {
    Files.write(dir.resolve("a.txt"), new byte[] {0, 1, 2, 3, 0});
    Files.writeString(
        dir.resolve("b.txt"),
        "Officials met in Geneva on Monday to discuss the ceasefire. The talks lasted six hours"
            + " and ended without an agreement, according to two diplomats.");
    CliRun run = CliRun.of("summarize", dir.toString());
    assertThat(run.code()).isZero();
    assertThat(run.err()).contains("precis: warning: skipped").contains("binary file");
    assertThat(run.out()).contains("Geneva");
  }

  @Test
  void emptyArticleAloneIsAnError() throws IOException {
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "   \n\n");
    CliRun run = CliRun.of("summarize", empty.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("warning: skipped").contains("empty article");
    assertThat(run.err()).contains("precis: error: no articles");
  }

  @Test
  void overLargeFileNamesTheLimit() throws IOException {
    Path big = dir.resolve("big.txt");
    Files.writeString(big, "word ".repeat(1000));
    assertOneLineError(
        CliRun.of("summarize", "--max-file-bytes", "100", big.toString()), "over the limit of 100");
  }

  @Test
  void invalidJsonLineInBatchSaysWhichLineAndWritesNothing() throws IOException {
    Path in = dir.resolve("clusters.jsonl");
    Files.writeString(
        in,
        "{\"id\":\"a\",\"documents\":[\"One sentence here about the vote in parliament today.\"]}\n"
            + "{\"id\":\"b\",\"documents\":[\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out.jsonl");
    CliRun run = CliRun.of("summarize", "--input", in.toString(), "--output", out.toString());
    assertOneLineError(run, "clusters.jsonl:2");
    assertThat(out).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly("clusters.jsonl");
    }
  }

  @Test
  void failedBatchLeavesPreviousOutputUntouched() throws IOException {
    Path in = dir.resolve("clusters.jsonl");
    Files.writeString(in, "{\"id\":\"a\",\"documents\":42}\n");
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "previous results\n");
    CliRun run = CliRun.of("summarize", "--input", in.toString(), "--output", out.toString());
    assertOneLineError(run, "field \"documents\" must be an array, got number");
    assertThat(out).hasContent("previous results");
  }

  @Test
  void unknownSummarizerListsTheKnownOnes() throws IOException {
    Path a = dir.resolve("a.txt");
    Files.writeString(a, "A sentence that is long enough to be summarized by Precis today.");
    assertOneLineError(CliRun.of("summarize", "--summarizer", "nope", a.toString()), "known:");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("summarize", "--no-such-option");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option").doesNotContain("\tat ");
  }
}

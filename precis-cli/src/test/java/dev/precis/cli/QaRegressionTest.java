package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs found by trying the command line as a new (and hostile) user would. */
class QaRegressionTest {
  @TempDir Path dir;

  private static final String CLUSTER =
      "{\"id\":\"a\",\"documents\":[\"The council voted on Monday to approve the new budget for"
          + " the city schools, officials said.\"]}\n";

  private static void assertOneLineError(CliRun run, String contains) {
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("precis: error: ").contains(contains);
    assertThat(run.err()).doesNotContain("internal error").doesNotContain("Exception");
  }

  @Test
  void truncatedGzipBatchInputIsAUserError() throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(CLUSTER.repeat(100).getBytes(StandardCharsets.UTF_8));
    }
    Path in = dir.resolve("clusters.jsonl.gz");
    Files.write(in, java.util.Arrays.copyOf(bytes.toByteArray(), 60));
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "previous results\n");
    CliRun run = CliRun.of("summarize", "--input", in.toString(), "--output", out.toString());
    assertOneLineError(run, "clusters.jsonl.gz: cannot read");
    assertThat(out).hasContent("previous results");
  }

  @Test
  void batchInputThatIsADirectorySaysSo() {
    assertOneLineError(CliRun.of("summarize", "--input", dir.toString()), "is a directory");
  }

  @Test
  void outputFileGetsOrdinaryPermissionsNotOwnerOnly() throws IOException {
    Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path in = dir.resolve("clusters.jsonl");
    Files.writeString(in, CLUSTER);
    Path out = dir.resolve("out.jsonl");
    assertThat(CliRun.of("summarize", "--input", in.toString(), "--output", out.toString()).code())
        .isZero();
    // a fresh output file gets the mode of any newly created file (the umask's), not the
    // owner-only 0600 of a temporary file
    Path plain = Files.createFile(dir.resolve("plain"));
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
    Files.delete(plain);

    // replacing an existing file keeps its mode
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-rw----");
    Files.setPosixFilePermissions(out, mode);
    assertThat(CliRun.of("summarize", "--input", in.toString(), "--output", out.toString()).code())
        .isZero();
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(mode);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("clusters.jsonl", "out.jsonl");
    }
  }

  @Test
  void databaseThatCannotBeCreatedIsOneLineWithoutH2StackTraces() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    Path page =
        Files.writeString(
            dir.resolve("page.txt"), "The council voted on Monday to approve the budget.");
    var stdout = System.out;
    var stderr = System.err;
    var captured = new java.io.ByteArrayOutputStream();
    CliRun run;
    try (var sink = new java.io.PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(sink);
      System.setErr(sink);
      run = CliRun.of("ingest", page.toString(), "--db", file.resolve("sub/db").toString());
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("precis: error: cannot open database");
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .doesNotContain("\tat ")
        .doesNotContain("DbException");
  }

  @Test
  void markdownShowsHostileArticleTextLiterallyAndLinksOnlyHttp() throws IOException {
    Path in = dir.resolve("hostile.jsonl");
    Files.writeString(
        in,
        "{\"id\":\"a\",\"url\":\"javascript:alert(1)\",\"title\":\"Budget <img src=x onerror=alert(2)>\","
            + "\"text\":\"The council voted on Monday to approve the new budget <img src=x onerror=alert(3)> for"
            + " the schools, officials said on Monday. The mayor said the [money](javascript:alert(4)) would"
            + " pay for 20 new teachers, \\\"a big step <script>alert(5)</script> for the city,\\\" he said.\"}\n");
    for (String[] args :
        new String[][] {
          {"summarize", in.toString(), "--format", "markdown", "--facts", "--words", "200"},
          {"stories", in.toString(), "--format", "markdown"},
          {"facts", in.toString(), "--format", "markdown"}
        }) {
      CliRun run = CliRun.of(args);
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out())
          .as(String.join(" ", args))
          .doesNotContainPattern("(?<!\\\\)\\]\\(javascript:") // an escaped \\] opens no link
          .doesNotContainPattern("(?<!\\\\)<(img|script)");
    }
  }

  @Test
  void nonPositiveFileLimitIsRejectedUpFront() throws IOException {
    Path a =
        Files.writeString(
            dir.resolve("a.txt"), "The council voted on Monday to approve the budget.");
    for (String command : new String[] {"summarize", "stories", "facts"}) {
      assertOneLineError(
          CliRun.of(command, a.toString(), "--max-file-bytes", "-1"),
          "--max-file-bytes must be at least 1");
      assertOneLineError(
          CliRun.of(command, a.toString(), "--max-file-bytes", "0"),
          "--max-file-bytes must be at least 1");
    }
  }

  @Test
  void extractNamesAUrlAsSuchAndRejectsANonPositiveLimit() throws IOException {
    assertOneLineError(
        CliRun.of("extract", "http://127.0.0.1/"), "http://127.0.0.1: extract reads saved pages");
    Path page = Files.writeString(dir.resolve("p.html"), "<p>The council voted on Monday.</p>");
    assertOneLineError(
        CliRun.of("extract", page.toString(), "--max-file-bytes", "0"),
        "--max-file-bytes must be at least 1");
  }

  @Test
  void emptySummaryExplainsWhy() throws IOException {
    Path a =
        Files.writeString(
            dir.resolve("a.txt"),
            "The council voted on Monday to approve the new budget for the city schools, officials said.");
    CliRun tiny = CliRun.of("summarize", a.toString(), "--words", "3");
    assertThat(tiny.code()).isZero();
    assertThat(tiny.err()).contains("precis: warning: the summary is empty").contains("--truncate");
    // only page furniture (a Twitter widget notice, as in several Multi-News clusters)
    Path b =
        Files.writeString(
            dir.resolve("b.txt"),
            "We've detected that JavaScript is disabled in your browser. Would you like to proceed to"
                + " legacy Twitter? Yes");
    CliRun furniture = CliRun.of("summarize", b.toString());
    // nothing to summarize is an error now, as for facts (issue 14, point 4)
    assertThat(furniture.code()).isEqualTo(2);
    assertThat(furniture.err()).contains("no article text is left after removing boilerplate");
    CliRun full = CliRun.of("summarize", a.toString());
    assertThat(full.err()).doesNotContain("warning");
  }

  @Test
  void loadAgainstNoServerOrABadUrlIsAOneLineError() {
    assertOneLineError(
        CliRun.of(
            "load",
            "--url",
            "http://127.0.0.1:1",
            "--requests",
            "1",
            "--summaries",
            "0",
            "--warmup",
            "0"),
        "cannot reach http://127.0.0.1:1");
    assertOneLineError(CliRun.of("load", "--url", "notaurl"), "--url must be an http(s) URL");
  }

  @Test
  void errorsFromMultiLineLibraryMessagesStayOneLine() throws IOException {
    Path bin = dir.resolve("data.jsonl");
    Files.write(bin, new byte[] {'{', 14, 15, 16, '}', '\n'});
    CliRun run = CliRun.of("eval-stories", "--dataset", bin.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).startsWith("precis: error: ").doesNotContain("[Source:");
    assertThat(Main.oneLine("x (bad\n at [Source: REDACTED (`F` disabled); line: 1, column: 2])"))
        .isEqualTo("x (bad at line: 1, column: 2)");
  }

  @Test
  void truncatedLastSentenceCitesExactlyTheWordsShown() throws IOException {
    String example =
        Path.of(System.getProperty("precis.root", "."), "examples", "tillerson-lavrov-2017")
            .toString();
    CliRun run =
        CliRun.of(
            "summarize",
            example,
            "--words",
            "30",
            "--truncate",
            "--format",
            "json",
            "--one-summary");
    assertThat(run.code()).as(run.err()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    int words = 0;
    for (var sentence : json.get("sentences")) {
      String text = sentence.get("text").asText();
      words += text.split("\\s+").length;
      var source = sentence.get("sources").get(0);
      String cited =
          json.get("documents")
              .get(source.get("document").asInt())
              .get("text")
              .asText()
              .substring(source.get("start").asInt(), source.get("end").asInt());
      assertThat(cited).isEqualTo(text);
    }
    assertThat(words).isEqualTo(30);
  }

  @Test
  void summaryWrittenIntoTheInputFolderIsNotReadBackAsArticles() throws IOException {
    Path news = Files.createDirectory(dir.resolve("news"));
    Files.writeString(
        news.resolve("a.txt"),
        "The council voted on Monday to approve the new budget for the city schools, officials said.");
    Files.writeString(
        news.resolve("b.txt"),
        "The mayor said the money would pay for 20 new teachers and repairs to three buildings.");
    Path out = news.resolve("summary.json");
    assertThat(
            CliRun.of("summarize", news.toString(), "--format", "json", "--output", out.toString())
                .code())
        .isZero();
    CliRun again = CliRun.of("summarize", news.toString(), "--format", "json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("skipped").contains("a Precis summary");
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(again.out())
                .get("documents"))
        .hasSize(2);
  }

  @Test
  void outputToADeviceWritesThroughItAndALinkKeepsPointing() throws IOException {
    Path a =
        Files.writeString(
            dir.resolve("a.txt"),
            "The council voted on Monday to approve the new budget for the city schools, officials said.");
    Path devNull = Path.of("/dev/null");
    Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
    // renaming a temporary file over /dev/null replaced the device (as root) or failed
    assertThat(CliRun.of("summarize", a.toString(), "--output", devNull.toString()).code())
        .isZero();
    assertThat(Files.isRegularFile(devNull)).isFalse();

    Path real = Files.writeString(dir.resolve("real.txt"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real);
    assertThat(CliRun.of("summarize", a.toString(), "--output", link.toString()).code()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).contains("The council voted");

    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertOneLineError(
        CliRun.of("summarize", a.toString(), "--output", file.resolve("out.txt").toString()),
        "is not a directory");
  }

  @Test
  void batchModeReadsClustersFromStandardInput() {
    var stdin = System.in;
    CliRun run;
    try {
      System.setIn(new java.io.ByteArrayInputStream(CLUSTER.getBytes(StandardCharsets.UTF_8)));
      run = CliRun.of("summarize", "--input", "-");
    } finally {
      System.setIn(stdin);
    }
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("{\"id\":\"a\"").contains("The council voted");
  }
}

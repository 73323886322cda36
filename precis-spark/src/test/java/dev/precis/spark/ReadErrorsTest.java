package dev.precis.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreadable records and files are counted per input file and never stop the job: a JSON Lines file
 * with a broken line and an empty article, a WARC file cut off in its gzip stream, and a good text
 * file.
 */
class ReadErrorsTest {
  @TempDir Path dir;

  @Test
  void badRecordsAreCountedPerFileAndTheRestIsGrouped() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<String> good = Files.readAllLines(TestSpark.roundups(), StandardCharsets.UTF_8);
    Files.write(
        in.resolve("feed.jsonl"),
        List.of(
            good.get(0),
            "{\"id\": \"broken\", \"text\": \"cut off",
            "{\"id\": \"empty\", \"text\": \"   \"}",
            good.get(1)),
        StandardCharsets.UTF_8);
    // a gzip stream that ends midway: the reader fails on it
    byte[] warc =
        ("WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: http://example.com/a\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 400\r\n\r\nStart of a page")
            .getBytes(StandardCharsets.US_ASCII);
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var z = new java.util.zip.GZIPOutputStream(gz)) {
      z.write(warc);
    }
    byte[] whole = gz.toByteArray();
    Files.write(in.resolve("crawl.warc.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.writeString(
        in.resolve("note.txt"),
        "The city council voted on Tuesday to close the old bridge to cars after inspectors found"
            + " cracks in two of its supports. Repairs will take most of next year.");

    RunReport report =
        StoryJob.run(
            TestSpark.session(), TestSpark.options(List.of(in.toString()), dir.resolve("out"), 2));

    Map<String, FileReport> byName =
        report.files().stream()
            .collect(
                Collectors.toMap(
                    f -> Path.of(java.net.URI.create(f.file())).getFileName().toString(), f -> f));
    assertThat(byName).containsOnlyKeys("feed.jsonl", "crawl.warc.gz", "note.txt");
    assertThat(byName.get("feed.jsonl").read()).isEqualTo(2);
    assertThat(byName.get("feed.jsonl").skippedTotal()).isEqualTo(2);
    assertThat(byName.get("crawl.warc.gz").skippedTotal()).isGreaterThanOrEqualTo(1);
    assertThat(byName.get("crawl.warc.gz").skipped().keySet())
        .contains("invalid WARC record at byte N", "no articles in the file");
    assertThat(byName.get("note.txt").read()).isEqualTo(1);
    assertThat(report.grouped()).isEqualTo(3);
    assertThat(report.line())
        .startsWith("precis spark: run 1: read 3 articles from 3 files, skipped ")
        .contains("deduplicated 0, grouped 3 into ");
  }
}

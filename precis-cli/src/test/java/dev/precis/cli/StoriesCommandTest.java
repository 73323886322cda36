package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of(System.getProperty("precis.root", "."));
  private static final Path EXAMPLES = ROOT.resolve("examples/tillerson-lavrov-2017");

  @TempDir Path dir;

  private static String example(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return Files.readString(
          files
              .filter(p -> p.getFileName().toString().startsWith(prefix))
              .findFirst()
              .orElseThrow());
    }
  }

  private static String line(String id, String text, String url, String published) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", id);
    o.put("text", text);
    o.put("url", url);
    o.put("published", published);
    return o.toString();
  }

  /**
   * 003, a syndicated copy of it, 004 the same day; 002 (the same meeting "Wednesday") fifteen days
   * later, too late to be a follow-up of that Wednesday.
   */
  private Path stream() throws IOException {
    String a = example("003");
    String copy =
        "Reuters | World\n\n"
            + a.replace("Tillerson said", "Tillerson told reporters")
            + "\n\nAll rights reserved.";
    List<String> lines = new ArrayList<>();
    lines.add(line("a", a, "https://www.first.example/a", "2017-04-12T08:00:00Z"));
    lines.add(line("copy", copy, "https://wire.example/copy", "2017-04-12T09:00:00Z"));
    lines.add(line("b", example("004"), "https://second.example/b", "2017-04-12T11:00:00Z"));
    lines.add(line("later", example("002"), "https://third.example/later", "2017-04-27T10:00:00Z"));
    Path in = dir.resolve("stream.jsonl");
    Files.write(in, lines);
    return in;
  }

  @Test
  void writesOneLinePerEventByDefault() throws IOException {
    Path out = dir.resolve("events.jsonl");
    CliRun run = CliRun.of("stories", stream().toString(), "--output", out.toString());
    assertThat(run.code()).as(run.err()).isZero();

    List<JsonNode> events = new ArrayList<>();
    for (String l : Files.readAllLines(out)) {
      events.add(JSON.readTree(l));
    }
    // the meeting day and the later report are two events of one story, each its own entry
    assertThat(events).hasSize(2);
    assertThat(ids(events.get(0).get("article_ids"))).containsExactly("a", "copy", "b");
    assertThat(ids(events.get(1).get("article_ids"))).containsExactly("later");
    assertThat(events.get(0).get("id").asText()).isNotEqualTo(events.get(1).get("id").asText());
    assertThat(events.get(0).get("story").asText()).isEqualTo("s1");
    assertThat(events.get(1).get("story").asText()).isEqualTo("s1");
    // each event's summary cites only its own articles
    for (JsonNode sentence : events.get(1).get("sentences")) {
      for (JsonNode source : sentence.get("sources")) {
        assertThat(source.get("article").asText()).isEqualTo("later");
      }
    }
    assertThat(events.get(0).get("first_seen").asText()).isEqualTo("2017-04-12T08:00:00Z");
  }

  /**
   * Summaries are written on a pool while clustering goes on: fifteen articles sixty days apart
   * (their stories close when the next arrives) come out in the order the stories closed, the same
   * with one thread or four.
   */
  @Test
  void theOutputKeepsTheClosingOrderWhateverTheThreads() throws IOException {
    String[] prefixes = {"001", "002", "003", "004", "000"};
    List<String> lines = new ArrayList<>();
    java.time.Instant t = java.time.Instant.parse("2017-01-01T08:00:00Z");
    for (int i = 0; i < 15; i++) {
      String id = "n" + i;
      lines.add(
          line(id, example(prefixes[i % 5]), "https://o" + i + ".example/" + id, t.toString()));
      t = t.plus(java.time.Duration.ofDays(60));
    }
    Path in = dir.resolve("spread.jsonl");
    Files.write(in, lines);
    List<List<String>> outputs = new ArrayList<>();
    for (String threads : List.of("1", "4")) {
      Path out = dir.resolve("threads-" + threads + ".jsonl");
      CliRun run =
          CliRun.of("stories", in.toString(), "--threads", threads, "--output", out.toString());
      assertThat(run.code()).as(run.err()).isZero();
      outputs.add(Files.readAllLines(out));
    }
    assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
    // each story closes before a later one opens: they come out in the order of their first
    // article, and every article is written once
    List<Integer> firstArticles = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (String l : outputs.get(0)) {
      JsonNode ids = JSON.readTree(l).get("article_ids");
      firstArticles.add(Integer.parseInt(ids.get(0).asText().substring(1)));
      written.addAll(ids(ids));
    }
    assertThat(firstArticles).hasSizeGreaterThan(5).isSorted().doesNotHaveDuplicates();
    assertThat(written).hasSize(15).doesNotHaveDuplicates();
  }

  @Test
  void markdownEventsNameTheirStory() throws IOException {
    CliRun run = CliRun.of("stories", stream().toString(), "--format", "markdown");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("· story s1 · 3 articles").contains("· story s1 · 1 article");
  }

  @Test
  void refusesAnUnknownGroup() throws IOException {
    CliRun run = CliRun.of("stories", stream().toString(), "--group", "pile");
    assertThat(run.code()).isNotZero();
    assertThat(run.err()).contains("--group must be event or story");
  }

  @Test
  void groupsCopiesAndSplitsDays() throws IOException {
    Path out = dir.resolve("stories.jsonl");
    CliRun run =
        CliRun.of("stories", stream().toString(), "--group", "story", "--output", out.toString());
    assertThat(run.code()).as(run.err()).isZero();

    List<JsonNode> stories = new ArrayList<>();
    for (String l : Files.readAllLines(out)) {
      stories.add(JSON.readTree(l));
    }
    // one story: "later" is another event of it (same people and topic, another day)
    assertThat(stories).hasSize(1);
    JsonNode first = stories.get(0);
    assertThat(first.get("id").asText()).isEqualTo("s1");
    assertThat(ids(first.get("article_ids"))).containsExactly("a", "copy", "b", "later");
    assertThat(first.get("events")).hasSize(2);
    assertThat(ids(first.get("events").get(1).get("articles"))).containsExactly("later");
    assertThat(first.get("events").get(0).get("day").asText()).isEqualTo("2017-04-12");
    assertThat(ids(first.get("events").get(0).get("articles"))).containsExactly("a", "copy", "b");
    assertThat(ids(first.get("outlets")))
        .containsExactly("first.example", "second.example", "third.example", "wire.example");
    assertThat(first.get("first_seen").asText()).isEqualTo("2017-04-12T08:00:00Z");
    assertThat(first.get("last_seen").asText()).isEqualTo("2017-04-27T10:00:00Z");
    assertThat(first.get("articles").get(1).get("duplicate_of").asText()).isEqualTo("a");
    assertThat(first.get("title").asText()).isNotBlank();
    // the summary is made from the canonical texts, event by event, and a citation of "a"
    // credits its copy
    assertThat(first.get("summary").asText()).isNotBlank();
    for (JsonNode sentence : first.get("sentences")) {
      for (JsonNode source : sentence.get("sources")) {
        assertThat(source.get("article").asText()).isIn("a", "b", "later");
        if (source.get("article").asText().equals("a")) {
          assertThat(ids(source.get("outlets"))).containsExactly("first.example", "wire.example");
        }
      }
    }
  }

  @Test
  void markdownForReading() throws IOException {
    CliRun run =
        CliRun.of("stories", stream().toString(), "--format", "markdown", "--group", "story");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("## ")
        .contains("*s1 · 4 articles")
        .contains("also ran in:")
        .contains("wire.example");
  }

  @Test
  void aHighThresholdSplitsEverything() throws IOException {
    CliRun run = CliRun.of("stories", stream().toString(), "--threshold", "0.99");
    assertThat(run.code()).isZero();
    // the copy still joins its original: copies do not depend on the threshold; a, b and later
    // are three events (a new event still links into the story of the one most like it)
    int events = 0;
    for (String line : run.out().strip().lines().toList()) {
      events += JSON.readTree(line).get("events").size();
    }
    assertThat(events).isEqualTo(3);
  }

  @Test
  void badThresholdIsAOneLineError() throws IOException {
    CliRun run = CliRun.of("stories", stream().toString(), "--threshold", "1.5");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("precis: error: --threshold must be between 0 and 1");
  }

  @Test
  void evalStoriesPrintsBCubed() throws IOException {
    List<String> lines = new ArrayList<>();
    try (var r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(
                    Files.newInputStream(ROOT.resolve("../shared/data/multinews-val.jsonl.gz"))),
                java.nio.charset.StandardCharsets.UTF_8))) {
      for (int i = 0; i < 60; i++) {
        lines.add(r.readLine());
      }
    }
    Path data = dir.resolve("clusters.jsonl");
    Files.write(data, lines);
    CliRun run =
        CliRun.of(
            "eval-stories", "--dataset", data.toString(), "--seed", "3", "--threshold", "0.2");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern(
            "test threshold=0\\.20 B3 precision=[01]\\.\\d{4} recall=[01]\\.\\d{4} F1=[01]\\.\\d{4}");
  }

  private static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}

package dev.precis.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.eval.BCubed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job and the single-machine {@code stories} command give the same events and the same
 * summaries, whatever the number of partitions: on 700 real articles over three months of the story
 * roundups stream (about 13 weekly windows, so many events cross a window edge).
 */
class SparkStoriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path input;
  static Map<String, Set<String>> reference;
  static Map<Set<String>, String> referenceSummaries;

  @BeforeAll
  static void reference() throws IOException {
    input = TestSpark.slice(TestSpark.roundups(), 0, 700, dir.resolve("stream.jsonl"));
    List<String> lines = TestSpark.storiesCommand(List.of(input.toString()));
    reference = groups(lines);
    referenceSummaries = summaries(lines);
  }

  @Test
  void sameEventsAndSummariesOnOnePartition() throws IOException {
    checkAgainstReference(1);
  }

  @Test
  void sameEventsAndSummariesOnFourPartitions() throws IOException {
    checkAgainstReference(4);
  }

  @Test
  void sameEventsAndSummariesOnSixteenPartitions() throws IOException {
    checkAgainstReference(16);
  }

  private void checkAgainstReference(int partitions) throws IOException {
    Path out = dir.resolve("out-" + partitions);
    RunReport report =
        StoryJob.run(
            TestSpark.session(), TestSpark.options(List.of(input.toString()), out, partitions));
    assertThat(report.read()).isEqualTo(700);
    assertThat(report.grouped()).isEqualTo(700);
    List<String> lines = Files.readAllLines(out.resolve("stories.jsonl"));
    Map<String, Set<String>> spark = groups(lines);
    assertThat(spark.keySet()).isEqualTo(reference.keySet());
    List<Object> gold = new ArrayList<>();
    List<Object> predicted = new ArrayList<>();
    for (String id : reference.keySet()) {
      gold.add(reference.get(id).toString());
      predicted.add(spark.get(id).toString());
    }
    BCubed agreement = BCubed.score(gold, predicted);
    System.out.printf(
        "%d partitions: B3 P %.4f R %.4f F1 %.4f against precis stories%n",
        partitions, agreement.precision(), agreement.recall(), agreement.f1());
    assertThat(agreement.f1())
        .as("B-cubed agreement, %d partitions", partitions)
        .isGreaterThan(0.98);
    Map<Set<String>, String> sparkSummaries = summaries(lines);
    int identicalGroups = 0;
    for (var e : referenceSummaries.entrySet()) {
      if (sparkSummaries.containsKey(e.getKey())) {
        identicalGroups++;
        assertThat(sparkSummaries.get(e.getKey()))
            .as("summary of %s", e.getKey())
            .isEqualTo(e.getValue());
      }
    }
    assertThat(identicalGroups).isGreaterThan(referenceSummaries.size() * 9 / 10);
  }

  /** Article id → the ids of its entry (event), from {@code stories} lines. */
  static Map<String, Set<String>> groups(List<String> lines) throws IOException {
    Map<String, Set<String>> out = new HashMap<>();
    for (String line : lines) {
      Set<String> ids = ids(JSON.readTree(line));
      for (String id : ids) {
        out.put(id, ids);
      }
    }
    return out;
  }

  static Map<Set<String>, String> summaries(List<String> lines) throws IOException {
    Map<Set<String>, String> out = new HashMap<>();
    for (String line : lines) {
      JsonNode o = JSON.readTree(line);
      out.put(ids(o), o.path("summary").asText(""));
    }
    return out;
  }

  private static Set<String> ids(JsonNode entry) {
    Set<String> ids = new TreeSet<>();
    entry.withArray("articles").forEach(a -> ids.add(a.get("id").asText()));
    return ids;
  }
}

package dev.precis.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.eval.BCubed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    reference = TestSpark.groups(lines);
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
    List<String> lines =
        TestSpark.runJob(TestSpark.options(List.of(input.toString()), out, partitions), 700);
    BCubed agreement = TestSpark.agreement(reference, TestSpark.groups(lines));
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

  /** The ids of an entry's articles → its summary, from {@code stories} lines. */
  static Map<Set<String>, String> summaries(List<String> lines) throws IOException {
    Map<Set<String>, String> out = new HashMap<>();
    for (String line : lines) {
      JsonNode o = JSON.readTree(line);
      out.put(TestSpark.ids(o), o.path("summary").asText(""));
    }
    return out;
  }
}

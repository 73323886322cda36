package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.text.FurnitureSentenceFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner and the check of the recurring-sentence list, on a small made-up corpus. */
class EvalFurnitureCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NOTICE = "Sign in to keep reading five free stories this month.";
  static final String[] NEWS = {
    "The council approved the school budget on Monday after a long debate.",
    "Firefighters contained the forest fire near the northern ridge overnight.",
    "The central bank left its main interest rate unchanged on Thursday.",
    "The museum reopened its east wing after two years of repairs.",
    "Voters in the coastal district chose a new mayor in a close race."
  };
  @TempDir Path dir;

  private Path dataset() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < NEWS.length; i++) {
      ObjectNode c = JSON.createObjectNode().put("id", "c" + i).put("summary", NEWS[i]);
      // the notice sits in every cluster but the first: furniture, not any story's news
      c.putArray("documents").add(NEWS[i] + (i > 0 ? " " + NOTICE : ""));
      b.append(c).append('\n');
    }
    return Files.writeString(dir.resolve("clusters.jsonl"), b.toString());
  }

  @Test
  void buildsTheListFromTheClustersAfterTheSkippedOnes() throws IOException {
    Path list = dir.resolve("list.txt");
    CliRun run =
        CliRun.of(
            "eval-furniture",
            "--dataset",
            dataset().toString(),
            "--skip",
            "1",
            "--min-clusters",
            "3",
            "--build",
            list.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<String> hashes =
        Files.readAllLines(list).stream().filter(l -> !l.startsWith("#")).toList();
    String expected =
        Long.toHexString(FurnitureSentenceFilter.hash(FurnitureSentenceFilter.key(NOTICE)));
    assertThat(hashes).containsExactly(expected);
    assertThat(Files.readString(list)).doesNotContain("Sign in");
  }

  @Test
  void countsSummariesCarryingFurniture() throws IOException {
    Path summaries = dir.resolve("summaries.jsonl");
    Files.writeString(
        summaries,
        "{\"id\":\"c0\",\"summarizer\":\"default\",\"summary\":[\""
            + NEWS[0]
            + "\"]}\n{\"id\":\"c1\",\"summarizer\":\"default\",\"summary\":[\""
            + NOTICE
            + "\"]}\n");
    CliRun run =
        CliRun.of(
            "eval-furniture",
            "--dataset",
            dataset().toString(),
            "--summaries",
            summaries.toString(),
            "--limit",
            "5");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("c1: " + NOTICE).contains("1 of 2 summaries carry furniture");
  }
}

package dev.precis.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.precis.ingest.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second run into the same output directory reads only its new files, clusters again only the
 * windows they touch and summarizes again only the stories that change, and gives what one run over
 * all files gives; a run killed after any stage leaves the previous result readable, and its rerun
 * gives the uninterrupted result, neither losing nor repeating an article.
 */
class IncrementalRunTest {
  @TempDir Path dir;

  @Test
  void laterRunsJoinOpenEventsAndAKilledRunCanBeRerun() throws IOException {
    SparkSession spark = TestSpark.session();
    Path in = Files.createDirectories(dir.resolve("in"));
    // one stream (in publication order, about five weeks) cut in three consecutive files
    String a = TestSpark.slice(TestSpark.roundups(), 0, 250, in.resolve("a.jsonl")).toString();
    String b = TestSpark.slice(TestSpark.roundups(), 250, 300, in.resolve("b.jsonl")).toString();
    String c = TestSpark.slice(TestSpark.roundups(), 300, 340, in.resolve("c.jsonl")).toString();
    Path out = dir.resolve("out");

    RunReport first = StoryJob.run(spark, TestSpark.options(List.of(a), out, 4));
    assertThat(first.read()).isEqualTo(250);
    assertThat(first.work().windowsClustered()).isEqualTo(first.work().windows());
    RunReport second = StoryJob.run(spark, TestSpark.options(List.of(a, b), out, 4));
    System.out.println(second.line());
    assertThat(second.read()).as("only the new file is read").isEqualTo(50);
    assertThat(second.grouped()).isEqualTo(300);
    assertThat(second.work().windowsClustered())
        .as("the earlier windows keep their events")
        .isPositive()
        .isLessThan(second.work().windows());
    assertThat(second.work().storiesAssembled())
        .as("unchanged stories are not summarized again")
        .isPositive()
        .isLessThan(second.stories() / 2);
    Path once = dir.resolve("once");
    StoryJob.run(spark, TestSpark.options(List.of(a, b), once, 4));
    assertThat(lines(out)).as("two runs give what one run gives").isEqualTo(lines(once));
    assertThat(spark.read().parquet(out + "/run-2/article_groups").count()).isEqualTo(300);
    assertThat(joinedEarlierEvents(lines(out), 250))
        .as("articles of the second run joined events of the first")
        .isPositive();
    double f1 = agreement(TestSpark.storiesCommand(List.of(a, b)), lines(out));
    System.out.printf("incremental runs: B3 F1 %.4f against precis stories%n", f1);
    assertThat(f1).isGreaterThanOrEqualTo(0.98);

    Path all = dir.resolve("all");
    StoryJob.run(spark, TestSpark.options(List.of(a, b, c), all, 4));
    for (String stage : List.of("articles", "stories", "commit")) {
      Path killed = copy(out, dir.resolve("killed-" + stage));
      StoryJob.crashAfter = stage;
      try {
        assertThatThrownBy(
                () -> StoryJob.run(spark, TestSpark.options(List.of(a, b, c), killed, 4)))
            .hasMessageContaining("killed after stage " + stage);
      } finally {
        StoryJob.crashAfter = null;
      }
      int committed = RunManifest.load(killed.toString(), new Configuration()).run();
      assertThat(committed).as("killed after %s", stage).isEqualTo(stage.equals("commit") ? 3 : 2);
      if (committed == 2) {
        assertThat(lines(killed)).as("the previous result stays current").isEqualTo(lines(once));
      }
      RunReport rerun = StoryJob.run(spark, TestSpark.options(List.of(a, b, c), killed, 4));
      assertThat(rerun.read()).isEqualTo(committed == 2 ? 40 : 0);
      assertThat(lines(killed)).as("rerun after %s", stage).isEqualTo(lines(all));
      assertThat(spark.read().parquet(killed + "/run-3/article_groups").count())
          .as("no article lost or repeated")
          .isEqualTo(340);
      assertThat(killed.resolve("run-2")).doesNotExist();
    }
  }

  @Test
  void anOutputDirectoryWithoutStoredFeaturesIsRefused() throws IOException {
    SparkSession spark = TestSpark.session();
    Path out = dir.resolve("old");
    // what precis spark wrote before the clustering features were stored: articles without them
    StructType oldSchema =
        new StructType()
            .add("seq", DataTypes.LongType, false)
            .add("id", DataTypes.StringType)
            .add("text", DataTypes.StringType);
    spark
        .createDataFrame(
            List.of(org.apache.spark.sql.RowFactory.create(1L, "a", "Some text.")), oldSchema)
        .write()
        .parquet(RunManifest.articlesDir(out.toString(), 1));
    new RunManifest(1, Set.of(), List.of(1), "").commit(out.toString(), new Configuration());
    Path in = TestSpark.slice(TestSpark.roundups(), 0, 5, dir.resolve("new.jsonl"));

    assertThatThrownBy(() -> StoryJob.run(spark, TestSpark.options(List.of(in.toString()), out, 2)))
        .isInstanceOf(InputException.class)
        .hasMessage(
            out
                + ": written by an earlier precis spark (articles without clustering features);"
                + " start a new output directory");
    assertThat(out.resolve("run-2")).doesNotExist();
  }

  /** Events (entries) holding both an article of the first {@code n} lines and a later one. */
  private static long joinedEarlierEvents(List<String> lines, int n) throws IOException {
    List<String> firstIds = new ArrayList<>();
    for (String line : Files.readAllLines(TestSpark.roundups()).subList(0, n)) {
      firstIds.add(
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("id").asText());
    }
    Set<String> early = Set.copyOf(firstIds);
    return TestSpark.groups(lines).values().stream()
        .distinct()
        .filter(g -> g.stream().anyMatch(early::contains) && !early.containsAll(g))
        .count();
  }

  private static double agreement(List<String> reference, List<String> lines) throws IOException {
    return TestSpark.agreement(TestSpark.groups(reference), TestSpark.groups(lines)).f1();
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static List<String> lines(Path out) throws IOException {
    return Files.readAllLines(out.resolve("stories.jsonl"));
  }
}

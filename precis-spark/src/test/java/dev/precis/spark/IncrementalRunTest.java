package dev.precis.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second run into the same output directory adds its new files to the result (new articles join
 * open events) and gives what one run over all files gives; a run that dies before its commit
 * leaves the previous result readable, and its rerun neither loses nor repeats an article.
 */
class IncrementalRunTest {
  @TempDir Path dir;

  @Test
  void secondRunAddsNewFilesAndAKilledRunCanBeRerun() throws IOException {
    SparkSession spark = TestSpark.session();
    Path in = Files.createDirectories(dir.resolve("in"));
    // one stream cut in three consecutive files: a-, b- and c-, read in name order
    Path a = TestSpark.slice(TestSpark.roundups(), 0, 50, in.resolve("a.jsonl"));
    Path b = TestSpark.slice(TestSpark.roundups(), 50, 90, in.resolve("b.jsonl"));
    Path c = TestSpark.slice(TestSpark.roundups(), 90, 120, in.resolve("c.jsonl"));
    Path out = dir.resolve("out");

    RunReport first = StoryJob.run(spark, TestSpark.options(List.of(a.toString()), out, 4));
    assertThat(first.read()).isEqualTo(50);
    RunReport second =
        StoryJob.run(spark, TestSpark.options(List.of(a.toString(), b.toString()), out, 4));
    assertThat(second.read()).as("only the new file is read").isEqualTo(40);
    assertThat(second.grouped()).isEqualTo(90);
    Path once = dir.resolve("once");
    StoryJob.run(spark, TestSpark.options(List.of(a.toString(), b.toString()), once, 4));
    assertThat(lines(out)).isEqualTo(lines(once));
    // articles of the first run joined events that the second run's articles continue
    assertThat(spark.read().parquet(out + "/run-2/article_groups").count()).isEqualTo(90);

    StoryJob.crashBeforeCommit = true;
    try {
      assertThatThrownBy(
              () ->
                  StoryJob.run(
                      spark,
                      TestSpark.options(List.of(a.toString(), b.toString(), c.toString()), out, 4)))
          .hasMessageContaining("killed");
    } finally {
      StoryJob.crashBeforeCommit = false;
    }
    assertThat(RunManifest.load(out.toString(), new org.apache.hadoop.conf.Configuration()).run())
        .as("the killed run committed nothing")
        .isEqualTo(2);
    assertThat(lines(out)).isEqualTo(lines(once));
    RunReport rerun =
        StoryJob.run(
            spark, TestSpark.options(List.of(a.toString(), b.toString(), c.toString()), out, 4));
    assertThat(rerun.read()).isEqualTo(30);
    assertThat(rerun.grouped()).as("no article lost or repeated").isEqualTo(120);
    Path all = dir.resolve("all");
    StoryJob.run(
        spark, TestSpark.options(List.of(a.toString(), b.toString(), c.toString()), all, 4));
    assertThat(lines(out)).isEqualTo(lines(all));
    assertThat(
            StoryJob.run(
                    spark,
                    TestSpark.options(List.of(a.toString(), b.toString(), c.toString()), out, 4))
                .line())
        .contains("nothing new");
  }

  private static List<String> lines(Path out) throws IOException {
    return Files.readAllLines(out.resolve("stories.jsonl"));
  }
}

package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.store.DatabaseUrl;
import dev.precis.store.Store;
import dev.precis.store.StoryDetail;
import dev.precis.store.StoryInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  static final String EXAMPLE =
      Path.of(System.getProperty("precis.root", "."), "examples", "tillerson-lavrov-2017").toString();

  @TempDir Path dir;

  @Test
  void ingestStoresOnceAndSummarizesTheStory() {
    String db = dir.resolve("db").toString();
    CliRun first = CliRun.of("ingest", EXAMPLE, "--db", db);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err()).contains("5 new, 0 already stored").contains("1 story").contains("1 summary updated");
    CliRun again = CliRun.of("ingest", EXAMPLE, "--db", db);
    assertThat(again.code()).isZero();
    assertThat(again.err()).contains("0 new, 5 already stored").contains("0 summaries updated");
    try (Store store = Store.open(DatabaseUrl.parse(db))) {
      assertThat(store.counts()).isEqualTo(new Store.Counts(5, 1));
    }
  }

  @Test
  void killedIngestLeavesAConsistentDatabaseAndRerunCompletesIt() throws Exception {
    String db = dir.resolve("db").toString();
    // a child JVM that halts like kill -9 (no shutdown hooks, database not closed) after 2 articles
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.precis.cli.Main",
        "ingest", EXAMPLE, "--db", db, "--debug-halt-after", "2"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(137);

    try (Store store = Store.open(DatabaseUrl.parse(db))) {
      Store.Counts counts = store.counts();
      assertThat(counts.articles()).isBetween(0L, 2L);
      for (StoryInfo s : store.stories(1, 10).stories()) {
        // the story's counters agree with the articles that made it to disk
        assertThat(store.story(s.id()).orElseThrow().articles()).hasSize(s.articleCount());
      }
    }
    CliRun rerun = CliRun.of("ingest", EXAMPLE, "--db", db);
    assertThat(rerun.code()).as(rerun.err()).isZero();
    assertThat(rerun.err()).contains("1 summary updated");
    try (Store store = Store.open(DatabaseUrl.parse(db))) {
      assertThat(store.counts()).isEqualTo(new Store.Counts(5, 1));
      long id = store.stories(1, 1).stories().get(0).id();
      StoryDetail story = store.story(id).orElseThrow();
      assertThat(story.info().articleCount()).isEqualTo(5);
      assertThat(story.summaryCurrent()).isTrue();
      assertThat(store.storiesNeedingSummary()).isEmpty();
    }
  }

  @Test
  void unreachableDatabaseIsAOneLineError() {
    CliRun r = CliRun.of("ingest", EXAMPLE, "--db", "postgresql://nobody@127.0.0.1:1/none?connectTimeout=2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("precis: error: cannot open database").doesNotContain("\tat ");
  }
}

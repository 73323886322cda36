package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.store.DatabaseUrl;
import dev.precis.store.Store;
import dev.precis.store.StoryDetail;
import dev.precis.store.StoryInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
  static final String EXAMPLE =
      Path.of(System.getProperty("precis.root", "."), "examples", "tillerson-lavrov-2017")
          .toString();

  @TempDir Path dir;

  @Test
  void ingestStoresOnceAndSummarizesTheStory() {
    String db = dir.resolve("db").toString();
    CliRun first = CliRun.of("ingest", EXAMPLE, "--db", db);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err())
        .contains("5 new, 0 already stored")
        .contains("into 2 events in 1 story");
    CliRun again = CliRun.of("ingest", EXAMPLE, "--db", db);
    assertThat(again.code()).isZero();
    assertThat(again.err()).contains("0 new, 5 already stored").contains("0 summaries updated");
    try (Store store = Store.open(DatabaseUrl.parse(db))) {
      assertThat(store.counts().articles()).isEqualTo(5);
      for (StoryInfo s : store.stories(1, 10).stories()) {
        assertThat(store.story(s.id()).orElseThrow().summaryCurrent()).isTrue();
      }
    }
  }

  @Test
  void storedEventsAreHeadedAsPrecisStoriesHeadsThem() throws Exception {
    // the headline of an event is its most central article's title, not its first one's: the
    // store and `precis stories` agree
    String db = dir.resolve("db").toString();
    assertThat(CliRun.of("ingest", EXAMPLE, "--db", db).code()).isZero();
    CliRun stories = CliRun.of("stories", EXAMPLE);
    assertThat(stories.code()).as(stories.err()).isZero();
    Set<String> expected = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : stories.out().split("\n")) {
      expected.add(json.readTree(line).get("title").asText());
    }
    Set<String> stored = new HashSet<>();
    try (Store store = Store.open(DatabaseUrl.parse(db))) {
      for (StoryInfo s : store.stories(1, 10).stories()) {
        stored.add(s.title());
      }
    }
    assertThat(expected).hasSize(2);
    assertThat(stored).isEqualTo(expected);
  }

  @Test
  void perInputAndStoryOptionsMakeOneStory() {
    String db = dir.resolve("db").toString();
    assertThat(CliRun.of("ingest", EXAMPLE, "--db", db, "--per-input").err())
        .contains("into 1 story");
    String other = dir.resolve("other").toString();
    assertThat(CliRun.of("ingest", EXAMPLE, "--db", other, "--story", "tillerson").err())
        .contains("into 1 story");
    assertThat(CliRun.of("ingest", EXAMPLE, "--db", other, "--story", "x", "--per-input").code())
        .isEqualTo(2);
  }

  @Test
  void killedIngestLeavesAConsistentDatabaseAndRerunCompletesIt() throws Exception {
    String db = dir.resolve("db").toString();
    // a child JVM that halts like kill -9 (no shutdown hooks, database not closed) after 2 articles
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.precis.cli.Main",
                "ingest",
                EXAMPLE,
                "--db",
                db,
                "--debug-halt-after",
                "2"));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
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
    String clean = dir.resolve("clean").toString();
    assertThat(CliRun.of("ingest", EXAMPLE, "--db", clean).code()).isZero();
    try (Store store = Store.open(DatabaseUrl.parse(db));
        Store reference = Store.open(DatabaseUrl.parse(clean))) {
      // the interrupted and completed ingest ends exactly where an uninterrupted one does
      assertThat(store.counts()).isEqualTo(reference.counts());
      assertThat(grouping(store)).isEqualTo(grouping(reference));
      assertThat(store.storiesNeedingSummary()).isEmpty();
      for (StoryInfo s : store.stories(1, 10).stories()) {
        StoryDetail story = store.story(s.id()).orElseThrow();
        assertThat(story.articles()).hasSize(s.articleCount());
        assertThat(story.summaryCurrent()).isTrue();
      }
    }
  }

  static Set<Set<String>> grouping(Store s) {
    Set<Set<String>> out = new HashSet<>();
    for (StoryInfo info : s.stories(1, 100).stories()) {
      Set<String> ids = new HashSet<>();
      s.story(info.id()).orElseThrow().articles().forEach(a -> ids.add(a.article().id()));
      out.add(ids);
    }
    return out;
  }

  @Test
  void unreachableDatabaseIsAOneLineError() {
    CliRun r =
        CliRun.of(
            "ingest", EXAMPLE, "--db", "postgresql://nobody@127.0.0.1:1/none?connectTimeout=2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("precis: error: cannot open database").doesNotContain("\tat ");
  }
}

package dev.precis.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.ingest.ArticleReader;
import dev.precis.ingest.Limits;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Citation;
import dev.precis.story.StoryOptions;
import dev.precis.summarize.SummaryOptions;
import dev.precis.summarize.SummarySentence;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every database behind {@link Store} must show; run against H2 and PostgreSQL. */
abstract class StoreContract {
  static final Path EXAMPLE =
      Path.of(System.getProperty("precis.root", "."), "examples", "tillerson-lavrov-2017");

  Store store;
  Ingestor ingestor;

  /** A fresh, empty database for one test. */
  abstract DatabaseUrl freshDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = Store.open(freshDatabase());
    ingestor = new Ingestor(store, SummaryOptions.defaults());
  }

  @AfterEach
  void close() {
    store.close();
  }

  static List<RawArticle> example() {
    return new ArticleReader(Limits.defaults(), w -> {})
        .read(List.of(EXAMPLE.toString()), InputStream.nullInputStream());
  }

  @Test
  void storesArticlesOnceAndIgnoresReingest() {
    List<RawArticle> raw = example();
    for (RawArticle r : raw) {
      assertThat(ingestor.add(r, "tillerson").added()).isTrue();
    }
    long storyId = ingestor.add(raw.get(0), "tillerson").storyId();
    long revision = store.revision(storyId);
    for (RawArticle r : raw) {
      Store.AddResult again = ingestor.add(r, "another-story");
      assertThat(again.added()).isFalse();
      assertThat(again.storyId()).isEqualTo(storyId);
    }
    assertThat(store.revision(storyId)).isEqualTo(revision);
    assertThat(store.counts()).isEqualTo(new Store.Counts(raw.size(), 1));
    StoryInfo info = store.storyInfo(storyId).orElseThrow();
    assertThat(info.articleCount()).isEqualTo(raw.size());
    assertThat(info.key()).isEqualTo("tillerson");
  }

  @Test
  void summaryCitesStoredSentencesByOffset() {
    List<RawArticle> raw = example();
    long storyId = 0;
    for (RawArticle r : raw) {
      storyId = ingestor.add(r, "tillerson").storyId();
    }
    assertThat(store.storiesNeedingSummary()).containsExactly(storyId);
    assertThat(ingestor.refreshSummaries()).isEqualTo(1);
    assertThat(store.storiesNeedingSummary()).isEmpty();

    StoryDetail detail = store.story(storyId).orElseThrow();
    assertThat(detail.summaryCurrent()).isTrue();
    assertThat(detail.articles()).hasSize(raw.size());
    assertThat(detail.summary().sentences()).isNotEmpty();
    assertThat(detail.summary().words()).isLessThanOrEqualTo(SummaryOptions.DEFAULT_WORDS);
    for (SummarySentence s : detail.summary().sentences()) {
      assertThat(s.citations()).isNotEmpty();
      Citation first = s.citations().get(0);
      String body = detail.articles().get(first.document()).article().text();
      assertThat(body.substring(first.start(), first.end())).isEqualTo(s.text());
      for (Citation c : s.citations()) {
        assertThat(c.end())
            .isLessThanOrEqualTo(detail.articles().get(c.document()).article().text().length());
      }
    }
  }

  @Test
  void rerunAfterInterruptedIngestCompletesTheStory() {
    List<RawArticle> raw = example();
    // a first run that died after two articles, before any summary was written
    ingestor.add(raw.get(0), "tillerson");
    long storyId = ingestor.add(raw.get(1), "tillerson").storyId();
    assertThat(store.story(storyId).orElseThrow().summary()).isNull();

    int added = 0;
    for (RawArticle r : raw) {
      added += ingestor.add(r, "tillerson").added() ? 1 : 0;
    }
    assertThat(added).isEqualTo(raw.size() - 2);
    ingestor.refreshSummaries();
    StoryDetail detail = store.story(storyId).orElseThrow();
    assertThat(detail.info().articleCount()).isEqualTo(raw.size());
    assertThat(detail.summaryCurrent()).isTrue();
  }

  @Test
  void staleSummaryIsRecomputedOnRead() {
    List<RawArticle> raw = example();
    long storyId = ingestor.add(raw.get(0), "s").storyId();
    ingestor.refreshSummaries();
    ingestor.add(raw.get(1), "s");
    assertThat(store.story(storyId).orElseThrow().summaryCurrent()).isFalse();
    StoryDetail fresh = ingestor.story(storyId).orElseThrow();
    assertThat(fresh.summaryCurrent()).isTrue();
    assertThat(fresh.articles()).hasSize(2);
  }

  @Test
  void pagesStoriesNewestFirst() {
    List<RawArticle> raw = example();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      RawArticle r = raw.get(i);
      RawArticle dated =
          new RawArticle(
              r.id(),
              r.content(),
              r.format(),
              r.title(),
              r.url(),
              java.time.Instant.parse("2017-04-1" + i + "T10:00:00Z"),
              r.origin());
      ids.add(ingestor.add(dated, "story-" + i).storyId());
    }
    StoryPage first = store.stories(1, 2);
    assertThat(first.total()).isEqualTo(raw.size());
    assertThat(first.hasNext()).isTrue();
    assertThat(first.stories()).extracting(StoryInfo::id).containsExactly(ids.get(4), ids.get(3));
    StoryPage last = store.stories(3, 2);
    assertThat(last.stories()).extracting(StoryInfo::id).containsExactly(ids.get(0));
    assertThat(last.hasNext()).isFalse();
  }

  @Test
  void concurrentWritersStoreEachArticleOnce() throws Exception {
    List<RawArticle> raw = example();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  int added = 0;
                  for (RawArticle r : raw) {
                    added += ingestor.add(r, "shared").added() ? 1 : 0;
                  }
                  return added;
                }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get();
      }
      assertThat(total).isEqualTo(raw.size());
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.counts()).isEqualTo(new Store.Counts(raw.size(), 1));
    long storyId = store.stories(1, 10).stories().get(0).id();
    assertThat(store.storyInfo(storyId).orElseThrow().articleCount()).isEqualTo(raw.size());
  }

  @Test
  void reopeningKeepsDataAndSchema() throws Exception {
    ingestor.add(example().get(0), "s");
    DatabaseUrl url = store.url();
    try (Store again = Store.open(url)) {
      assertThat(again.counts().articles()).isEqualTo(1);
    }
  }

  @Test
  void movingArticlesRecountsBothStories() {
    List<RawArticle> raw = example();
    Store.AddResult a = ingestor.add(raw.get(0), "a");
    ingestor.add(raw.get(1), "a");
    Store.AddResult b = ingestor.add(raw.get(2), "b");
    ingestor.refreshSummaries();
    long revA = store.revision(a.storyId());
    assertThat(store.moveArticles(List.of(a.articleId()), "b")).isEqualTo(1);
    assertThat(store.moveArticles(List.of(a.articleId()), "b")).isZero();
    assertThat(store.storyInfo(a.storyId()).orElseThrow().articleCount()).isEqualTo(1);
    assertThat(store.storyInfo(b.storyId()).orElseThrow().articleCount()).isEqualTo(2);
    assertThat(store.revision(a.storyId())).isGreaterThan(revA);
    assertThat(store.storiesNeedingSummary()).containsExactlyInAnyOrder(a.storyId(), b.storyId());
    ingestor.refreshSummaries();
    assertThat(store.story(b.storyId()).orElseThrow().summaryCurrent()).isTrue();
  }

  @Test
  void clusteredIngestGrowsStoredStoriesLikeOneCleanRun() throws Exception {
    List<RawArticle> raw = example();
    ClusteredIngest first = new ClusteredIngest(ingestor, StoryOptions.defaults(), "run1");
    for (RawArticle r : raw.subList(0, 3)) {
      first.add(r);
    }
    first.finish();
    ClusteredIngest second = new ClusteredIngest(ingestor, StoryOptions.defaults(), "run2");
    for (RawArticle r : raw) {
      second.add(r);
    }
    second.finish();
    ingestor.refreshSummaries();
    Set<Set<String>> grown = grouping(store);

    try (Store clean = Store.open(freshDatabase())) {
      Ingestor other = new Ingestor(clean, SummaryOptions.defaults());
      ClusteredIngest once = new ClusteredIngest(other, StoryOptions.defaults(), "once");
      for (RawArticle r : raw) {
        once.add(r);
      }
      once.finish();
      assertThat(grown).isEqualTo(grouping(clean));
    }
    assertThat(store.counts().articles()).isEqualTo(raw.size());
    assertThat(store.storiesNeedingSummary()).isEmpty();
  }

  @Test
  void untitledStoryGetsTheOpeningOfItsSummaryAsTitle() {
    long id =
        ingestor
            .add(
                RawArticle.ofText(
                    "plain",
                    "The city council approved the new budget on Monday after a long debate. "
                        + "The mayor said taxes stay flat."),
                "plain")
            .storyId();
    assertThat(store.storyInfo(id).orElseThrow().title()).isNull();
    ingestor.refreshSummaries();
    assertThat(store.storyInfo(id).orElseThrow().title())
        .startsWith("The city council approved the new budget");
  }

  @Test
  void clusteredIngestLinksEventsIntoStoriesAndKeepsThemOnReingest() {
    List<RawArticle> raw = example();
    // the late article (000, another happening) arrives in a second run
    ClusteredIngest first = new ClusteredIngest(ingestor, StoryOptions.defaults(), "part");
    for (RawArticle r : raw.subList(1, raw.size())) {
      first.add(r);
    }
    first.finish();
    assertThat(grouping(store)).hasSize(1);
    ClusteredIngest late = new ClusteredIngest(ingestor, StoryOptions.defaults(), "all");
    for (RawArticle r : raw) {
      late.add(r);
    }
    late.finish();
    Set<Set<Set<String>>> stories = storiesOfEvents(store);
    assertThat(grouping(store)).hasSize(2); // 000 is an event of its own
    // every event is in exactly one story, and every story lists each of its events
    assertThat(stories.stream().mapToInt(Set::size).sum()).isEqualTo(2);
    long aprilEvent =
        store.stories(1, 100).stories().stream()
            .filter(info -> info.articleCount() == raw.size() - 1)
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(aprilEvent).isPositive();
    List<StoryThreads.StoredEvent> events = store.storyEvents(aprilEvent);
    assertThat(events).extracting(StoryThreads.StoredEvent::storyId).contains(aprilEvent);
    assertThat(
            events.stream().filter(e -> e.storyId() == aprilEvent).findFirst().orElseThrow().day())
        .hasYear(2017)
        .hasMonthValue(4);
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).day() != null) {
        assertThat(events.get(i - 1).day()).isNotNull().isBeforeOrEqualTo(events.get(i).day());
      }
    }

    // re-ingesting the same input changes neither events nor stories
    ClusteredIngest again = new ClusteredIngest(ingestor, StoryOptions.defaults(), "all");
    for (RawArticle r : raw) {
      again.add(r);
    }
    again.finish();
    assertThat(storiesOfEvents(store)).isEqualTo(stories);
    assertThat(store.storyEvents(aprilEvent)).isEqualTo(events);
    assertThat(store.storyEvents(Long.MAX_VALUE)).isEmpty();
  }

  /** Each story as the set of its events, each event as a set of article ids. */
  static Set<Set<Set<String>>> storiesOfEvents(Store s) {
    Set<Set<Set<String>>> out = new HashSet<>();
    for (StoryInfo info : s.stories(1, 100).stories()) {
      Set<Set<String>> story = new HashSet<>();
      for (StoryThreads.StoredEvent e : s.storyEvents(info.id())) {
        Set<String> ids = new HashSet<>();
        s.story(e.storyId()).orElseThrow().articles().forEach(a -> ids.add(a.article().id()));
        story.add(ids);
      }
      out.add(story);
    }
    return out;
  }

  /** The stories as sets of article ids (keys and database ids left out). */
  static Set<Set<String>> grouping(Store s) {
    Set<Set<String>> out = new HashSet<>();
    for (StoryInfo info : s.stories(1, 100).stories()) {
      Set<String> ids = new HashSet<>();
      s.story(info.id()).orElseThrow().articles().forEach(a -> ids.add(a.article().id()));
      out.add(ids);
    }
    return out;
  }
}

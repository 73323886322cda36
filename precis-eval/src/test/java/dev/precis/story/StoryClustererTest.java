package dev.precis.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.Precis;
import dev.precis.eval.DevStoryStreams;
import dev.precis.eval.LabeledStream;
import dev.precis.eval.StoryStreamEvaluation;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryClustererTest {
  private static final Path ROOT = Path.of(System.getProperty("precis.root", "."));
  private static final Path EXAMPLES = ROOT.resolve("examples/tillerson-lavrov-2017");
  private static final Instant DAY = Instant.parse("2017-04-12T09:00:00Z");

  private static Article example(String prefix, String id, Instant published) throws IOException {
    try (var files = Files.list(EXAMPLES)) {
      Path f =
          files
              .filter(p -> p.getFileName().toString().startsWith(prefix))
              .findFirst()
              .orElseThrow();
      Article a = Precis.defaults().prepare(RawArticle.ofText(id, Files.readString(f)));
      return with(a, id, published, null);
    }
  }

  private static Article with(Article a, String id, Instant published, String outlet) {
    return new Article(id, a.title(), a.text(), null, outlet, published, null, id);
  }

  private static List<Story> cluster(StoryOptions options, List<Article> articles) {
    List<Story> stories = new ArrayList<>();
    StoryClusterer c = new StoryClusterer(options, stories::add);
    for (Article a : articles) {
      c.add(a);
    }
    c.closeAll();
    return stories;
  }

  /** A syndicated copy: same text with a different header and footer and a few words changed. */
  private static String syndicate(String text) {
    String edited =
        text.replace("Tillerson said", "Tillerson told reporters")
            .replace("Syrian government", "Assad government")
            .replace("Wednesday", "on Wednesday");
    return "Reuters | World news\n\n"
        + edited
        + "\n\nCopyright 2017 Thomson Reuters. All rights reserved.";
  }

  @Test
  void syndicatedCopyIsADuplicateAndCreditsBothOutlets() throws IOException {
    Article original = with(example("003", "orig", DAY), "orig", DAY, "example.com");
    Article copy =
        new Article(
            "copy",
            original.title(),
            syndicate(original.text()),
            null,
            "reuters.com",
            DAY.plusSeconds(3600),
            null,
            "copy");
    assertThat(copy.text()).isNotEqualTo(original.text());

    List<Story> stories = cluster(StoryOptions.defaults(), List.of(original, copy));

    assertThat(stories).hasSize(1);
    Story s = stories.get(0);
    assertThat(s.canonicalIds()).containsExactly("orig");
    assertThat(s.copiesOf("orig")).containsExactly("copy");
    assertThat(s.outlets()).containsExactly("example.com", "reuters.com");
  }

  @Test
  void articlesThatShareOnlyAPhraseAreNotCopiesButTheSameStory() throws IOException {
    // 003 and 004 report the same meeting and share one 11-word phrase, nothing more
    Article a = example("003", "003", DAY);
    Article b = example("004", "004", DAY.plus(Duration.ofHours(5)));

    List<Story> stories = cluster(StoryOptions.defaults(), List.of(a, b));

    assertThat(stories).hasSize(1);
    assertThat(stories.get(0).canonicalIds()).containsExactly("003", "004");
  }

  @Test
  void sameTopicOnDifferentDaysMakesDifferentEvents() throws IOException {
    Article monday = example("003", "monday", DAY);
    Article sameDay = example("004", "same-day", DAY.plus(Duration.ofHours(6)));
    Article later = example("002", "two-weeks-later", DAY.plus(Duration.ofDays(15)));

    List<Story> stories = cluster(StoryOptions.defaults(), List.of(monday, sameDay, later));

    assertThat(events(stories))
        .containsExactlyInAnyOrder(List.of("monday", "same-day"), List.of("two-weeks-later"));
  }

  @Test
  void aLateReportThatNamesTheDayJoinsTheEvent() throws IOException {
    // 002 says the talks "got underway Wednesday": published four days later, it still reports
    // the day of the meeting, so it is a follow-up of that event, not a new one
    Article first = example("003", "first", DAY);
    Article late = example("002", "four-days-later", DAY.plus(Duration.ofDays(4)));

    List<Story> stories = cluster(StoryOptions.defaults(), List.of(first, late));

    assertThat(events(stories)).containsExactly(List.of("first", "four-days-later"));
  }

  @Test
  void theExampleFolderIsOneStoryOfTwoEvents() throws IOException {
    // 000 is a phone call in January 2018 after another attack ("nearly 20" dead); 001-004 report
    // the Moscow meeting of April 2017 (80-87 dead): one thread, two events
    List<Article> all = new ArrayList<>();
    for (String p : List.of("000", "001", "002", "003", "004")) {
      all.add(example(p, p, null));
    }
    List<Story> stories = cluster(StoryOptions.defaults(), all);
    assertThat(stories).hasSize(1);
    assertThat(stories.get(0).articleIds()).containsExactly("000", "001", "002", "003", "004");
    assertThat(events(stories))
        .containsExactlyInAnyOrder(List.of("000"), List.of("001", "002", "003", "004"));
    StoryEvent april =
        stories.get(0).events().stream()
            .filter(e -> e.articleIds().size() == 4)
            .findFirst()
            .orElseThrow();
    // the event's headline is one of its own articles' titles, and so is the story's
    List<String> titles = new ArrayList<>();
    for (String p : List.of("001", "002", "003", "004")) {
      titles.add(example(p, p, null).title());
    }
    assertThat(april.headline()).isIn(titles);
    assertThat(stories.get(0).title()).isIn(titles);
  }

  @Test
  void aRoundupThatReportsBothStoriesMergesThem() throws IOException {
    Article a = example("003", "a", null);
    Article b = example("001", "b", null);
    // a roundup: the first half of one report and the second half of the other
    String[] pa = a.text().split("\n\n");
    String[] pb = b.text().split("\n\n");
    List<String> parts = new ArrayList<>(List.of(pa).subList(0, pa.length / 2));
    parts.addAll(List.of(pb).subList(pb.length / 2, pb.length));
    Article roundup = Article.of("roundup", String.join("\n\n", parts));
    StoryOptions strict =
        StoryOptions.defaults().withScorer(null).withThreshold(0.55).withUndatedMargin(0);

    // strict: a and b alone are two events
    assertThat(events(cluster(strict, List.of(a, b)))).hasSize(2);
    // the roundup reaches both, and their centroids are similar enough to merge
    List<Story> merged = cluster(strict.withMergeThreshold(0.4), List.of(a, b, roundup));
    assertThat(events(merged)).containsExactly(List.of("a", "b", "roundup"));
    // with a merge threshold above their similarity the roundup joins one of them only
    assertThat(events(cluster(strict.withMergeThreshold(0.9), List.of(a, b, roundup)))).hasSize(2);
  }

  @Test
  void oneWronglyDatedArticleDoesNotCloseTheOpenStories() throws IOException {
    Article first = example("003", "first", DAY);
    Article typo = example("001", "year-typo", DAY.plus(Duration.ofDays(365 * 80)));
    Article second = example("004", "second", DAY.plus(Duration.ofHours(2)));

    List<Story> stories = cluster(StoryOptions.defaults(), List.of(first, typo, second));

    // a date 80 years ahead is implausible: Article drops it (PublishedDate), so the typo is
    // undated and clusters by its text alone; the point stays that first and second stay together
    assertThat(typo.published()).isNull();
    assertThat(events(stories)).anySatisfy(ids -> assertThat(ids).contains("first", "second"));
  }

  @Test
  void anUndatedArticleReadFirstGetsASecondLookBeforeItsEventCloses() {
    // one roundup of the undated development stream: three outlets' reports of one happening, in
    // the order the stream reads them; two of them start events (each scored below the threshold
    // against what was open when it came), the third joins one of them
    List<Article> roundup =
        DevStoryStreams.all(ROOT.resolve("../shared/data"), DevStoryStreams.Part.TUNE, 1).stream()
            .filter(n -> n.name().startsWith("roundups-undated"))
            .flatMap(n -> n.items().stream())
            .filter(it -> it.event().equals("as-5716"))
            .map(LabeledStream.Item::article)
            .sorted(java.util.Comparator.comparing(Article::id))
            .toList();
    assertThat(roundup).extracting(Article::id).hasSize(3).allMatch(id -> !id.isBlank());
    List<Story> stories = new ArrayList<>();
    StoryClusterer c = new StoryClusterer(StoryOptions.defaults(), stories::add);
    int started = 0;
    for (Article a : List.of(roundup.get(1), roundup.get(2), roundup.get(0))) {
      started += c.add(a).newStory() ? 1 : 0;
    }
    assertThat(started).isEqualTo(2);
    c.closeAll();
    // before the events close, the report left alone is scored again, as if it came last, and joins
    assertThat(events(stories)).hasSize(1);
    assertThat(events(stories).get(0)).hasSize(3);
  }

  @Test
  void resultsDependOnlyOnTheInputOrder() {
    List<StoryStreamEvaluation.Item> stream = sampleStream(200);
    List<List<String>> first = ids(runOn(stream));
    List<List<String>> second = ids(runOn(stream));
    assertThat(second).isEqualTo(first);
    assertThat(first.size()).isBetween(100, stream.size() - 1);
  }

  @Test
  void stateStaysBoundedOnALongStream() {
    StoryOptions options = StoryOptions.defaults().withCloseAfter(Duration.ofHours(36));
    List<Story> closed = new ArrayList<>();
    StoryClusterer c = new StoryClusterer(options, closed::add);
    int maxOpen = 0;
    List<StoryStreamEvaluation.Item> stream = sampleStream(300);
    // one article an hour: at most ~36 hours of stories can be open at once
    for (int i = 0; i < stream.size(); i++) {
      Article a = stream.get(i).article();
      c.add(
          new Article(
              a.id(), null, a.text(), null, null, DAY.plus(Duration.ofHours(i)), null, a.id()));
      maxOpen = Math.max(maxOpen, c.openStories());
    }
    assertThat(maxOpen).isLessThanOrEqualTo(40);
    assertThat(closed.size()).isGreaterThan(100);
  }

  private static List<StoryStreamEvaluation.Item> sampleStream(int clusters) {
    var all = StoryStreamEvaluation.read(ROOT.resolve("../shared/data/multinews-val.jsonl.gz"));
    var some = StoryStreamEvaluation.withoutSharedDocuments(all.subList(0, clusters));
    return StoryStreamEvaluation.stream(some, 7, StoryStreamEvaluation.Times.SAME);
  }

  private static List<Story> runOn(List<StoryStreamEvaluation.Item> stream) {
    return cluster(
        StoryOptions.defaults(), stream.stream().map(StoryStreamEvaluation.Item::article).toList());
  }

  private static List<List<String>> events(List<Story> stories) {
    List<List<String>> out = new ArrayList<>();
    for (Story s : stories) {
      for (StoryEvent e : s.events()) {
        out.add(e.articleIds());
      }
    }
    return out;
  }

  private static List<List<String>> ids(List<Story> stories) {
    return stories.stream().map(Story::articleIds).toList();
  }

  @Test
  void storiesOpenAtTheEndComeOutInTimeOrder() {
    Article vote =
        new Article(
            "vote",
            "Council approves school budget",
            "The city council of Springfield approved the school budget after a long"
                + " debate about teacher salaries and class sizes.",
            null,
            null,
            DAY.plus(Duration.ofDays(2)),
            null,
            "vote");
    Article storm =
        new Article(
            "storm",
            "Storm floods coastal towns",
            "A storm flooded coastal towns in Maine, cutting power to thousands of homes as rivers"
                + " rose over their banks.",
            null,
            null,
            DAY,
            null,
            "storm");
    Article undated =
        Article.of(
            "match",
            "The home team won the cup final with a late goal, and fans celebrated in the streets.");

    // read latest first: the output still starts with the earliest happening, undated last
    List<Story> stories = cluster(StoryOptions.defaults(), List.of(undated, vote, storm));

    assertThat(stories)
        .extracting(s -> s.articleIds().get(0))
        .containsExactly("storm", "vote", "match");
  }

  @Test
  void trainingExamplesMarkTheGoldEventAmongTheCandidates() throws IOException {
    Article a = example("003", "a", DAY);
    Article b = example("004", "b", DAY.plus(Duration.ofHours(5)));
    Article c = example("001", "c", DAY.plus(Duration.ofHours(6)));
    java.util.Map<String, String> gold =
        java.util.Map.of("a", "meeting", "b", "meeting", "c", "other");

    List<EventExamples.Example> examples =
        EventExamples.collect(List.of(a, b, c), gold::get, StoryOptions.defaults());

    // b meets the event of a (its gold event); c, labelled another event, meets it too
    assertThat(examples).extracting(EventExamples.Example::sameEvent).contains(true, false);
    assertThat(examples)
        .allSatisfy(e -> assertThat(e.features()).hasSize(EventScorer.FEATURES.size()));
    assertThat(examples)
        .extracting(EventExamples.Example::model)
        .containsOnly(EventScorer.index(true, true));
  }
}

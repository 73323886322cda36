package dev.precis.story;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.Precis;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The linkage pass over open undated events, on the bundled example read without dates: 001-004
 * report the April 2017 Moscow meeting, 000 a January 2018 phone call after another attack.
 */
class EventLinkageTest {
  private static final Path EXAMPLES =
      Path.of(System.getProperty("precis.root", ".")).resolve("examples/tillerson-lavrov-2017");

  private final DocumentFrequency df = new DocumentFrequency(16);
  private final EventIndex index = new EventIndex();
  private final FeatureExtractor extractor = new FeatureExtractor();
  private final List<Article> articles = new ArrayList<>();
  private long seq;
  private long mark = -1;

  EventLinkageTest() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path f : files.sorted().toList()) {
        String id = f.getFileName().toString().substring(0, 3);
        articles.add(Precis.defaults().prepare(RawArticle.ofText(id, Files.readString(f))));
      }
    }
    // the stream's word rarities, as the clusterer would have counted them
    for (Article a : articles) {
      df.add(StoryClusterer.features(a, extractor).terms());
    }
  }

  /** An open event of the given example articles, undated, as the clusterer keeps it. */
  private StoryState event(long id, String... ids) {
    StoryState s = new StoryState(id, StoryClusterer.CENTROID_TERMS);
    s.thread = new ThreadState(id);
    for (String want : ids) {
      Article a = articles.stream().filter(x -> x.id().equals(want)).findFirst().orElseThrow();
      TextFeatures f = StoryClusterer.features(a, extractor);
      TermVector v = TermVector.of(f, df, 1.5, StoryClusterer.VECTOR_TERMS);
      long[] query = v.topTerms(StoryClusterer.QUERY_TERMS);
      boolean titled = a.title() != null && !a.title().isBlank();
      s.centroid.add(v);
      s.vectors++;
      s.undatedMembers.add(StoryState.Single.of(titled, StoryState.Single.UNDATED, f, v, query));
      s.members.add(
          new StoryState.Member(
              seq++,
              new StoryArticle(a.id(), a.title(), null, null, null, null),
              query,
              f.eventDay()));
      s.addDay(f.eventDay());
      s.addFigures(f.figures());
      s.addKind(f.kind());
      s.addNames(f.entities());
      s.addTitleTerms(f.titleTerms());
      s.addDetails(f);
      index.add(query, s);
    }
    return s;
  }

  /** The pairs the pass merges at {@code threshold}: "kept+gone" ids. */
  private List<String> link(double threshold, StoryState... open) {
    List<String> merges = new ArrayList<>();
    // the index dedupes candidates by mark: each pass goes on from the marks of the last
    mark =
        new EventLinkage(
                EventScorer.learned(), index, new TimeDecay(StoryOptions.defaults()), df, mark)
            .run(
                List.of(open),
                threshold,
                0,
                (keep, gone) -> {
                  merges.add(keep.id + "+" + gone.id);
                  keep.absorb(gone);
                });
    return merges;
  }

  @Test
  void twoPartsOfOneEventMerge() {
    StoryState first = event(1, "001", "002");
    StoryState second = event(2, "003", "004");
    assertThat(link(StoryOptions.DEFAULT_LINKAGE_THRESHOLD, first, second)).containsExactly("1+2");
    assertThat(second.closed).isTrue();
    assertThat(first.members)
        .extracting(m -> m.article().id())
        .contains("001", "002", "003", "004");
  }

  @Test
  void anotherHappeningStaysApartBelowTheThreshold() {
    // the January call shares the story's names and words with the April meeting, and is not
    // vetoed (it is scored), but its articles' joining probabilities stay below the threshold
    StoryState call = event(1, "000");
    StoryState meeting = event(2, "001", "002", "003");
    assertThat(link(StoryOptions.DEFAULT_LINKAGE_THRESHOLD, call, meeting)).isEmpty();
    assertThat(call.closed).isFalse();
    assertThat(meeting.closed).isFalse();
    // what keeps them apart is the threshold: far lower, the same pair merges
    assertThat(link(0.4, call, meeting)).containsExactly("1+2");
  }

  @Test
  void datedEventsAreLeftToTheStream() {
    StoryState first = event(1, "001", "002");
    StoryState second = event(2, "003", "004");
    second.addTime(1_491_984_000_000L); // one of its articles came with a publication time
    assertThat(link(StoryOptions.DEFAULT_LINKAGE_THRESHOLD, first, second)).isEmpty();
  }

  @Test
  void theThresholdIsAnOptionOfTheClusterer() {
    assertThat(StoryOptions.defaults().linkageThreshold()).isEqualTo(1.0);
    assertThat(StoryOptions.defaults().withLinkageThreshold(0.75).linkageThreshold())
        .isEqualTo(0.75);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> StoryOptions.defaults().withLinkageThreshold(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("linkage threshold must be above 0, got 0.0");
  }
}

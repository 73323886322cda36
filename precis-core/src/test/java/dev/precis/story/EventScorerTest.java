package dev.precis.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventScorerTest {
  private static EventScorer read(String text) throws IOException {
    return EventScorer.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theShippedScorerReadsBackAsWritten() throws IOException {
    EventScorer shipped = EventScorer.learned();
    assertThat(read(shipped.write())).isEqualTo(shipped);
    for (EventScorer.Model m : shipped.models()) {
      assertThat(m.threshold()).isBetween(0.0, 1.0);
    }
    assertThat(StoryOptions.defaults().scorer()).isSameAs(shipped);
  }

  @Test
  void moreSimilarAndCloserInTimeIsMoreLikelyTheSameEvent() {
    // what the shipped weights must say, whatever they were trained on
    EventScorer.Model dated = EventScorer.learned().model(true, true);
    StoryState event = new StoryState(1, 8);
    event.vectors = 3;
    TextFeatures f = new TextFeatures(new int[0], 0, new long[0], new int[0], new long[0]);
    double[] close = new double[EventScorer.FEATURES.size()];
    double[] far = close.clone();
    double[] alike = close.clone();
    CandidateFeatures.fill(close, 0.4, 1, 1, 1, 0, true, false, 0.5, true, f, event, null);
    CandidateFeatures.fill(far, 0.4, 0.01, 1, 0.01, 9, false, false, 0.5, true, f, event, null);
    CandidateFeatures.fill(alike, 0.7, 1, 1, 1, 0, true, false, 0.5, true, f, event, null);
    assertThat(dated.probability(close)).isGreaterThan(dated.probability(far));
    assertThat(dated.probability(alike)).isGreaterThan(dated.probability(close));
  }

  @Test
  void aDamagedScorerFileIsRefusedWithOneLine() {
    assertThatThrownBy(() -> read("dated.bias 1\n"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("event scorer: no weight for 'dated-titled.cosine'");
    assertThatThrownBy(() -> read("nonsense\n"))
        .isInstanceOf(IOException.class)
        .hasMessage("event scorer: cannot read line 'nonsense'");
    String unknown = EventScorer.learned().write() + "dated.colour 1\n";
    assertThatThrownBy(() -> read(unknown))
        .isInstanceOf(IOException.class)
        .hasMessage("event scorer: unknown feature 'colour'");
  }
}

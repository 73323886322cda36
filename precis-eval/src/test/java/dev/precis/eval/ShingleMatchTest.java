package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark metric: 4-token shingles, per-page normalised counts, averaged. */
class ShingleMatchTest {

  @Test
  void identicalTextsScoreOneWhateverThePunctuation() {
    ShingleMatch.Counts c =
        ShingleMatch.compare("One two three four five.", "One, two; three four five");
    assertThat(c.precision()).isEqualTo(1.0);
    assertThat(c.recall()).isEqualTo(1.0);
  }

  @Test
  void extraTextCostsPrecisionAndMissingTextCostsRecall() {
    String truth = "a b c d e f g h";
    ShingleMatch.Counts extra = ShingleMatch.compare(truth, truth + " x y z w");
    assertThat(extra.recall()).isEqualTo(1.0);
    assertThat(extra.precision()).isCloseTo(5.0 / 9.0, within(1e-9));
    ShingleMatch.Counts missing = ShingleMatch.compare(truth, "a b c d e");
    assertThat(missing.precision()).isEqualTo(1.0);
    assertThat(missing.recall()).isCloseTo(2.0 / 5.0, within(1e-9));
  }

  @Test
  void tokensAreCaseSensitiveUnicodeWordRuns() {
    assertThat(ShingleMatch.tokens("Größe—naïve it's"))
        .containsExactly("Größe", "naïve", "it", "s");
    assertThat(ShingleMatch.compare("Alpha beta gamma delta", "alpha beta gamma delta").tp())
        .isZero();
  }

  @Test
  void emptyPredictionsCountForRecallButNotPrecision() {
    ShingleMatch.Counts empty = ShingleMatch.compare("one two three four", "");
    ShingleMatch.Counts perfect = ShingleMatch.compare("one two three four", "one two three four");
    ShingleMatch.Scores s = ShingleMatch.average(List.of(empty, perfect));
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(0.5);
    assertThat(s.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
  }

  @Test
  void bootstrapIntervalsAreReproducibleAndVanishForIdenticalPages() {
    ShingleMatch.Counts perfect = ShingleMatch.compare("a b c d e", "a b c d e");
    ShingleMatch.Counts half = ShingleMatch.compare("a b c d e f g h", "a b c d e");
    List<ShingleMatch.Counts> same = List.of(perfect, perfect, perfect);
    assertThat(ShingleMatch.confidence(same, 200, 1)).containsExactly(0.0, 0.0, 0.0);
    List<ShingleMatch.Counts> mixed = List.of(perfect, half, perfect, half);
    assertThat(ShingleMatch.confidence(mixed, 200, 1))
        .containsExactly(ShingleMatch.confidence(mixed, 200, 1));
    assertThat(ShingleMatch.confidence(mixed, 200, 1)[1]).isGreaterThan(0);
  }
}

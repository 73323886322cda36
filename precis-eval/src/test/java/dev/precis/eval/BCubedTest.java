package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BCubedTest {
  @Test
  void perfectClusteringScoresOne() {
    BCubed s = BCubed.score(List.of("a", "a", "b"), List.of(7, 7, 9));
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.f1()).isEqualTo(1.0);
  }

  @Test
  void handComputedCase() {
    // gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}
    // precision: 1, 1, 1/3, 2/3, 2/3 -> 11/15; recall: 2/3, 2/3, 1/3, 1, 1 -> 11/15
    BCubed s = BCubed.score(List.of("x", "x", "x", "y", "y"), List.of(1, 1, 2, 2, 2));
    assertThat(s.precision()).isCloseTo(11.0 / 15, within(1e-12));
    assertThat(s.recall()).isCloseTo(11.0 / 15, within(1e-12));
    assertThat(s.f1()).isCloseTo(11.0 / 15, within(1e-12));
    assertThat(s.items()).isEqualTo(5);
  }

  @Test
  void everythingInOneClusterHasFullRecall() {
    BCubed s = BCubed.score(List.of("a", "a", "b"), List.of(1, 1, 1));
    assertThat(s.precision()).isCloseTo(5.0 / 9, within(1e-12));
    assertThat(s.recall()).isEqualTo(1.0);
  }

  @Test
  void singletonsHaveFullPrecision() {
    BCubed s = BCubed.score(List.of("a", "a", "b", "b"), List.of(1, 2, 3, 4));
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(0.5);
    assertThat(s.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
  }
}

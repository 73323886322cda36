package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.story.EventScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventScorerTrainingTest {
  @Test
  void newtonsMethodRecoversTheWeightsOfALogisticModel() {
    // labels drawn from a known logistic model over two of the features
    int d = EventScorer.FEATURES.size();
    SplittableRandom random = new SplittableRandom(7);
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double[] row = new double[d];
      row[0] = random.nextDouble() * 2 - 1;
      row[1] = random.nextDouble() * 2 - 1;
      double p = 1 / (1 + Math.exp(-(0.5 + 3 * row[0] - 2 * row[1])));
      x.add(row);
      y.add(random.nextDouble() < p);
    }

    double[] beta = EventScorerTraining.fit(x, y);

    assertThat(beta[0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.15));
    assertThat(beta[1]).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.3));
    assertThat(beta[2]).isCloseTo(-2.0, org.assertj.core.data.Offset.offset(0.3));
    assertThat(beta[3]).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.01));
  }
}

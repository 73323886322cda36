package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.summarize.CitationModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CitationTrainingTest {
  private static final int N = CitationModel.features().size();

  /** A candidate whose first feature (cover_mine) is {@code cover}, the rest noise. */
  private static double[] candidate(double cover, Random r) {
    double[] f = new double[N];
    for (int k = 1; k < N; k++) {
      f[k] = r.nextDouble();
    }
    f[0] = cover;
    return f;
  }

  @Test
  void learnsWhichCandidateOfABagCarriesTheLabelAndMeetsThePrecisionFloor() {
    Random r = new Random(7);
    List<CitationTraining.Bag> bags = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      boolean supports = i % 3 == 0;
      // a supporting bag has one candidate covering much of the sentence among weak ones
      double[][] c = {
        candidate(r.nextDouble() * 0.3, r),
        candidate(supports ? 0.6 + r.nextDouble() * 0.4 : r.nextDouble() * 0.5, r),
        candidate(r.nextDouble() * 0.3, r)
      };
      bags.add(new CitationTraining.Bag(supports, c));
    }
    CitationModel m = CitationTraining.fit(bags, 0.95);
    assertThat(m.weights()[0]).isGreaterThan(0);
    int tp = 0;
    int fp = 0;
    int positives = 0;
    for (CitationTraining.Bag b : bags) {
      double best = 0;
      for (double[] f : b.candidates()) {
        best = Math.max(best, m.probability(f));
      }
      positives += b.supports() ? 1 : 0;
      tp += best >= m.threshold() && b.supports() ? 1 : 0;
      fp += best >= m.threshold() && !b.supports() ? 1 : 0;
    }
    assertThat((double) tp / (tp + fp)).isGreaterThanOrEqualTo(0.95);
    assertThat((double) tp / positives).isGreaterThan(0.8);
  }

  @Test
  void aWrittenModelReadsBackTheSame() throws Exception {
    double[] w = new double[N];
    for (int k = 0; k < N; k++) {
      w[k] = k - 3.25;
    }
    CitationModel m = new CitationModel(-1.5, w, 0.875);
    String text = String.join("\n", m.write(List.of("test"))) + "\n";
    CitationModel back =
        CitationModel.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(back.weights()).containsExactly(w);
    assertThat(back.bias()).isEqualTo(-1.5);
    assertThat(back.threshold()).isEqualTo(0.875);
  }
}

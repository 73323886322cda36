package dev.precis.eval.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.precis.text.analysis.WordVectorsFile;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WordVectorTrainingTest {
  @Test
  void pcaFindsTheDirectionsOfLargestVarianceAgainstTheExactAnswer() {
    // points spread 10x along (1,1,0)/sqrt2, 3x along (1,-1,0)/sqrt2, 0.5x along z
    Random random = new Random(7);
    float[][] rows = new float[2000][];
    double r = Math.sqrt(0.5);
    for (int i = 0; i < rows.length; i++) {
      double a = random.nextGaussian() * 10;
      double b = random.nextGaussian() * 3;
      double c = random.nextGaussian() * 0.5;
      rows[i] = new float[] {(float) (r * a + r * b + 5), (float) (r * a - r * b), (float) c};
    }
    Pca pca = Pca.fit(rows, 2);
    assertThat(Math.abs(pca.components()[0][0])).isCloseTo(r, offset(0.01));
    assertThat(pca.components()[0][1]).isCloseTo(pca.components()[0][0], offset(0.01));
    assertThat(pca.components()[1][0]).isCloseTo(-pca.components()[1][1], offset(0.01));
    assertThat(pca.variance()[0]).isCloseTo(100, offset(10.0));
    assertThat(pca.variance()[1]).isCloseTo(9, offset(1.0));
    assertThat(pca.mean()[0]).isCloseTo(5, offset(0.5));
    // no random start: the same rows give the same components, bit for bit
    assertThat(Pca.fit(rows, 2).components()).isDeepEqualTo(pca.components());
  }

  @Test
  void vocabularyIsTheMostFrequentWordsByFrequencyThenSpelling() {
    Map<String, Integer> df = Map.of("storm", 9, "flood", 9, "rain", 12, "hail", 2, "wind", 5);
    assertThat(WordVectorTraining.vocabulary(df, 3, 3)).containsExactly("rain", "flood", "storm");
    assertThat(WordVectorTraining.vocabulary(df, 10, 3))
        .containsExactly("rain", "flood", "storm", "wind");
  }

  @Test
  void vocabularyWordsHaveALetterAndAreNotStopWords() {
    assertThat(WordVectorTraining.isVocabularyWord("covid19")).isTrue();
    assertThat(WordVectorTraining.isVocabularyWord("2017")).isFalse();
    assertThat(WordVectorTraining.isVocabularyWord("the")).isFalse();
    assertThat(WordVectorTraining.isVocabularyWord("x")).isFalse();
  }

  @Test
  void quantizedVectorsKeepTheirDirection() {
    double[] v = {3.0, -4.0, 0.5, 0.0};
    WordVectorsFile.Entry e = WordVectorTraining.quantize("w", 4, v);
    byte[] q = e.components();
    assertThat(q[1]).isEqualTo((byte) -127);
    double norm = Math.sqrt(9 + 16 + 0.25);
    for (int i = 0; i < v.length; i++) {
      assertThat(q[i] * e.scale()).isCloseTo((float) (v[i] / norm), offset(0.005f));
    }
  }

  @Test
  void badOptionsGetAOneLineReason() {
    assertThatThrownBy(() -> WordVectorTraining.parse(new String[] {"--dev", "x"}))
        .hasMessageContaining("--output are required");
    assertThatThrownBy(
            () -> WordVectorTraining.parse(new String[] {"--max-words", "-3", "--dev", "x"}))
        .hasMessageContaining("positive whole number");
    assertThatThrownBy(() -> WordVectorTraining.parse(new String[] {"--bogus", "1"}))
        .hasMessageContaining("unknown option");
    assertThat(
            WordVectorTraining.parse(List.of("--dev", "d", "--output", "o").toArray(new String[0]))
                .maxWords())
        .isEqualTo(40_000);
  }
}

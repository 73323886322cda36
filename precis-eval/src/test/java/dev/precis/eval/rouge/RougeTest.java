package dev.precis.eval.rouge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RougeTest {
  private static final RougeOptions STEM = RougeOptions.parse("-n 2 -m -2 4 -u");

  @Test
  void stemsLikeRougesPorterVariant() {
    assertThat(RougePorterStemmer.stem("running")).isEqualTo("run");
    assertThat(RougePorterStemmer.stem("hopping")).isEqualTo("hop");
    assertThat(RougePorterStemmer.stem("happiness")).isEqualTo("happi");
    assertThat(RougePorterStemmer.stem("conditional")).isEqualTo("condit");
    assertThat(RougePorterStemmer.stem("generalizations")).isEqualTo("gener");
    assertThat(RougePorterStemmer.stem("yelling")).isEqualTo("yell");
    // ROUGE's own change to step 4
    assertThat(RougePorterStemmer.stem("agreement")).isEqualTo("agreem");
  }

  @Test
  void exceptionTableIsTheReleasesTable() {
    Map<String, String> table = RougeWordLists.exceptions();
    assertThat(table).hasSize(5930);
    assertThat(table).containsEntry("best", "well").containsEntry("better", "well");
    assertThat(table).containsEntry("offer", "offer").containsEntry("involucra", "involucrum");
    assertThat(table).containsEntry("testes", "testes");
    assertThat(RougeText.stem("went")).isEqualTo("go");
    assertThat(RougeText.stem("comics")).isEqualTo("comic_strip");
    assertThat(RougeText.stem("acer")).isEqualTo("acer");
    assertThat(RougeWordLists.stopWords()).contains("the", "t", "would").hasSize(596);
  }

  @Test
  void tokenizesOnAsciiAlphanumericRuns() {
    RougeOptions plain = RougeOptions.parse("-n 1");
    assertThat(RougeText.tokenize("Co-op DON'T naïve, 42x!", plain))
        .containsExactly("co", "op", "don", "t", "na", "ve", "42x");
    // -m leaves tokens of three characters or fewer alone; -s drops stop words before stemming
    assertThat(RougeText.tokenize("men saw were said", STEM))
        .containsExactly("men", "saw", "be", "say");
    assertThat(RougeText.tokenize("They don't report", RougeOptions.parse("-n 1 -s")))
        .containsExactly("don", "report");
  }

  @Test
  void wordLimitCountsWhitespacePiecesOfTheRawLine() {
    RougeOptions l3 = RougeOptions.parse("-n 1 -l 3");
    RougeText t = RougeText.of(List.of("one, two - three four", "five"), l3);
    assertThat(t.tokens()).containsExactly("one", "two");
    // a line starting with whitespace counts one extra, empty word
    RougeText lead = RougeText.of(List.of(" alpha beta gamma"), l3);
    assertThat(lead.tokens()).containsExactly("alpha", "beta");
  }

  @Test
  void byteLimitCutsNGramsAcrossLinesButLcsPerLine() {
    RougeOptions b10 = RougeOptions.parse("-n 1 -b 10");
    RougeText t = RougeText.of(List.of("abcd efgh", "ijkl mnop"), b10);
    assertThat(t.tokens()).containsExactly("abcd", "efgh", "i");
    assertThat(t.sentences()).containsExactly(List.of("abcd", "efgh"), List.of("ijkl", "mnop"));
  }

  @Test
  void skipBigramsWithUnigramsLeaveOutTheLastUnigramAsTheScriptDoes() {
    Rouge rouge = new Rouge(RougeOptions.parse("-2 4 -u -x"));
    RougeScore s = rouge.score(List.of("a b c"), List.of(List.of("a b c"))).get("ROUGE-SU4");
    // unigrams a, b (not c) + skip-bigrams ab, ac, bc
    assertThat(s.referenceUnits()).isEqualTo(5);
    assertThat(s.recall()).isEqualTo(1.0);
  }

  @Test
  void poolsReferencesAndRoundsLikeTheScript() {
    Rouge rouge = new Rouge(RougeOptions.parse("-n 1 -x"));
    RougeScore s =
        rouge
            .score(
                List.of("the cat sat"), List.of(List.of("the cat sat down"), List.of("a dog sat")))
            .get("ROUGE-1");
    assertThat(s.hits()).isEqualTo(4);
    assertThat(s.referenceUnits()).isEqualTo(7);
    assertThat(s.candidateUnits()).isEqualTo(6);
    assertThat(s.recall()).isEqualTo(0.57143);
    assertThat(s.precision()).isEqualTo(0.66667);
    assertThat(s.f1()).isEqualTo(0.61539); // from the rounded R and P, as the script does
  }

  @Test
  void perlRandomMatchesPerl() {
    // perl -e 'srand(0); print rand(10), " ", rand(10)' and srand(3); rand(1)
    RougeBootstrap.PerlRandom r = new RougeBootstrap.PerlRandom(0);
    assertThat(r.nextDouble(10))
        .isCloseTo(1.7082803610629, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(r.nextDouble(10))
        .isCloseTo(7.49901980484964, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(new RougeBootstrap.PerlRandom(3).nextDouble(1)).isEqualTo(0.78323496210305521);
  }

  @Test
  void bootstrapAverageMatchesTheScriptsProcedure() {
    // expected values computed with Perl running the script's bootstrapResampling and
    // computeAverages loops (srand($i) per resample, sorted samples, indexes 25 and 974)
    double[][] v = {
      {0.41234, 0.38, 0.39532}, {0.21, 0.25, 0.22826}, {0.5, 0.45, 0.47368},
      {0.33333, 0.3, 0.31579}, {0.1, 0.12, 0.10909}, {0.6, 0.55, 0.57391},
      {0.27, 0.31, 0.28862}
    };
    List<RougeBootstrap.Instance> in = new java.util.ArrayList<>();
    for (int i = v.length - 1; i >= 0; i--) { // order of the input does not matter: ids sort
      in.add(
          new RougeBootstrap.Instance(
              "c" + (i + 1), new RougeScore(v[i][0], v[i][1], v[i][2], 0, 0, 0)));
    }
    RougeBootstrap.Average a = RougeBootstrap.average(in, 95, 1000);
    assertThat(a.recall()).isEqualTo(new RougeBootstrap.Interval(0.34668, 0.23319, 0.46891));
    assertThat(a.precision()).isEqualTo(new RougeBootstrap.Interval(0.33731, 0.24571, 0.43429));
    assertThat(a.f1()).isEqualTo(new RougeBootstrap.Interval(0.34083, 0.23742, 0.45037));
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> RougeOptions.parse("-l 10 -b 20"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RougeOptions.parse("-q")).hasMessageContaining("-q");
    assertThat(RougeOptions.parse("-n 4 -m -2 4 -u").toFlags())
        .isEqualTo("-n 4 -m -2 4 -u -f A -p 0.5 -c 95 -r 1000");
  }
}

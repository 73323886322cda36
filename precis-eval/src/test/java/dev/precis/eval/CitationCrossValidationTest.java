package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.precis.summarize.CitationModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CitationCrossValidationTest {
  private static final int N = CitationModel.features().size();
  private static final Path ROOT = Path.of(System.getProperty("precis.root", "."));

  /** Bags whose supporting ones hold a candidate with a high first feature, the rest noise. */
  private static List<CitationTraining.Bag> sample(int size, long seed) {
    Random r = new Random(seed);
    List<CitationTraining.Bag> bags = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      boolean supports = i % 3 == 0;
      double[][] c = new double[i % 7 == 6 ? 0 : 3][];
      for (int k = 0; k < c.length; k++) {
        c[k] = new double[N];
        for (int j = 1; j < N; j++) {
          c[k][j] = r.nextDouble();
        }
        c[k][0] = k == 1 && supports ? 0.5 + r.nextDouble() * 0.5 : r.nextDouble() * 0.6;
      }
      bags.add(new CitationTraining.Bag(supports, c));
    }
    return bags;
  }

  @Test
  void foldsAreFiveContiguousDisjointBlocksCoveringEveryBag() {
    for (int n : new int[] {5, 6, 9, 12, 599, 600}) {
      int[] size = new int[CitationCrossValidation.FOLDS];
      int previous = 0;
      for (int i = 0; i < n; i++) {
        int f = CitationCrossValidation.fold(i, n);
        assertThat(f).isBetween(previous, previous + 1); // contiguous, in order
        size[f]++;
        previous = f;
      }
      for (int s : size) {
        // every bag in exactly one fold; no fold empty, sizes within one of each other
        assertThat(s).isBetween(n / CitationCrossValidation.FOLDS, n / 5 + 1);
      }
    }
  }

  @Test
  void averagePrecisionAndRecallAtPrecisionMatchAHandComputedRanking() {
    // ranked: yes, no, yes, no, yes (the last has no candidate)
    double[] scores = {0.7, 0.9, 0.6, 0.8, Double.NEGATIVE_INFINITY};
    boolean[] labels = {false, true, false, true, true};
    // precision at the positives' ranks: 1/1, 2/2, 3/5
    assertThat(CitationCrossValidation.averagePrecision(scores, labels))
        .isCloseTo((1 + 1 + 0.6) / 3, within(1e-12));
    assertThat(CitationCrossValidation.recallAtPrecision(scores, labels, 0.95))
        .isCloseTo(2.0 / 3, within(1e-12));
    assertThat(CitationCrossValidation.recallAtPrecision(scores, labels, 0.6)).isEqualTo(1.0);
    assertThat(CitationCrossValidation.averagePrecision(scores, new boolean[5])).isZero();
  }

  @Test
  void aHeldOutBagsScoreDoesNotDependOnItsOwnLabel() {
    List<CitationTraining.Bag> bags = sample(150, 3);
    double[] before = CitationCrossValidation.outOfFoldScores(bags);
    CitationTraining.Bag b = bags.get(4);
    bags.set(4, new CitationTraining.Bag(!b.supports(), b.candidates()));
    double[] after = CitationCrossValidation.outOfFoldScores(bags);
    assertThat(after[4]).isEqualTo(before[4]);
    // a bag of another fold was scored by a model that saw the flipped label
    assertThat(after[149]).isNotEqualTo(before[149]);
    assertThat(before[6]).isEqualTo(Double.NEGATIVE_INFINITY); // no candidate
  }

  @Test
  void crossValidationRanksByTheInformativeFeatureAndLosesItWhenDropped() {
    List<CitationTraining.Bag> bags = sample(300, 11);
    CitationCrossValidation.Result all = CitationCrossValidation.crossValidate(bags);
    assertThat(all.features()).isEqualTo(N);
    assertThat(all.bags()).isEqualTo(300);
    assertThat(all.positives()).isEqualTo(100);
    assertThat(all.averagePrecision()).isBetween(0.7, 1.0);
    assertThat(all.recallAt90()).isGreaterThanOrEqualTo(all.recallAt95()).isGreaterThan(0.5);
    CitationCrossValidation.Result without =
        CitationCrossValidation.crossValidate(
            CitationCrossValidation.withoutColumns(bags, new int[] {0}));
    assertThat(without.features()).isEqualTo(N - 1);
    assertThat(without.averagePrecision()).isBetween(0.0, 0.6);
    // negative columns count from the end
    assertThat(CitationCrossValidation.withoutColumns(bags, new int[] {-1}).get(0).candidates()[0])
        .containsExactly(java.util.Arrays.copyOf(bags.get(0).candidates()[0], N - 1));
  }

  @Test
  void runsOnTheLabelledRoundupsOfTheTuneHalfOnly() throws Exception {
    Path data = Shared.DATA.resolve("data");
    assumeTrue(Files.isRegularFile(data.resolve("story-roundups/stories.jsonl")), "no shared data");
    List<CitationEvaluation.Item> items =
        CitationEvaluation.readLabels(ROOT.resolve("datasets/citations/labels.jsonl")).stream()
            .filter(i -> i.set().equals("story-roundups"))
            .toList();
    int tunePairs = 0;
    int tuneSupporting = 0;
    for (CitationEvaluation.Item i : items) {
      if (i.split().equals("tune")) {
        tunePairs += i.others().size();
        tuneSupporting += i.supports().size();
      }
    }
    CitationCrossValidation.Result r =
        new CitationCrossValidation(new CitationEvaluation(data)).run(items, new int[0]);
    assertThat(r.bags()).isEqualTo(tunePairs);
    assertThat(r.positives()).isEqualTo(tuneSupporting);
    assertThat(r.features()).isEqualTo(N);
    // far better than the share of supporting pairs, which is what a random ranking scores
    assertThat(r.averagePrecision())
        .isGreaterThan(1.5 * tuneSupporting / tunePairs)
        .isLessThanOrEqualTo(1);
    assertThat(r.recallAt90()).isGreaterThanOrEqualTo(r.recallAt95());
  }
}

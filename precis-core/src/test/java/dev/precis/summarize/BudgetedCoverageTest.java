package dev.precis.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BudgetedCoverageTest {
  /**
   * On small random instances shaped like news clusters (sentences sharing concepts), the local
   * search reaches the exhaustive optimum almost always and never falls far below it.
   */
  @Test
  void localSearchMatchesTheExhaustiveOptimumOnSmallInstances() {
    Random random = new Random(42);
    int optimal = 0;
    int instances = 200;
    for (int k = 0; k < instances; k++) {
      int n = 12;
      int conceptCount = 30;
      double[] weight = new double[conceptCount];
      for (int c = 0; c < conceptCount; c++) {
        weight[c] = 1 + random.nextInt(5);
      }
      int[][] concepts = new int[n][];
      int[] cost = new int[n];
      for (int i = 0; i < n; i++) {
        concepts[i] =
            random.ints(3 + random.nextInt(6), 0, conceptCount).distinct().sorted().toArray();
        cost[i] = 8 + random.nextInt(25);
      }
      int budget = 60 + random.nextInt(40);
      boolean[] all = new boolean[n];
      Arrays.fill(all, true);
      BudgetedCoverage solver = new BudgetedCoverage(concepts, weight, cost, new double[n], 0);
      int[] picked = solver.solve(all, budget, 1.0, 50);
      assertThat(Arrays.stream(picked).map(i -> cost[i]).sum()).isLessThanOrEqualTo(budget);
      double found = value(picked, concepts, weight);
      double best = 0;
      for (int mask = 0; mask < (1 << n); mask++) {
        int words = 0;
        for (int i = 0; i < n; i++) {
          words += (mask >> i & 1) == 1 ? cost[i] : 0;
        }
        if (words <= budget) {
          int m = mask;
          best =
              Math.max(
                  best,
                  value(
                      java.util.stream.IntStream.range(0, n)
                          .filter(i -> (m >> i & 1) == 1)
                          .toArray(),
                      concepts,
                      weight));
        }
      }
      assertThat(found).isGreaterThanOrEqualTo(0.9 * best);
      optimal += found >= best - 1e-9 ? 1 : 0;
    }
    assertThat(optimal).isGreaterThanOrEqualTo((int) (0.9 * instances));
  }

  @Test
  void aSentenceThatRepeatsCoveredConceptsNeverJoins() {
    int[][] concepts = {{0, 1, 2, 3}, {0, 1, 2, 3}, {4, 5}};
    double[] weight = {1, 1, 1, 1, 1, 1};
    int[] cost = {10, 10, 10};
    BudgetedCoverage solver = new BudgetedCoverage(concepts, weight, cost, new double[3], 0.3);
    assertThat(solver.solve(new boolean[] {true, true, true}, 30, 1.0, 10)).containsExactly(0, 2);
  }

  private static double value(int[] picked, int[][] concepts, double[] weight) {
    boolean[] covered = new boolean[weight.length];
    double v = 0;
    for (int i : picked) {
      for (int c : concepts[i]) {
        if (!covered[c]) {
          covered[c] = true;
          v += weight[c];
        }
      }
    }
    return v;
  }
}

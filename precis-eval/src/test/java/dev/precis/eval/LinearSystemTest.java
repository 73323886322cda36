package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class LinearSystemTest {
  @Test
  void solvesASystemThatNeedsAPivotSwap() {
    double[][] a = {{0, 2}, {3, 1}};
    double[] b = {4, 5};
    double[] x = LinearSystem.solve(a, b);
    assertThat(x[0]).isCloseTo(1, offset(1e-12));
    assertThat(x[1]).isCloseTo(2, offset(1e-12));
    assertThat(a[0]).containsExactly(0, 2);
    assertThat(b).containsExactly(4, 5);
  }

  @Test
  void aColumnWithoutPivotGetsZeroInsteadOfInfinity() {
    // the second unknown never appears: a feature that is always 0
    double[] x = LinearSystem.solve(new double[][] {{2, 0}, {0, 0}}, new double[] {6, 0});
    assertThat(x).containsExactly(3, 0);
  }
}

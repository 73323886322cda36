package dev.precis.eval;

import java.util.Arrays;

/** Dense linear systems, as the Newton steps of the trainers' logistic regressions need them. */
final class LinearSystem {
  private LinearSystem() {}

  /**
   * Solves {@code a x = b} by Gaussian elimination with partial pivoting ({@code a} and {@code b}
   * are not changed). A column without a usable pivot (below 1e-15: a feature that is constant or a
   * copy of others) gets 0, so a Newton step leaves that weight where it is instead of sending it
   * to infinity.
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
          pivot = r;
        }
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      if (Math.abs(m[c][c]) < 1e-15) {
        continue;
      }
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = Math.abs(m[r][r]) < 1e-15 ? 0 : s / m[r][r];
    }
    return x;
  }
}

package dev.precis.eval.vectors;

/**
 * Principal component analysis by the cyclic Jacobi eigenvalue method on the covariance matrix: no
 * random start, so the same vectors always give the same components (each sign fixed so that its
 * largest entry is positive).
 *
 * @param mean the mean of the input vectors, subtracted before projecting
 * @param components the top principal directions, {@code components[k]} of unit length
 * @param variance the variance along each component, largest first
 */
record Pca(double[] mean, double[][] components, double[] variance) {
  private static final int MAX_SWEEPS = 100;

  /** The top {@code k} components of {@code rows} (each of the same length). */
  static Pca fit(float[][] rows, int k) {
    int n = rows[0].length;
    double[] mean = new double[n];
    for (float[] r : rows) {
      for (int i = 0; i < n; i++) {
        mean[i] += r[i];
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] /= rows.length;
    }
    double[][] cov = new double[n][n];
    double[] centred = new double[n];
    for (float[] r : rows) {
      for (int i = 0; i < n; i++) {
        centred[i] = r[i] - mean[i];
      }
      for (int i = 0; i < n; i++) {
        double ci = centred[i];
        double[] row = cov[i];
        for (int j = i; j < n; j++) {
          row[j] += ci * centred[j];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        cov[i][j] /= rows.length - 1;
        cov[j][i] = cov[i][j];
      }
    }
    double[][] vectors = jacobi(cov);
    // after jacobi, cov's diagonal holds the eigenvalues; vectors' columns the eigenvectors
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(cov[b][b], cov[a][a]));
    double[][] components = new double[k][n];
    double[] variance = new double[k];
    for (int c = 0; c < k; c++) {
      int col = order[c];
      variance[c] = cov[col][col];
      int largest = 0;
      for (int i = 0; i < n; i++) {
        components[c][i] = vectors[i][col];
        if (Math.abs(vectors[i][col]) > Math.abs(vectors[largest][col])) {
          largest = i;
        }
      }
      if (components[c][largest] < 0) {
        for (int i = 0; i < n; i++) {
          components[c][i] = -components[c][i];
        }
      }
    }
    return new Pca(mean, components, variance);
  }

  /** {@code v} centred and projected on the components. */
  double[] project(float[] v) {
    double[] out = new double[components.length];
    for (int c = 0; c < components.length; c++) {
      double s = 0;
      double[] comp = components[c];
      for (int i = 0; i < v.length; i++) {
        s += (v[i] - mean[i]) * comp[i];
      }
      out[c] = s;
    }
    return out;
  }

  /**
   * Diagonalises the symmetric matrix {@code a} in place (its diagonal ends as the eigenvalues) and
   * returns the eigenvectors as columns.
   */
  private static double[][] jacobi(double[][] a) {
    int n = a.length;
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      double diag = 0;
      for (int p = 0; p < n; p++) {
        diag += a[p][p] * a[p][p];
        for (int q = p + 1; q < n; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off <= 1e-22 * diag) {
        break;
      }
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          if (Math.abs(a[p][q]) > 1e-300) {
            rotate(a, v, p, q);
          }
        }
      }
    }
    return v;
  }

  private static void rotate(double[][] a, double[][] v, int p, int q) {
    int n = a.length;
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }
}

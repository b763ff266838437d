package org.spectrolens.decompose;

import org.spectrolens.SpectrolensException;

/** Small dense-matrix helpers shared by the decompositions (row-major {@code double[rows][cols]}). */
final class Matrices {
  private Matrices() {}

  /** Column means of x [n][d]. */
  static double[] columnMeans(double[][] x) {
    double[] mean = new double[x[0].length];
    for (double[] row : x) for (int j = 0; j < mean.length; j++) mean[j] += row[j];
    for (int j = 0; j < mean.length; j++) mean[j] /= x.length;
    return mean;
  }

  /** x minus its column means, as a new matrix. */
  static double[][] centred(double[][] x, double[] mean) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new double[mean.length];
      for (int j = 0; j < mean.length; j++) out[i][j] = x[i][j] - mean[j];
    }
    return out;
  }

  /** a [n][m] times b [m][p]. */
  static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int m = b.length;
    int p = b[0].length;
    double[][] out = new double[n][p];
    for (int i = 0; i < n; i++) {
      double[] o = out[i];
      for (int k = 0; k < m; k++) {
        double v = a[i][k];
        if (v == 0) continue;
        double[] bk = b[k];
        for (int j = 0; j < p; j++) o[j] += v * bk[j];
      }
    }
    return out;
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
    return t;
  }

  /** A float grid as doubles, checked: rectangular, at least 1x1, every value finite. */
  static double[][] checked(String name, float[][] x) {
    if (x.length == 0 || x[0].length == 0) throw new SpectrolensException(name, "empty matrix");
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != x[0].length) throw new SpectrolensException(name, "rows of unequal length");
      for (int j = 0; j < x[i].length; j++) {
        if (!Float.isFinite(x[i][j])) throw new SpectrolensException(name, "non-finite value at [" + i + "][" + j + "]");
        out[i][j] = x[i][j];
      }
    }
    return out;
  }

  /** Checks 1 <= k <= limit, naming the option. */
  static void checkComponents(int k, int limit, String what) {
    if (k < 1 || k > limit) {
      throw SpectrolensException.ofParameter("components", "must be in 1.." + limit + " (" + what + "), found " + k);
    }
  }
}

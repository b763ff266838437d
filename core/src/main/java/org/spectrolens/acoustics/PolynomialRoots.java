package org.spectrolens.acoustics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Complex roots of a real polynomial: eigenvalues of its companion matrix (commons-math3's
 * Hessenberg/Schur decomposition), each then polished by Newton's method on the original
 * polynomial, which restores the digits the eigenvalue route loses for clustered roots.
 */
final class PolynomialRoots {
  private static final int POLISH_ITERATIONS = 20;

  private PolynomialRoots() {}

  /**
   * Roots of z^m + c[1] z^(m-1) + ... + c[m] (c[0] is taken to be 1), as {re[], im[]}.
   *
   * @return null when the decomposition fails to converge
   */
  static double[][] monic(double[] c) {
    int m = c.length - 1;
    double[][] re = new double[2][m];
    if (m == 0) return re;
    double[][] companion = new double[m][m];
    for (int j = 0; j < m; j++) companion[0][j] = -c[j + 1] / c[0];
    for (int i = 1; i < m; i++) companion[i][i - 1] = 1.0;
    double[] r, im;
    try {
      EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(companion, false));
      r = eig.getRealEigenvalues();
      im = eig.getImagEigenvalues();
    } catch (RuntimeException notConverged) {
      return null;
    }
    for (int k = 0; k < m; k++) polish(c, r, im, k);
    re[0] = r;
    re[1] = im;
    return re;
  }

  /** Newton steps on p(z) = sum c[i] z^(m-i), kept only while |p| decreases. */
  private static void polish(double[] c, double[] re, double[] im, int k) {
    double zr = re[k], zi = im[k];
    double best = Double.POSITIVE_INFINITY;
    for (int it = 0; it < POLISH_ITERATIONS; it++) {
      // Horner for p and p' at z.
      double pr = c[0], pi = 0.0, dr = 0.0, di = 0.0;
      for (int i = 1; i < c.length; i++) {
        double ndr = dr * zr - di * zi + pr, ndi = dr * zi + di * zr + pi;
        dr = ndr;
        di = ndi;
        double npr = pr * zr - pi * zi + c[i], npi = pr * zi + pi * zr;
        pr = npr;
        pi = npi;
      }
      double size = Math.hypot(pr, pi);
      if (!(size < best)) break;
      best = size;
      re[k] = zr;
      im[k] = zi;
      if (size == 0.0) break;
      double den = dr * dr + di * di;
      if (den == 0.0) break;
      // z -= p / p'
      zr -= (pr * dr + pi * di) / den;
      zi -= (pi * dr - pr * di) / den;
    }
    // A real polynomial's roots come in conjugate pairs; keep real roots real.
    if (Math.abs(im[k]) < 1e-14 * Math.max(1.0, Math.abs(re[k]))) im[k] = 0.0;
  }
}

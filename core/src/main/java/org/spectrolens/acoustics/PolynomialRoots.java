package org.spectrolens.acoustics;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Complex roots of a real polynomial: all at once by the Aberth-Ehrlich iteration (cubically
 * convergent, about ten times faster than an eigen-decomposition at LPC orders), falling back to
 * the eigenvalues of the companion matrix (commons-math3's Hessenberg/Schur decomposition) when it
 * does not converge; each root is then polished by Newton's method on the polynomial.
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
    if (aberth(c, re[0], re[1])) {
      for (int k = 0; k < m; k++) polish(c, re[0], re[1], k);
      return re;
    }
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

  private static final int ABERTH_ITERATIONS = 200;

  /** Aberth-Ehrlich simultaneous iteration; true when every correction became negligible. */
  static boolean aberth(double[] c, double[] re, double[] im) {
    int m = c.length - 1;
    // Start on a circle of the roots' geometric-mean radius, off the real axis.
    double radius = Math.pow(Math.abs(c[m] / c[0]), 1.0 / m);
    if (!(radius > 1e-3) || !Double.isFinite(radius)) radius = 0.5;
    for (int k = 0; k < m; k++) {
      double angle = 2.0 * Math.PI * k / m + 0.4;
      re[k] = radius * Math.cos(angle);
      im[k] = radius * Math.sin(angle);
    }
    for (int it = 0; it < ABERTH_ITERATIONS; it++) {
      double largest = 0.0;
      for (int k = 0; k < m; k++) {
        double zr = re[k], zi = im[k];
        double pr = c[0], pi = 0.0, dr = 0.0, di = 0.0;
        for (int i = 1; i <= m; i++) {
          double ndr = dr * zr - di * zi + pr, ndi = dr * zi + di * zr + pi;
          dr = ndr;
          di = ndi;
          double npr = pr * zr - pi * zi + c[i], npi = pr * zi + pi * zr;
          pr = npr;
          pi = npi;
        }
        if (pr == 0.0 && pi == 0.0) continue; // exactly a root
        double den = dr * dr + di * di;
        if (den == 0.0) return false;
        // ratio = p / p'
        double qr = (pr * dr + pi * di) / den, qi = (pi * dr - pr * di) / den;
        // s = sum over j != k of 1 / (z_k - z_j)
        double sr = 0.0, si = 0.0;
        for (int j = 0; j < m; j++) {
          if (j == k) continue;
          double ar = zr - re[j], ai = zi - im[j];
          double d = ar * ar + ai * ai;
          if (d == 0.0) return false;
          sr += ar / d;
          si -= ai / d;
        }
        // w = ratio / (1 - ratio * s)
        double br = 1.0 - (qr * sr - qi * si), bi = -(qr * si + qi * sr);
        double bd = br * br + bi * bi;
        if (bd == 0.0) return false;
        double wr = (qr * br + qi * bi) / bd, wi = (qi * br - qr * bi) / bd;
        re[k] = zr - wr;
        im[k] = zi - wi;
        largest = Math.max(largest, Math.hypot(wr, wi) / Math.max(1e-300, Math.hypot(re[k], im[k])));
      }
      if (!Double.isFinite(largest)) return false;
      if (largest < 1e-13) return true;
    }
    return false;
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

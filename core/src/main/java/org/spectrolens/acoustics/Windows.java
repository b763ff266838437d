package org.spectrolens.acoustics;

/** The analysis windows of Praat's formant and pitch analyses (formulas from its manual). */
final class Windows {
  private Windows() {}

  /**
   * Praat's Gaussian: w_i = (exp(-48 (i - mid)^2 / (N + 1)^2) - e^-12) / (1 - e^-12), i = 1..N,
   * mid = (N + 1) / 2; it reaches zero at the ends and its effective length is half of N.
   */
  static double[] gaussian(int n) {
    double[] w = new double[n];
    double mid = 0.5 * (n + 1), edge = Math.exp(-12.0), denom = (n + 1.0) * (n + 1.0);
    for (int i = 1; i <= n; i++) {
      double d = i - mid;
      w[i - 1] = (Math.exp(-48.0 * d * d / denom) - edge) / (1.0 - edge);
    }
    return w;
  }

  /** Hanning as in Boersma (1993): w_i = 0.5 - 0.5 cos(2 pi i / (N + 1)), i = 1..N. */
  static double[] hanning(int n) {
    double[] w = new double[n];
    for (int i = 1; i <= n; i++) w[i - 1] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / (n + 1.0));
    return w;
  }
}

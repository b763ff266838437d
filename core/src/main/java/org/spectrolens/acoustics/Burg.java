package org.spectrolens.acoustics;

/**
 * Linear prediction by Burg's method (maximum-entropy; Burg 1967, Childers 1978): each stage picks
 * the reflection coefficient that minimises the sum of forward and backward prediction error
 * powers, so the resulting all-pole filter is always stable.
 */
final class Burg {
  private Burg() {}

  /**
   * Prediction polynomial coefficients a[0..order] with a[0] = 1, so that
   * e[n] = sum_k a[k] x[n - k] is the prediction error. Returns null when the signal has no
   * energy (nothing to model).
   *
   * @param x samples x[from .. from + length - 1]
   */
  static double[] coefficients(double[] x, int from, int length, int order) {
    if (length <= order) return null;
    double[] f = new double[length], b = new double[length];
    double energy = 0.0;
    for (int i = 0; i < length; i++) {
      f[i] = b[i] = x[from + i];
      energy += f[i] * f[i];
    }
    if (!(energy > 0.0)) return null;
    double[] a = new double[order + 1];
    a[0] = 1.0;
    for (int k = 1; k <= order; k++) {
      double num = 0.0, den = 0.0;
      for (int n = k; n < length; n++) {
        num += f[n] * b[n - 1];
        den += f[n] * f[n] + b[n - 1] * b[n - 1];
      }
      if (!(den > 0.0)) return null;
      double reflection = -2.0 * num / den;
      // Levinson-style update: a_new[i] = a[i] + reflection * a[k - i].
      for (int i = 1, j = k - 1; i <= j; i++, j--) {
        double ai = a[i], aj = a[j];
        a[i] = ai + reflection * aj;
        if (i != j) a[j] = aj + reflection * ai;
      }
      a[k] = reflection;
      // Error update, descending so b[n - 1] is still the previous stage's value.
      for (int n = length - 1; n >= k; n--) {
        double fn = f[n];
        f[n] = fn + reflection * b[n - 1];
        b[n] = b[n - 1] + reflection * fn;
      }
    }
    return a;
  }
}

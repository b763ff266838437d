package org.spectrolens.judge;

import java.util.Arrays;

/** Small statistics used by several metrics: NaN-ignoring means, AUC (correlations: core's {@link org.spectrolens.stats.Correlation}). */
public final class Stats {
  private Stats() {}

  /** The mean of the values that are not NaN; NaN when none is. */
  static double mean(double[] v) {
    double s = 0;
    int n = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        s += x;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** Trapezoidal area under {@code y(x)} divided by the span of x, so a constant curve c has area c. */
  static double auc(double[] x, double[] y) {
    double s = 0;
    for (int i = 1; i < x.length; i++) s += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    double span = x[x.length - 1] - x[0];
    return span == 0 ? y[0] : s / span;
  }

  static double[] toDouble(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i];
    return out;
  }

  static double[] copy(double[] v) {
    return Arrays.copyOf(v, v.length);
  }
}

package org.spectrolens.judge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Small statistics used by several metrics: NaN-ignoring means, rankings, correlations, AUC. */
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

  /** Indices from the smallest value to the largest (ties: lower index first). */
  static int[] ascending(double[] v) {
    return IntStream.range(0, v.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> v[i]).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
  }

  /** Pearson correlation; NaN when either side is constant. */
  public static double pearson(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }

  /** Ranks 1..n with ties given their average rank (scipy.stats.rankdata's 'average'). */
  static double[] ranks(double[] v) {
    int[] order = ascending(v);
    double[] r = new double[v.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) j++;
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) r[order[k]] = rank;
      i = j + 1;
    }
    return r;
  }

  /** Spearman rank correlation (Pearson of the average ranks, as scipy.stats.spearmanr). */
  static double spearman(double[] a, double[] b) {
    return pearson(ranks(a), ranks(b));
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

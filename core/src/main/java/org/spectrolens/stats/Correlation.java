package org.spectrolens.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Pearson's and Spearman's correlations, in the one arithmetic every metric, reading and study
 * uses: means as plain sums over n, then centred cross products, all in double. Both are NaN when
 * either side is constant (no variance to correlate), as scipy's {@code pearsonr} and
 * {@code spearmanr} return.
 */
public final class Correlation {
  private Correlation() {}

  /** Pearson's r of paired values; NaN when either side is constant or empty. */
  public static double pearson(double[] a, double[] b) {
    requirePairs(a.length, b.length);
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

  /** Pearson's r over the cells of two grids of one shape ([rows][columns], row-major pairing). */
  public static double pearson(float[][] a, float[][] b) {
    requirePairs(a.length, b.length);
    return pearson(flatten(a), flatten(b));
  }

  /**
   * Spearman's rho: Pearson's r of the ranks, ties given their average rank (scipy's {@code
   * spearmanr}); NaN with fewer than 2 pairs or a constant side.
   */
  public static double spearman(double[] a, double[] b) {
    requirePairs(a.length, b.length);
    return pearson(ranks(a), ranks(b));
  }

  /** Ranks 1..n, ties given their average rank (scipy.stats.rankdata's 'average'). */
  public static double[] ranks(double[] v) {
    int[] order = IntStream.range(0, v.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> v[i]).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
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

  private static double[] flatten(float[][] g) {
    int n = Arrays.stream(g).mapToInt(row -> row.length).sum();
    double[] out = new double[n];
    int q = 0;
    for (float[] row : g) for (float v : row) out[q++] = v;
    return out;
  }

  private static void requirePairs(int a, int b) {
    if (a != b) throw new IllegalArgumentException(a + " values on one side but " + b + " on the other");
  }
}

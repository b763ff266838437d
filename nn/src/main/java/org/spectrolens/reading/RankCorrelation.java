package org.spectrolens.reading;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Spearman's rank correlation with a permutation test, as scipy.stats.spearmanr and permutation_test compute them. */
public final class RankCorrelation {
  private RankCorrelation() {}

  /**
   * Spearman's rho: Pearson's correlation of the ranks, ties given their average rank (as
   * scipy's {@code spearmanr}). NaN with fewer than 2 pairs or a constant side.
   */
  public static double spearman(double[] x, double[] y) {
    if (x.length != y.length) throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
    if (x.length < 2) return Double.NaN;
    return pearson(ranks(x), ranks(y));
  }

  /**
   * Two-sided permutation p-value of rho: the share of {@code permutations} random re-pairings
   * (y shuffled, seeded) whose |rho| reaches the observed |rho|, counting the observed pairing
   * itself ((1 + hits) / (1 + permutations), never 0). NaN when rho is.
   */
  public static double permutationP(double[] x, double[] y, int permutations, long seed) {
    double observed = spearman(x, y);
    if (Double.isNaN(observed)) return Double.NaN;
    double[] rx = ranks(x), ry = ranks(y);
    SplittableRandom random = new SplittableRandom(seed);
    double[] shuffled = ry.clone();
    int hits = 0;
    for (int p = 0; p < permutations; p++) {
      for (int i = shuffled.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
      }
      if (Math.abs(pearson(rx, shuffled)) >= Math.abs(observed) - 1e-12) hits++;
    }
    return (1.0 + hits) / (1.0 + permutations);
  }

  /** Ranks 1..n, ties averaged. */
  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
      double rank = 0.5 * (i + j) + 1;
      for (int k = i; k <= j; k++) r[order[k]] = rank;
      i = j + 1;
    }
    return r;
  }

  private static double pearson(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0), mb = Arrays.stream(b).average().orElse(0);
    double sab = 0, saa = 0, sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }
}

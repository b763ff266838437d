package org.spectrolens.analyze;

import java.util.SplittableRandom;
import org.spectrolens.stats.Correlation;

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
    return Correlation.spearman(x, y);
  }

  /**
   * Two-sided permutation p-value of rho: the share of {@code permutations} random re-pairings
   * (y shuffled, seeded) whose |rho| reaches the observed |rho|, counting the observed pairing
   * itself ((1 + hits) / (1 + permutations), never 0). NaN when rho is.
   */
  public static double permutationP(double[] x, double[] y, int permutations, long seed) {
    double observed = spearman(x, y);
    if (Double.isNaN(observed)) return Double.NaN;
    double[] rx = Correlation.ranks(x), ry = Correlation.ranks(y);
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
      if (Math.abs(Correlation.pearson(rx, shuffled)) >= Math.abs(observed) - 1e-12) hits++;
    }
    return (1.0 + hits) / (1.0 + permutations);
  }
}

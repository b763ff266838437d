package org.spectrolens.judge.metric.localisation;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.LocalisationMetric;
import org.spectrolens.judge.Ties;
import java.util.Set;

/**
 * Relevance Rank Accuracy (Arras et al. 2022): with K the truth mask's size, the share of the
 * map's K highest cells that lie in the mask. Where cells tie at the K-th value, the expected share
 * over a uniform choice among them ({@link Ties#expectedHitsInTop}; Quantus takes them by position
 * through {@code np.argsort}, so the two agree wherever the K-th value is not tied). Chance:
 * K / (H*W). NaN for an empty mask. Higher is better.
 */
public final class RelevanceRank extends Described implements LocalisationMetric {
  public RelevanceRank() {
    super("relevance_rank", Category.LOCALISATION, Direction.HIGHER, Set.of(Need.TRUTH),
        "Share of the map's K top cells inside the truth mask of K cells (Arras 2022); chance = the truth's share.");
  }

  @Override
  public double[] perSample(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) {
      boolean[] t = j.truth(i);
      int k = 0;
      for (boolean b : t) if (b) k++;
      if (k == 0) {
        out[i] = Double.NaN;
        continue;
      }
      out[i] = Ties.expectedHitsInTop(j.map(i), t, k) / k;
    }
    return out;
  }

  @Override
  public double[] chance(Judged j) {
    return LocalisationMetric.truthShares(j);
  }
}

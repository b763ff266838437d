package org.spectrolens.judge.metric.localisation;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.LocalisationMetric;
import java.util.Set;

/**
 * Relevance Mass Accuracy (Arras et al. 2022): the share of the map's positive mass that lies in
 * the truth mask, {@code sum_{truth} a+ / sum a+}. Chance: the truth's share of the grid. NaN for
 * an empty mask or a map with no positive value. Higher is better.
 */
public final class RelevanceMass extends Described implements LocalisationMetric {
  public RelevanceMass() {
    super("relevance_mass", Category.LOCALISATION, Direction.HIGHER, Set.of(Need.TRUTH),
        "Share of the map's positive mass inside the truth mask (Arras 2022); chance = the truth's share of the grid.");
  }

  @Override
  public double[] perSample(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) {
      boolean[] t = j.truth(i);
      float[] a = j.map(i);
      double in = 0;
      double all = 0;
      int k = 0;
      for (int p = 0; p < a.length; p++) {
        double v = Math.max(0, a[p]);
        all += v;
        if (t[p]) {
          in += v;
          k++;
        }
      }
      out[i] = k == 0 || all == 0 ? Double.NaN : in / all;
    }
    return out;
  }

  @Override
  public double[] chance(Judged j) {
    return LocalisationMetric.truthShares(j);
  }
}

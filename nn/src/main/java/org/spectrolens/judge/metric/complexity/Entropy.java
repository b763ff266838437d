package org.spectrolens.judge.metric.complexity;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import java.util.Set;

/**
 * Complexity as entropy (Bhatt et al. 2020, Quantus's {@code Complexity}): the Shannon entropy
 * (natural log) of the fractional contributions {@code |a_i| / sum |a|}. 0 for a single non-zero
 * cell, {@code ln(H*W)} for a uniform map; NaN for an all-zero map. Lower is better.
 */
public final class Entropy extends Described implements MapMetric {
  public Entropy() {
    super("entropy", Category.COMPLEXITY, Direction.LOWER, Set.of(),
        "Shannon entropy (nats) of the map's normalised absolute values: 0 for one cell, ln(cells) when uniform (Bhatt 2020).");
  }

  @Override
  public double[] perSample(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = entropy(j.map(i));
    return out;
  }

  public static double entropy(float[] map) {
    double sum = 0;
    for (float v : map) sum += Math.abs(v);
    if (sum == 0) return Double.NaN;
    double h = 0;
    for (float v : map) {
      double p = Math.abs(v) / sum;
      if (p > 0) h -= p * Math.log(p);
    }
    return h;
  }
}

package org.spectrolens.judge.metric.complexity;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import java.util.Arrays;
import java.util.Set;

/**
 * Sparseness (Chalasani et al. 2020, Quantus's {@code Sparseness}): the Gini index of the map's
 * absolute values, {@code sum_i (2i - n - 1) a_(i) / (n sum a)} over the values sorted ascending
 * (i from 1). 0 for a uniform map, {@code 1 - 1/n} for a single non-zero cell; NaN for an all-zero
 * map. Higher is better (a few cells carry the relevance).
 */
public final class Sparseness extends Described implements MapMetric {
  public Sparseness() {
    super("sparseness", Category.COMPLEXITY, Direction.HIGHER, Set.of(),
        "Gini index of the map's absolute values: 0 uniform, near 1 when a few cells carry it all (Chalasani 2020).");
  }

  @Override
  public double[] perSample(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = gini(j.map(i));
    return out;
  }

  public static double gini(float[] map) {
    double[] a = new double[map.length];
    for (int i = 0; i < a.length; i++) a[i] = Math.abs(map[i]);
    Arrays.sort(a);
    int n = a.length;
    double num = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      num += (2.0 * (i + 1) - n - 1) * a[i];
      sum += a[i];
    }
    return sum == 0 ? Double.NaN : num / (n * sum);
  }

  @Override
  public String heading() {
    return "sparseness (Gini)";
  }
}

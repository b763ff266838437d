package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import java.util.Set;

/**
 * The mean of a map's top-50% values (the thesis's Table 3.1): how strongly the kept half of the
 * map weights the input in {@link AverageDrop} and kin. Descriptive: the thesis warns it does not
 * rank methods by itself. Maps in [0, 1].
 */
public final class MeanTop50Weight extends Described implements MapMetric {
  public MeanTop50Weight() {
    super("mean_top50_weight", Category.FAITHFULNESS, Direction.NEITHER, Set.of(),
        "Mean of the map's top-50% values, the weight of the explanation-map input (thesis Table 3.1).");
  }

  @Override
  public double[] perSample(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) {
      // the kept values do not depend on which of the tied cells are kept
      float[] v = j.map(i).clone();
      java.util.Arrays.sort(v);
      int keep = (v.length + 1) / 2;
      double s = 0;
      for (int k = v.length - keep; k < v.length; k++) s += v[k];
      out[i] = s / keep;
    }
    return out;
  }

  @Override
  public String heading() {
    return "mean top-50% weight";
  }
}

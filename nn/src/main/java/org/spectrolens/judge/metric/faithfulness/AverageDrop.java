package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.TopHalf;
import java.util.Set;

/**
 * Average Drop in % (thesis eq. 2.11, Chattopadhyay et al. 2018): {@code 100 * max(0, Y - O) / Y}
 * per sample, Y the target probability of the input, O that of the explanation-map input
 * ({@link TopHalf}). Lower is better.
 */
public final class AverageDrop extends Described implements MapMetric {
  public AverageDrop() {
    super("average_drop", Category.FAITHFULNESS, Direction.LOWER, Set.of(Need.MODEL),
        "Average Drop (%): 100 max(0, Y-O)/Y with O from the input masked by the map's top 50% (thesis eq. 2.11).");
  }

  @Override
  public double[] perSample(Judged j) {
    TopHalf t = TopHalf.of(j);
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = 100 * Math.max(0, t.original()[i] - t.explained()[i]) / t.original()[i];
    return out;
  }

  @Override
  public String heading() {
    return "Average Drop";
  }
}

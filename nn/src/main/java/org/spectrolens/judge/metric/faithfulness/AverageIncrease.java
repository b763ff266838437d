package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.TopHalf;
import java.util.Set;

/**
 * Average Increase in % (thesis eq. 2.12): the share of samples whose target probability rises
 * when the input is masked by the map's top 50% ({@code Y < O}). Higher is better.
 */
public final class AverageIncrease extends Described implements MapMetric {
  public AverageIncrease() {
    super("average_increase", Category.FAITHFULNESS, Direction.HIGHER, Set.of(Need.MODEL),
        "Average Increase (%): share of samples with Y < O, O from the input masked by the map's top 50% (thesis eq. 2.12).");
  }

  @Override
  public double[] perSample(Judged j) {
    TopHalf t = TopHalf.of(j);
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = t.original()[i] < t.explained()[i] ? 100 : 0;
    return out;
  }

  @Override
  public String heading() {
    return "Average Increase";
  }
}

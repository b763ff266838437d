package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.TopHalf;
import java.util.Set;

/**
 * Prediction change in % (thesis Table 3.2): the share of samples whose predicted class differs
 * between the input and the input masked by the map's top 50%. Lower is better.
 */
public final class PredictionChange extends Described implements MapMetric {
  public PredictionChange() {
    super("prediction_change", Category.FAITHFULNESS, Direction.LOWER, Set.of(Need.MODEL),
        "Prediction change (%): share of samples whose predicted class changes under the top-50% explanation-map input (thesis Table 3.2).");
  }

  @Override
  public double[] perSample(Judged j) {
    TopHalf t = TopHalf.of(j);
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = t.originalClass()[i] != t.explainedClass()[i] ? 100 : 0;
    return out;
  }

  @Override
  public String heading() {
    return "prediction change";
  }
}

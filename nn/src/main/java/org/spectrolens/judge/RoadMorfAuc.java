package org.spectrolens.judge;

import java.util.Set;

/** ROAD, most relevant units first: area under the kept-prediction curve. Lower is better. */
public final class RoadMorfAuc extends Described implements MapMetric {
  public RoadMorfAuc() {
    super("road_morf_auc", Category.FAITHFULNESS, Direction.LOWER, Set.of(Need.MODEL),
        "ROAD, most relevant first: share of predictions kept as 1..99% of units are noisily linearly imputed (Rong 2022).");
  }

  @Override
  public double[] perSample(Judged j) {
    Road r = Road.of(j, true);
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = r.auc(i);
    return out;
  }
}

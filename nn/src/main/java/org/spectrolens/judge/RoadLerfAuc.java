package org.spectrolens.judge;

import java.util.Set;

/** ROAD, least relevant units first: area under the kept-prediction curve. Higher is better. */
public final class RoadLerfAuc extends Described implements MapMetric {
  public RoadLerfAuc() {
    super("road_lerf_auc", Category.FAITHFULNESS, Direction.HIGHER, Set.of(Need.MODEL),
        "ROAD, least relevant first: share of predictions kept as 1..99% of units are noisily linearly imputed (Rong 2022).");
  }

  @Override
  public double[] perSample(Judged j) {
    Road r = Road.of(j, false);
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = r.auc(i);
    return out;
  }
}

package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.RoadArea;

/** ROAD, least relevant units first: area under the kept-prediction curve. Higher is better. */
public final class RoadLerfAuc extends RoadArea {
  public RoadLerfAuc() {
    super("road_lerf_auc", false,
        "ROAD, least relevant first: share of predictions kept as 1..99% of units are noisily linearly imputed (Rong 2022).");
  }
}

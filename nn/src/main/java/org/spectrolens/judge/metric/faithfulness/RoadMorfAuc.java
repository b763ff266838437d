package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.RoadArea;

/** ROAD, most relevant units first: area under the kept-prediction curve. Lower is better. */
public final class RoadMorfAuc extends RoadArea {
  public RoadMorfAuc() {
    super("road_morf_auc", true,
        "ROAD, most relevant first: share of predictions kept as 1..99% of units are noisily linearly imputed (Rong 2022).");
  }
}

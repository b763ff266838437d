package org.spectrolens.judge;

import java.util.Set;

/** The area under a ROAD curve ({@link Road}), most or least relevant units first. */
public abstract class RoadArea extends Described implements MapMetric {
  private final boolean mostRelevantFirst;

  protected RoadArea(String id, boolean mostRelevantFirst, String summary) {
    super(id, Category.FAITHFULNESS, mostRelevantFirst ? Direction.LOWER : Direction.HIGHER, Set.of(Need.MODEL), summary);
    this.mostRelevantFirst = mostRelevantFirst;
  }

  @Override
  public double[] perSample(Judged j) {
    Road r = Road.of(j, mostRelevantFirst);
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = r.auc(i);
    return out;
  }

  /** "ROAD MoRF AUC", "ROAD LeRF AUC". */
  @Override
  public String heading() {
    return "ROAD " + (mostRelevantFirst ? "MoRF" : "LeRF") + " AUC";
  }
}

package org.spectrolens.judge;

import java.util.Set;

/**
 * The area under a deletion or insertion curve of the target probability or of the accuracy
 * (the thesis's Tables 3.3 and 3.4): per sample the trapezoidal area over fractions 0 to 1, so
 * the batch mean equals the area under the mean curve. Deletion: lower is better; insertion:
 * higher is better.
 */
public abstract class CurveArea extends Described implements MapMetric {
  private final Curves.Kind kind;
  private final boolean accuracy;

  protected CurveArea(String id, Curves.Kind kind, boolean accuracy, String summary) {
    super(id, Category.FAITHFULNESS, kind == Curves.Kind.INSERTION ? Direction.HIGHER : Direction.LOWER, Set.of(Need.MODEL), summary);
    this.kind = kind;
    this.accuracy = accuracy;
  }

  @Override
  public double[] perSample(Judged j) {
    Curves c = Curves.of(j, kind);
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = accuracy ? c.accuracyAuc(i) : c.probabilityAuc(i);
    return out;
  }

  /** "deletion AUC (prob.)", "insertion AUC (acc.)". */
  @Override
  public String heading() {
    return (kind == Curves.Kind.INSERTION ? "insertion" : "deletion") + " AUC (" + (accuracy ? "acc." : "prob.") + ")";
  }
}

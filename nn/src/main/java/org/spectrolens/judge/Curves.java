package org.spectrolens.judge;

import org.spectrolens.explain.Baseline;
import org.spectrolens.nn.model.TrainedModel;

/**
 * Deletion and insertion curves (Petsiuk et al. 2018, RISE; the thesis's section 2.4.2): the
 * units are ranked by the map, most relevant first; at each fraction f of {@link
 * Judging#fractions()} the first {@code round(f * units)} are removed from the input (deletion:
 * set to the baseline) or are the only ones kept (insertion: everything else at the baseline),
 * masking as {@code x' = b + m (x - b)}. Each point records the target class's probability and
 * whether the prediction equals the true label, per sample.
 *
 * @param fractions the fractions of units removed (deletion) or inserted (insertion), 0 to 1
 * @param probability target-class probability per sample and fraction, [n][fractions]
 * @param correct 1 where the prediction equals the label, else 0, [n][fractions]
 */
public record Curves(Kind kind, double[] fractions, double[][] probability, double[][] correct) implements java.io.Serializable {

  /** Which curve. */
  public enum Kind {
    DELETION("deletion"), INSERTION("insertion");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** The curves of a batch's maps (computed once per map set). */
  public static Curves of(Judged j, Kind kind) {
    return j.memo("curves-" + kind.id(), () -> compute(j, kind));
  }

  private static Curves compute(Judged j, Kind kind) {
    double[] f = j.judging().fractions();
    int n = j.n();
    RemovalUnits units = j.units();
    int c = j.channels();
    int hw = j.height() * j.width();
    int size = c * hw;
    double[][] prob = new double[n][f.length];
    double[][] correct = new double[n][f.length];
    float[] batch = new float[f.length * size];
    for (int i = 0; i < n; i++) {
      float[] x = j.input(i);
      float[] b = j.baseline(i);
      int[] order = j.mostRelevantFirst(i);
      for (int k = 0; k < f.length; k++) {
        int count = (int) Math.round(f[k] * units.count());
        float[] m = units.maskOf(order, count);
        if (kind == Kind.DELETION) for (int p = 0; p < hw; p++) m[p] = 1 - m[p];
        Baseline.mask(x, b, m, c, hw, batch, k * size);
      }
      float[][] logits = j.forward(batch, f.length);
      for (int k = 0; k < f.length; k++) {
        prob[i][k] = TrainedModel.softmax(logits[k])[j.target(i)];
        correct[i][k] = TrainedModel.argmax(logits[k]) == j.label(i) ? 1 : 0;
      }
    }
    return new Curves(kind, f, prob, correct);
  }

  /** Area under one sample's probability curve (trapezoid, fractions 0 to 1). */
  public double probabilityAuc(int i) {
    return Stats.auc(fractions, probability[i]);
  }

  /** Area under one sample's correctness curve; its mean over samples is the area under the accuracy curve. */
  public double accuracyAuc(int i) {
    return Stats.auc(fractions, correct[i]);
  }

  /** The mean curve over the samples whose label is {@code label} (all samples when label is -1). */
  public double[] mean(double[][] perSample, Judged j, int label) {
    double[] out = new double[fractions.length];
    int count = 0;
    for (int i = 0; i < perSample.length; i++) {
      if (label >= 0 && j.label(i) != label) continue;
      for (int k = 0; k < out.length; k++) out[k] += perSample[i][k];
      count++;
    }
    for (int k = 0; k < out.length; k++) out[k] = count == 0 ? Double.NaN : out[k] / count;
    return out;
  }
}

package org.spectrolens.judge;

import java.util.SplittableRandom;

/**
 * ROAD (Rong et al. 2022, "Remove And Debias"), as Quantus's {@code ROAD}: for each percentage p
 * of 1, 3, ..., 99 the {@code floor(p U / 100)} most relevant units (MoRF) or least relevant units
 * (LeRF) of the U units (truncated, as Quantus counts) are replaced
 * by {@link NoisyLinearImputation}, and each point records whether the prediction still equals
 * the explained class. Departures from Quantus: units (grid cells, bands, frames) instead of
 * single pixels; the noise is {@link Judging#roadNoise} times each input's standard deviation
 * (Quantus: 0.01 absolute on images scaled to [0, 1]); the curve is summarised by its area over
 * the percentages (trapezoid, divided by the span 0.98), i.e. about its mean.
 *
 * @param fractions 0.01, 0.03, ..., 0.99
 * @param kept 1 where the prediction stayed the explained class, [n][fractions]
 */
public record Road(boolean mostRelevantFirst, double[] fractions, double[][] kept) {
  static final double[] FRACTIONS = percentages();

  private static double[] percentages() {
    double[] f = new double[50];
    for (int i = 0; i < f.length; i++) f[i] = (1 + 2 * i) / 100.0;
    return f;
  }

  public static Road of(Judged j, boolean mostRelevantFirst) {
    return j.memo(mostRelevantFirst ? "road-morf" : "road-lerf", () -> compute(j, mostRelevantFirst));
  }

  private static Road compute(Judged j, boolean morf) {
    RemovalUnits units = j.units();
    int c = j.channels();
    int h = j.height();
    int w = j.width();
    int size = c * h * w;
    double[][] kept = new double[j.n()][FRACTIONS.length];
    float[] batch = new float[FRACTIONS.length * size];
    for (int i = 0; i < j.n(); i++) {
      SplittableRandom rng = new SplittableRandom(j.judging().seed() * 1_000_003L + j.key(i));
      int[] order = j.mostRelevantFirst(i);
      if (!morf) order = reverse(order);
      float[] x = j.input(i);
      for (int k = 0; k < FRACTIONS.length; k++) {
        // floor(units * p / 100) in integers, as Quantus's int(a_size * p / 100)
        int count = (int) ((long) units.count() * (1 + 2 * k) / 100);
        float[] m = units.maskOf(order, count);
        boolean[] removed = new boolean[h * w];
        for (int p = 0; p < removed.length; p++) removed[p] = m[p] > 0;
        float[] xi = x.clone();
        NoisyLinearImputation.impute(xi, c, h, w, removed, j.judging().roadNoise(), rng);
        System.arraycopy(xi, 0, batch, k * size, size);
      }
      float[][] logits = j.forward(batch, FRACTIONS.length);
      for (int k = 0; k < FRACTIONS.length; k++) {
        kept[i][k] = org.spectrolens.nn.model.TrainedModel.argmax(logits[k]) == j.target(i) ? 1 : 0;
      }
    }
    return new Road(morf, FRACTIONS.clone(), kept);
  }

  /** Area under one sample's curve (trapezoid over the percentages, divided by their span). */
  public double auc(int i) {
    return Stats.auc(fractions, kept[i]);
  }

  private static int[] reverse(int[] v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[v.length - 1 - i];
    return out;
  }
}

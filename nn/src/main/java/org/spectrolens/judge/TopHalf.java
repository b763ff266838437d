package org.spectrolens.judge;

import org.spectrolens.explain.Baseline;
import org.spectrolens.nn.model.TrainedModel;

/**
 * The thesis's explanation-map input (section 3.3, after Chattopadhyay et al. [11]): the map
 * keeps the values of its top 50% cells ({@code ceil(H*W / 2)} cells; equal values at the boundary
 * taken in the order of the cells' content keys, never by position: {@link Ties}) and is 0 elsewhere; that map multiplies the input as a mask, {@code x' = b + m (x - b)}. Its
 * forward pass gives O (the target probability with the explanation map as input) beside Y (the
 * unperturbed input's). Maps are expected in [0, 1].
 *
 * @param mask the masks, [n][H*W]
 * @param meanWeight mean of the kept values per sample
 * @param original Y: target probability of the unperturbed input
 * @param explained O: target probability of the explanation-map input
 * @param originalClass predicted class of the unperturbed input
 * @param explainedClass predicted class of the explanation-map input
 */
public record TopHalf(float[][] mask, double[] meanWeight, double[] original, double[] explained, int[] originalClass, int[] explainedClass) {

  public static TopHalf of(Judged j) {
    return j.memo("top-half", () -> compute(j));
  }

  /** The top-half mask of one map; {@code keys} orders equal values ({@link Judged#cellKeys}). */
  static float[] mask(float[] map, long[] keys, long seed) {
    int[] order = Ties.descending(Stats.toDouble(map), keys, seed);
    int keep = (map.length + 1) / 2;
    float[] m = new float[map.length];
    for (int k = 0; k < keep; k++) m[order[k]] = map[order[k]];
    return m;
  }

  private static TopHalf compute(Judged j) {
    int n = j.n();
    int c = j.channels();
    int hw = j.height() * j.width();
    int size = c * hw;
    float[][] masks = new float[n][];
    double[] mean = new double[n];
    float[] batch = new float[n * size];
    for (int i = 0; i < n; i++) {
      masks[i] = mask(j.map(i), j.cellKeys(i), j.tieSeed(i));
      int keep = (hw + 1) / 2;
      double s = 0;
      for (float v : masks[i]) s += v;
      mean[i] = s / keep;
      Baseline.mask(j.input(i), j.baseline(i), masks[i], c, hw, batch, i * size);
    }
    float[][] logits = j.forward(batch, n);
    double[] y = new double[n];
    double[] o = new double[n];
    int[] yc = new int[n];
    int[] oc = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = j.probabilities(i)[j.target(i)];
      o[i] = TrainedModel.softmax(logits[i])[j.target(i)];
      yc[i] = TrainedModel.argmax(j.logits()[i]);
      oc[i] = TrainedModel.argmax(logits[i]);
    }
    return new TopHalf(masks, mean, y, o, yc, oc);
  }
}

package org.spectrolens.explain;

/**
 * The shared core of the CAM family: run the batch to the layer (with the target score's
 * gradients when the method needs them), let the method turn each sample's activations into a
 * raw map [h, w], then post-process onto the input grid.
 */
abstract class LayerMethod implements Method {
  /** Whether {@link #rawMap} reads gradients. */
  abstract boolean needsGradients();

  /** The raw map [h*w] of sample {@code i}. */
  abstract float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer);

  @Override
  public Explanation explain(Request r) {
    long t0 = System.nanoTime();
    String layer = r.resolvedLayer();
    int[] targets = r.resolvedTargets();
    Tap.Layer a = Tap.layer(r.network(), r.inputs(), r.n(), layer, targets, needsGradients());
    float[][] raw = new float[r.n()][];
    float[][] maps = new float[r.n()][];
    prepare(r, a, targets, layer);
    for (int i = 0; i < r.n(); i++) {
      raw[i] = rawMap(r, a, i, targets[i], layer);
      maps[i] = r.options().post().apply(raw[i], a.h(), a.w(), r.height(), r.width());
    }
    double s = (System.nanoTime() - t0) / 1e9;
    return new Explanation(id(), layer, targets, a.logits(), raw, a.h(), a.w(), maps, r.height(), r.width(), r.options().describe(id()), s);
  }

  /** Work shared by the whole batch before the per-sample maps (Faster Score-CAM's channel union). */
  void prepare(Request r, Tap.Layer a, int[] targets, String layer) {}

  /** {@code sum_k w[k] * A_i^k}. */
  static float[] weighted(Tap.Layer a, int i, double[] w) {
    int hw = a.plane();
    double[] m = new double[hw];
    int base = i * a.k() * hw;
    for (int k = 0; k < a.k(); k++) {
      double wk = w[k];
      if (wk == 0) continue;
      int o = base + k * hw;
      for (int p = 0; p < hw; p++) m[p] += wk * a.activations()[o + p];
    }
    return toFloat(m);
  }

  static float[] toFloat(double[] m) {
    float[] out = new float[m.length];
    for (int p = 0; p < m.length; p++) out[p] = (float) m[p];
    return out;
  }
}

package org.spectrolens.explain;

/**
 * The base of the CAM family: run the batch to the layer (with the target score's gradients when
 * the method needs them), let the method turn each input's activations into a raw map [h, w]
 * (the one hook, {@link #rawMap}), then post-process onto the input grid.
 */
public abstract class LayerMethod<P extends Record> extends MethodBase<P> {
  /** @see MethodBase#MethodBase(MethodDefinition, Record) */
  protected LayerMethod(MethodDefinition<P> definition, P params) {
    super(definition, params);
  }

  /** Whether {@link #rawMap} reads gradients. */
  protected abstract boolean needsGradients();

  /** The raw map [h*w] of input {@code i} from the layer's activations (and gradients). */
  protected abstract float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer);

  /** Work shared by the whole batch before the per-input maps (CAM's weight check, Faster Score-CAM's channel union). */
  protected void prepare(Request r, Tap.Layer a, String layer) {}

  @Override
  public Explanation explain(Request r) {
    long t0 = System.nanoTime();
    String layer = r.resolvedLayer();
    Tap.Layer a = Tap.layer(r.network(), r.inputs(), r.n(), layer, r.targets(), needsGradients());
    int[] targets = a.targets();
    float[][] raw = new float[r.n()][];
    float[][] maps = new float[r.n()][];
    prepare(r, a, layer);
    for (int i = 0; i < r.n(); i++) {
      raw[i] = rawMap(r, a, i, targets[i], layer);
      maps[i] = r.options().post().apply(raw[i], a.h(), a.w(), r.height(), r.width());
    }
    return new Explanation(id(), layer, targets, a.logits(), raw, a.h(), a.w(), maps, r.height(), r.width(),
        describe(r.options()), since(t0), r.axes());
  }

  /** {@code sum_k w[k] * A_i^k}. */
  protected static float[] weighted(Tap.Layer a, int i, double[] w) {
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

  protected static float[] toFloat(double[] m) {
    float[] out = new float[m.length];
    for (int p = 0; p < m.length; p++) out[p] = (float) m[p];
    return out;
  }
}

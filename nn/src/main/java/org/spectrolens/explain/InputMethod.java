package org.spectrolens.explain;

/**
 * The base of methods whose raw map lives on the input grid itself (gradients and perturbations):
 * the one hook {@link #rawMaps} returns the raw maps; post-processing is the shared one (ReLU and
 * min-max, no resize) unless the method overrides {@link #postProcess}.
 */
public abstract class InputMethod<P extends Record> extends MethodBase<P> {
  /** @see MethodBase#MethodBase(MethodDefinition, Record) */
  protected InputMethod(MethodDefinition<P> definition, P params) {
    super(definition, params);
  }

  /**
   * Raw maps of a batch.
   *
   * @param raw [n][H*W], signed
   * @param logits the network's logits for the unperturbed inputs
   * @param targets the class explained for each input
   */
  public record Maps(float[][] raw, float[][] logits, int[] targets) {}

  /** The raw maps of every input of the request (whose targets may be null: then the predicted classes). */
  protected abstract Maps rawMaps(Request r);

  @Override
  public Explanation explain(Request r) {
    long t0 = System.nanoTime();
    Maps m = rawMaps(r);
    float[][] maps = new float[r.n()][];
    for (int i = 0; i < r.n(); i++) maps[i] = postProcess(r.options(), m.raw()[i], r.height(), r.width(), r.height(), r.width());
    return new Explanation(id(), null, m.targets(), m.logits(), m.raw(), r.height(), r.width(), maps, r.height(), r.width(),
        describe(r.options()), since(t0), r.axes());
  }

  /**
   * The gradient map of each input, [n][H*W]: the largest {@code |g|} over channels, or, for a
   * complex STFT input (a raw-waveform model, {@link org.spectrolens.nn.model.Network#complexInput}),
   * the modulus of the gradient with respect to each cell, {@code sqrt(g_re^2 + g_im^2)}.
   */
  protected static float[][] gradientMaps(Request r, float[] g) {
    int hw = r.height() * r.width();
    if (!r.network().complexInput()) return maxAbsOverChannels(g, r.n(), r.channels(), hw);
    float[][] out = new float[r.n()][hw];
    for (int i = 0; i < r.n(); i++) {
      int o = i * 2 * hw;
      for (int p = 0; p < hw; p++) out[i][p] = (float) Math.hypot(g[o + p], g[o + hw + p]);
    }
    return out;
  }

  /** Max over channels of |g| for each input: [n][H*W]. */
  private static float[][] maxAbsOverChannels(float[] g, int n, int c, int hw) {
    float[][] out = new float[n][hw];
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        int o = (i * c + ch) * hw;
        for (int p = 0; p < hw; p++) out[i][p] = Math.max(out[i][p], Math.abs(g[o + p]));
      }
    }
    return out;
  }
}

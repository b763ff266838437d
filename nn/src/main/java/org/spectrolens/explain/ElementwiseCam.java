package org.spectrolens.explain;

/**
 * The CAM variants that weight every cell of every channel by a function of its own gradient:
 * the raw map of input i is {@code sum_k f(g_i^k) * A_i^k}, elementwise. A variant is its {@link
 * #gradientWeight f} and nothing else: HiResCAM (the identity) and Layer-CAM (relu).
 */
public abstract class ElementwiseCam<P extends Record> extends LayerMethod<P> {

  /**
   * @param definition the variant's definition (id, description, parameter record and defaults)
   * @param params the variant's parameters; null: the request profile's defaults
   */
  protected ElementwiseCam(MethodDefinition<P> definition, P params) {
    super(definition, params);
  }

  /** f(g): the weight of one activation from its gradient. */
  protected abstract double gradientWeight(double gradient);

  @Override
  protected final boolean needsGradients() {
    return true;
  }

  @Override
  protected final float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer) {
    int hw = a.plane();
    double[] m = new double[hw];
    for (int k = 0; k < a.k(); k++) {
      int o = (i * a.k() + k) * hw;
      for (int p = 0; p < hw; p++) m[p] += gradientWeight(a.gradients()[o + p]) * a.activations()[o + p];
    }
    return toFloat(m);
  }
}

package org.spectrolens.explain;

import org.spectrolens.params.ParameterRecords;

/**
 * Layer-CAM (Jiang et al. 2021): {@code sum_k relu(g^k) * A^k}, each position weighted by its own
 * positive gradient, which keeps the detail of earlier layers. The paper's tanh rescaling for
 * shallow layers is not applied (neither library applies it).
 */
public final class LayerCam extends LayerMethod<ParameterRecords.None> {
  public static final MethodDefinition<ParameterRecords.None> DEFINITION = MethodDefinition.of("layercam",
      "Layer-CAM: activations times positive gradients, elementwise", "1 forward + 1 backward", LayerCam::new);

  public LayerCam() {
    super(null);
  }

  @Override
  public MethodDefinition<?> definition() {
    return DEFINITION;
  }
  @Override
  protected boolean needsGradients() {
    return true;
  }

  @Override
  protected float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer) {
    return elementwise(a, i, true);
  }

  /** {@code sum_k f(g) * A}, f = relu or the identity. */
  static float[] elementwise(Tap.Layer a, int i, boolean reluGradient) {
    int hw = a.plane();
    double[] m = new double[hw];
    for (int k = 0; k < a.k(); k++) {
      int o = (i * a.k() + k) * hw;
      for (int p = 0; p < hw; p++) {
        double g = a.gradients()[o + p];
        if (reluGradient && g < 0) g = 0;
        m[p] += g * a.activations()[o + p];
      }
    }
    return toFloat(m);
  }
}

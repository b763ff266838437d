package org.spectrolens.explain.method;

import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.explain.WeightedCam;
import org.spectrolens.params.ParameterRecords;

/** XGrad-CAM (Fu et al. 2020): {@code w_k = sum_ij(g * A) / (sum_ij A + 1e-7)}, as pytorch-grad-cam. */
public final class XGradCam extends WeightedCam<ParameterRecords.None> {
  public static final MethodDefinition<ParameterRecords.None> DEFINITION = MethodDefinition.of("xgradcam",
      "XGrad-CAM: channels weighted by activation-weighted gradients", "1 forward + 1 backward", XGradCam::new);

  public XGradCam() {
    super(DEFINITION, true, null);
  }

  @Override
  protected double[] channelWeights(Request r, Tap.Layer a, int i, int target) {
    int hw = a.plane();
    double[] w = new double[a.k()];
    for (int k = 0; k < a.k(); k++) {
      int o = (i * a.k() + k) * hw;
      double ga = 0;
      double sa = 0;
      for (int p = 0; p < hw; p++) {
        ga += (double) a.gradients()[o + p] * a.activations()[o + p];
        sa += a.activations()[o + p];
      }
      w[k] = ga / (sa + 1e-7);
    }
    return w;
  }
}

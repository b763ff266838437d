package org.spectrolens.explain.method;

import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.explain.WeightedCam;
import org.spectrolens.params.ParameterRecords;

/** Grad-CAM (Selvaraju et al. 2017): {@code w_k = mean_ij g_ij^k}, map {@code sum_k w_k A^k}. */
public final class GradCam extends WeightedCam<ParameterRecords.None> {
  public static final MethodDefinition<ParameterRecords.None> DEFINITION = MethodDefinition.of("gradcam",
      "Grad-CAM: channels weighted by their mean gradient", "1 forward + 1 backward", GradCam::new);

  public GradCam() {
    super(DEFINITION, true, null);
  }

  @Override
  protected double[] channelWeights(Request r, Tap.Layer a, int i, int target) {
    int hw = a.plane();
    double[] w = new double[a.k()];
    for (int k = 0; k < a.k(); k++) {
      int o = (i * a.k() + k) * hw;
      double s = 0;
      for (int p = 0; p < hw; p++) s += a.gradients()[o + p];
      w[k] = s / hw;
    }
    return w;
  }
}

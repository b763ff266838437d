package org.spectrolens.explain;

/**
 * Grad-CAM++ (Chattopadhay et al. 2018), eq. 19 with the exponential output's derivatives
 * written through the logit's gradient g:
 * {@code alpha = g^2 / (2 g^2 + sum_ab(A^k) g^3)} (0 where g = 0) and
 * {@code w_k = sum_ij alpha * relu(g)}; the factor exp(S) of the paper only scales the map.
 * The alpha normalisation is {@link Options.Alpha}: none (paper, pytorch-grad-cam, which also adds
 * 1e-6 to the denominator; applied with {@code --compat pytorch-grad-cam}), per channel over all
 * positions (tf-keras-vis) or over the positions where relu(g) > 0 (the authors' code).
 */
public final class GradCamPlusPlus extends LayerMethod {
  @Override
  public String id() {
    return "gradcam++";
  }

  @Override
  boolean needsGradients() {
    return true;
  }

  @Override
  float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer) {
    Options.Alpha mode = r.options().alpha();
    double eps = r.options().compat() == Options.Compat.PYTORCH_GRAD_CAM ? 1e-6 : 0;
    int hw = a.plane();
    double[] w = new double[a.k()];
    double[] alpha = new double[hw];
    for (int k = 0; k < a.k(); k++) {
      int o = (i * a.k() + k) * hw;
      double sumA = 0;
      for (int p = 0; p < hw; p++) sumA += a.activations()[o + p];
      double sumAlpha = 0;
      double sumAlphaPositive = 0;
      for (int p = 0; p < hw; p++) {
        double g = a.gradients()[o + p];
        double g2 = g * g;
        double denom = 2 * g2 + sumA * g2 * g + eps;
        alpha[p] = g == 0 || denom == 0 ? 0 : g2 / denom;
        sumAlpha += alpha[p];
        if (g > 0) sumAlphaPositive += alpha[p];
      }
      double norm = switch (mode) {
        case UNNORMALISED -> 1;
        case NORMALISED -> sumAlpha == 0 ? 1 : sumAlpha;
        case THRESHOLDED -> sumAlphaPositive == 0 ? 1 : sumAlphaPositive;
      };
      double s = 0;
      for (int p = 0; p < hw; p++) s += alpha[p] / norm * Math.max(0, a.gradients()[o + p]);
      w[k] = s;
    }
    return weighted(a, i, w);
  }
}

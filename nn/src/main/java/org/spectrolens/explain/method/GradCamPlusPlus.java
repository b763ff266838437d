package org.spectrolens.explain.method;

import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.explain.WeightedCam;
import org.spectrolens.params.Param;

/**
 * Grad-CAM++ (Chattopadhay et al. 2018), eq. 19 with the exponential output's derivatives
 * written through the logit's gradient g:
 * {@code alpha = g^2 / (2 g^2 + sum_ab(A^k) g^3 + epsilon)} (0 where g = 0) and
 * {@code w_k = sum_ij alpha * relu(g)}; the factor exp(S) of the paper only scales the map.
 * The alpha normalisation is {@link Alpha}: none (paper, pytorch-grad-cam, which also adds
 * epsilon 1e-6 to the denominator), per channel over all positions (tf-keras-vis) or over the
 * positions where relu(g) > 0 (the authors' code). The maps differ in shape, not only scale.
 */
public final class GradCamPlusPlus extends WeightedCam<GradCamPlusPlus.Params> {
  /** Grad-CAM++'s alpha: as in the paper's eq. 19 and pytorch-grad-cam, or normalised per channel. */
  public enum Alpha {
    /** {@code g^2 / (2 g^2 + sum(A) g^3)}, 0 where g = 0 (paper eq. 19, pytorch-grad-cam). */
    UNNORMALISED,
    /** divided by its sum over all positions of the channel (tf-keras-vis). */
    NORMALISED,
    /** divided by its sum over the positions where relu(g) > 0 (the authors' code). */
    THRESHOLDED
  }

  /**
   * @param alpha the alpha normalisation
   * @param epsilon added to alpha's denominator (pytorch-grad-cam: 1e-6)
   */
  public record Params(@Param("alpha normalisation per channel") Alpha alpha,
      @Param(value = "added to alpha's denominator", min = 0) double epsilon) {}

  public static final MethodDefinition<Params> DEFINITION = MethodDefinition.of("gradcam++",
      "Grad-CAM++: channels weighted by positive gradients times second-order alphas", "1 forward + 1 backward",
      new Params(Alpha.UNNORMALISED, 0), new Params(Alpha.UNNORMALISED, 1e-6), new Params(Alpha.NORMALISED, 0),
      GradCamPlusPlus::new);

  /** @param params null: the request profile's */
  public GradCamPlusPlus(Params params) {
    super(DEFINITION, true, params);
  }

  public GradCamPlusPlus() {
    this(null);
  }

  @Override
  protected double[] channelWeights(Request r, Tap.Layer a, int i, int target) {
    Params q = params(r.options());
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
        double denom = 2 * g2 + sumA * g2 * g + q.epsilon();
        alpha[p] = g == 0 || denom == 0 ? 0 : g2 / denom;
        sumAlpha += alpha[p];
        if (g > 0) sumAlphaPositive += alpha[p];
      }
      double norm = switch (q.alpha()) {
        case UNNORMALISED -> 1;
        case NORMALISED -> sumAlpha == 0 ? 1 : sumAlpha;
        case THRESHOLDED -> sumAlphaPositive == 0 ? 1 : sumAlphaPositive;
      };
      double s = 0;
      for (int p = 0; p < hw; p++) s += alpha[p] / norm * Math.max(0, a.gradients()[o + p]);
      w[k] = s;
    }
    return w;
  }
}

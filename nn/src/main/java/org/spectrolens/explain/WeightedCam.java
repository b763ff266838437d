package org.spectrolens.explain;

/**
 * The CAM variants that weight whole channels, as pytorch-grad-cam's {@code BaseCAM}: the raw map of
 * input i is {@code sum_k w_k * A_i^k}, and a variant is its weighting ({@link #channelWeights})
 * and nothing else. CAM, Grad-CAM, XGrad-CAM and Grad-CAM++ are members.
 */
public abstract class WeightedCam<P extends Record> extends LayerMethod<P> {
  private final boolean gradients;

  /**
   * @param definition the variant's definition (id, description, parameter record and defaults)
   * @param gradients whether the weighting reads the layer's gradients (CAM's does not)
   * @param params the variant's parameters; null: the request profile's defaults
   */
  protected WeightedCam(MethodDefinition<P> definition, boolean gradients, P params) {
    super(definition, params);
    this.gradients = gradients;
  }

  @Override
  protected final boolean needsGradients() {
    return gradients;
  }

  /**
   * The weight of each of the layer's K channels for input {@code i} and class {@code target}.
   * Activations and gradients of input i, channel k, cell p are at {@code a.at(i, k, p)}.
   */
  protected abstract double[] channelWeights(Request r, Tap.Layer a, int i, int target);

  @Override
  protected final float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer) {
    return weighted(a, i, channelWeights(r, a, i, target));
  }
}

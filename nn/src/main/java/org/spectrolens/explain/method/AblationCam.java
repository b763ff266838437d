package org.spectrolens.explain.method;

import org.spectrolens.explain.LayerMethod;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.params.ParameterRecords;

/**
 * Ablation-CAM (Desai and Ramaswamy 2020): {@code w_k = (y_c - y_c^k) / y_c}, y_c the target logit
 * and y_c^k the logit with channel k of the layer ablated, map {@code sum_k w_k A^k}. Ablation
 * sets the channel to 0, or to {@code min(A) - 1e7} where the layer's minimum is not 0, as
 * pytorch-grad-cam does. The K ablated activations run through the rest of the network in
 * batches.
 */
public final class AblationCam extends LayerMethod<ParameterRecords.None> {
  public static final MethodDefinition<ParameterRecords.None> DEFINITION = MethodDefinition.of("ablationcam",
      "Ablation-CAM: the score drop when each channel is zeroed", "1 forward + K partial forwards", AblationCam::new);

  public AblationCam() {
    super(DEFINITION, null);
  }
  static final float ABLATION = 1e7f;

  @Override
  protected boolean needsGradients() {
    return false;
  }

  @Override
  protected float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer) {
    int k = a.k();
    int hw = a.plane();
    int size = k * hw;
    float min = Float.POSITIVE_INFINITY;
    for (int p = 0; p < size; p++) min = Math.min(min, a.activations()[i * size + p]);
    float value = min == 0 ? 0 : min - ABLATION;
    float[] batch = new float[k * size];
    for (int c = 0; c < k; c++) {
      System.arraycopy(a.activations(), i * size, batch, c * size, size);
      java.util.Arrays.fill(batch, c * size + c * hw, c * size + (c + 1) * hw, value);
    }
    float[][] logits = Tap.logitsFrom(r.network(), layer, batch, k, k, a.h(), a.w(), r.options().batchSize());
    double y = a.logits()[i][target];
    double[] w = new double[k];
    for (int c = 0; c < k; c++) w[c] = (y - logits[c][target]) / y;
    return weighted(a, i, w);
  }
}

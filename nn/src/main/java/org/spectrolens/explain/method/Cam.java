package org.spectrolens.explain.method;

import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.explain.WeightedCam;
import org.spectrolens.params.ParameterRecords;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.Stage;

/**
 * CAM (Zhou et al. 2016): the target class's weights of the final dense layer times the feature
 * maps, {@code M_c = sum_k W_ck A^k}. Defined only where the layer is followed by global average
 * pooling and one dense layer (a ResNet's {@code layer4}); anything else is a clear error
 * (Grad-CAM is the general form). The structure is checked, not assumed: exactly two stages
 * follow the layer, the first outputs the spatial mean of each channel, and the last has a
 * weight {@code <stage>.weight} of shape [classes, K] that reproduces the logits.
 */
public final class Cam extends WeightedCam<ParameterRecords.None> {
  public static final MethodDefinition<ParameterRecords.None> DEFINITION = MethodDefinition.of("cam",
      "CAM: channels weighted by the dense layer after global average pooling", "1 forward", Cam::new);

  public Cam() {
    super(DEFINITION, false, null);
  }

  private float[] weights;

  @Override
  protected void prepare(Request r, Tap.Layer a, String layer) {
    weights = denseWeights(r.network(), layer, a);
  }

  @Override
  protected double[] channelWeights(Request r, Tap.Layer a, int i, int target) {
    double[] w = new double[a.k()];
    for (int k = 0; k < a.k(); k++) w[k] = weights[target * a.k() + k];
    return w;
  }

  /** The dense layer's weights [classes * K], after checking that GAP + dense follow {@code layer}. */
  static float[] denseWeights(Network net, String layer, Tap.Layer a) {
    List<Stage> stages = net.stages();
    int at = net.indexOf(layer);
    String why = "cam needs the layer to be followed by global average pooling and one dense layer"
        + " (as a ResNet's layer4); " + net.architecture() + " has " + String.join(", ", net.stageNames().subList(at + 1, stages.size()))
        + " after " + layer + "; use gradcam";
    if (stages.size() - at - 1 != 2) throw new SpectrolensException(layer, why);
    String dense = stages.get(stages.size() - 1).name();
    NDArray wArr = net.tensors().get(dense + ".weight");
    int classes = net.numClasses();
    if (wArr == null || !wArr.getShape().equals(new ai.djl.ndarray.types.Shape(classes, a.k()))) {
      throw new SpectrolensException(layer, why);
    }
    float[] w = wArr.toFloatArray();
    NDArray bArr = net.tensors().get(dense + ".bias");
    float[] b = bArr == null ? new float[classes] : bArr.toFloatArray();
    // the logits must be W . mean(A) + b
    int hw = a.plane();
    for (int i = 0; i < a.n(); i++) {
      for (int c = 0; c < classes; c++) {
        double z = b[c];
        for (int k = 0; k < a.k(); k++) {
          double s = 0;
          int o = (i * a.k() + k) * hw;
          for (int p = 0; p < hw; p++) s += a.activations()[o + p];
          z += w[c * a.k() + k] * s / hw;
        }
        double got = a.logits()[i][c];
        if (Math.abs(z - got) > 1e-3 * Math.max(1, Math.abs(got))) throw new SpectrolensException(layer, why);
      }
    }
    return w;
  }
}

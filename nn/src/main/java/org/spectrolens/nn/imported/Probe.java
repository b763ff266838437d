package org.spectrolens.nn.imported;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainedModel;

/** The checks an import runs on the opened network before the folder is kept. */
final class Probe {
  private Probe() {}

  /**
   * Runs a batch of two copies of {@code clip}'s input: the network must take [2, C, H, W], return
   * [2, classes] without NaN, and (with a layer) give [2, K, h, w] activations at it. Returns the
   * first row of logits.
   */
  static float[] run(TrainedModel m, Path file, Clip clip, String layer) {
    Network net = m.network();
    int[] s = net.inputShape();
    int k = net.numClasses();
    float[] one = m.input(clip);
    float[] two = Arrays.copyOf(one, 2 * one.length);
    System.arraycopy(one, 0, two, one.length, one.length);
    try (NDManager tmp = net.manager().newSubManager()) {
      NDArray x = tmp.create(two, new Shape(2, s[0], s[1], s[2]));
      NDArray y;
      try {
        y = net.forward(x, false);
      } catch (SpectrolensException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new SpectrolensException(file.toString(), "rejects input of shape [2, " + s[0] + ", " + s[1] + ", " + s[2]
            + "] (the declared front end's): " + firstLine(e));
      }
      long[] shape = y.getShape().getShape();
      if (shape.length != 2 || shape[0] != 2) {
        throw new SpectrolensException(file.toString(), "returns shape " + y.getShape() + " for 2 inputs; expected [2, classes] logits");
      }
      if (shape[1] != k) {
        throw new SpectrolensException(file.toString(), "gives " + shape[1] + " outputs per input, but " + k + " classes were named");
      }
      float[] z = y.toFloatArray();
      for (float v : z) {
        if (!Float.isFinite(v)) throw new SpectrolensException(file.toString(), "outputs " + v + " on the probe input; refusing a model whose logits are not finite");
      }
      if (layer != null) {
        long[] a = net.forwardTo(x, layer, false).getShape().getShape();
        if (a.length != 4) {
          throw new SpectrolensException(file.toString(), "to_" + layer + " returns shape " + Arrays.toString(a)
              + "; a layer for CAM methods must give [N, K, h, w] activations");
        }
      }
      return Arrays.copyOf(z, k);
    }
  }

  /** The largest difference between the logits of {@code probe} and {@code expected}; above {@code tolerance} an error. */
  static ModelImport.Parity parity(TrainedModel m, Clip probe, float[] expected, double tolerance) {
    int k = m.network().numClasses();
    if (expected.length != k) {
      throw SpectrolensException.ofParameter("expect", "holds " + expected.length + " logits, the model has " + k + " classes");
    }
    float[] z = m.logits(m.input(probe), 1)[0];
    double worst = 0;
    for (int i = 0; i < k; i++) worst = Math.max(worst, Math.abs((double) z[i] - expected[i]));
    if (!(worst <= tolerance)) {
      throw SpectrolensException.ofParameter("expect", String.format(java.util.Locale.ROOT,
          "the logits of the probe through the declared front end differ by up to %.3g from the expected ones (tolerance %.3g): %s vs %s",
          worst, tolerance, Arrays.toString(z), Arrays.toString(expected)));
    }
    return new ModelImport.Parity(worst, tolerance);
  }

  static String firstLine(Throwable e) {
    String msg = String.valueOf(e.getMessage()).strip();
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl).strip();
  }
}

package org.spectrolens.nn.imported;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.nn.model.ImportedNetworks;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainedModel;

/** The checks an import runs on the opened network before the folder is kept. */
final class Probe {
  /** How far from_L(to_L(x)) may be from forward(x), relative to the logits' scale (at least 1). */
  static final double COMPOSE_TOLERANCE = 1e-4;

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
      ModelConfig.Waveform wave = m.config().imported().waveform();
      if (wave != null) reconstructs(net, x, clip, wave);
      NDArray y;
      try {
        y = net.forward(x, false);
      } catch (SpectrolensException e) {
        throw e;
      } catch (RuntimeException e) {
        String shape = wave == null ? "input of shape [2, " + s[0] + ", " + s[1] + ", " + s[2] + "] (the declared front end's)"
            : "a waveform of shape [2, " + (wave.channelAxis() ? "1, " : "") + wave.samples() + "] (the declared samples)";
        throw new SpectrolensException(file.toString(), "rejects " + shape + ": " + reason(e), e);
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
        composesToForward(file, m, x, z, layer);
      }
      return Arrays.copyOf(z, k);
    }
  }

  /**
   * With a layer exposed, every method runs {@code from_L(to_L(x))} in place of the module's
   * {@code forward}: the two must agree on the probe (within 1e-4 of the logits' scale), or
   * predictions and maps would describe another network than the one the user trained.
   */
  private static void composesToForward(Path file, TrainedModel m, NDArray x, float[] composed, String layer) {
    float[] whole;
    Network net = m.network();
    try (Network module = ImportedNetworks.open(file, ImportedNetworks.TORCHSCRIPT, net.inputShape(), net.numClasses(), null,
        m.config().imported().waveform(), m.config().dataset().spec())) {
      whole = module.forward(x, false).toFloatArray();
    }
    double worst = 0;
    double scale = 1;
    for (int i = 0; i < whole.length; i++) {
      worst = Math.max(worst, Math.abs((double) composed[i] - whole[i]));
      scale = Math.max(scale, Math.abs(whole[i]));
    }
    double tolerance = COMPOSE_TOLERANCE * scale;
    if (!(worst <= tolerance)) {
      throw new SpectrolensException(file.toString(), String.format(java.util.Locale.ROOT,
          "from_%s(to_%s(x)) differs from forward(x) by up to %.3g on the probe input (tolerance %.3g); the two methods"
              + " must compose to forward (docs/import.md)", layer, layer, worst, tolerance));
    }
  }

  /**
   * A raw-waveform network's first stage must give the probe's samples back from their STFT (the
   * inverse is exact wherever the squared windows overlap; this guards the declaration and the
   * stage together): within 1e-5 of the samples' scale.
   */
  private static void reconstructs(Network net, NDArray x, Clip clip, ModelConfig.Waveform wave) {
    float[] back = net.forwardTo(x, net.stageNames().get(0), false).toFloatArray();
    float[] want = clip.samples();
    double worst = 0;
    double scale = 1e-3;
    for (int i = 0; i < wave.samples(); i++) {
      double v = i < want.length ? want[i] : 0;
      worst = Math.max(worst, Math.abs(back[i] - v));
      scale = Math.max(scale, Math.abs(v));
    }
    if (!(worst <= 1e-5 * scale)) {
      throw SpectrolensException.ofParameter("spec", String.format(java.util.Locale.ROOT, "the inverse of the declared STFT differs from the"
          + " probe's waveform by up to %.3g; choose a window and hop whose frames overlap-add back to the signal", worst));
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

  /**
   * The line of a libtorch error that says what went wrong: TorchScript's interpreter opens with
   * "The following operation failed..." and a traceback, and ends with the Python-style
   * {@code RuntimeError: ...} line that names the shapes.
   */
  static String reason(Throwable e) {
    List<String> lines = String.valueOf(e.getMessage()).strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String l = lines.get(i);
      int colon = l.indexOf("Error: ");
      if (colon > 0 && l.substring(0, colon).matches("[A-Za-z.]*")) return l.substring(colon + "Error: ".length()).strip();
    }
    return lines.isEmpty() ? "" : lines.get(0);
  }

  static String firstLine(Throwable e) {
    String msg = String.valueOf(e.getMessage()).strip();
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl).strip();
  }
}

package org.spectrolens.nn.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import ai.djl.ndarray.NDManager;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.SpectrolensException;

/** Networks trained elsewhere, opened through the engine that runs their file (TorchScript or ONNX). */
public final class ImportedNetworks {
  /** The engines an imported model may name. */
  public static final List<String> ENGINES = List.of(TorchScriptNetwork.NAME, OnnxNetwork.NAME);
  /** The TorchScript engine's name. */
  public static final String TORCHSCRIPT = TorchScriptNetwork.NAME;

  private ImportedNetworks() {}

  /**
   * The network in {@code file}, run by {@code engine}.
   *
   * @param inputShape [C, H, W] of one input
   * @param layer the layer exposed for CAM methods (TorchScript only); null for none
   */
  public static Network open(Path file, String engine, int[] inputShape, int classes, String layer) {
    return open(file, engine, inputShape, classes, layer, null, null);
  }

  /**
   * The network in {@code file}; with {@code waveform}, a raw-waveform network seen through the
   * complex STFT of {@code spec}: its input is {@code inputShape} = [2, F, T] and its first stage the
   * inverse STFT ({@link InverseStft}) that gives the waveform the module takes.
   */
  public static Network open(Path file, String engine, int[] inputShape, int classes, String layer, ModelConfig.Waveform waveform,
      SpectrogramSpec spec) {
    Function<NDManager, Stage> front = waveform == null ? null
        : m -> InverseStft.stage(m, spec, inputShape[2], waveform.samples(), waveform.channelAxis());
    if (TorchScriptNetwork.NAME.equals(engine)) return TorchScriptNetwork.open(file, inputShape, classes, layer, front);
    if (OnnxNetwork.NAME.equals(engine)) {
      if (layer != null) {
        throw SpectrolensException.ofParameter("layer", "an ONNX model exposes no layer to spectrolens (ONNX Runtime runs the whole"
            + " graph); CAM methods need a TorchScript file");
      }
      return OnnxNetwork.open(file, inputShape, classes, front);
    }
    throw SpectrolensException.ofParameter("engine", "expected one of " + String.join(", ", ENGINES) + ", found '" + engine + "'");
  }

  /** The network of a model folder's config.json that records an import, after checking its file is the one imported. */
  static Network open(Path dir, ModelConfig config) {
    ModelConfig.Imported imp = config.imported();
    Path file = dir.resolve(config.weights());
    String sha = sha256(file);
    if (!sha.equals(imp.sha256())) {
      throw new SpectrolensException(file.toString(), "SHA-256 " + sha + " differs from the one recorded at import (" + imp.sha256()
          + "); import the file again");
    }
    return open(file, imp.engine(), config.inputShape(), config.classes().size(), imp.layer(), imp.waveform(),
        config.dataset() == null ? null : config.dataset().spec());
  }

  /** The SHA-256 of a file, lower-case hex. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot read: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

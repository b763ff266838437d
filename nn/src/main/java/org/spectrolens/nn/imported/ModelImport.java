package org.spectrolens.nn.imported;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.dataset.channels.ChannelStack;
import org.spectrolens.io.Json;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.nn.model.ImportedNetworks;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Turns a network trained elsewhere into a model folder every model command opens: the file
 * (copied in, its SHA-256 recorded), the declared front end as the model's dataset front end, and
 * a probe: the network runs on featurised noise and must take the declared input shape, give one
 * logit per class and no NaN. Nothing is written unless every check passes.
 *
 * @param file the TorchScript (.pt) or ONNX (.onnx) file
 * @param engine torchscript or onnx
 * @param frontEnd what the user's code did to audio before the network
 * @param inputChannels C of the network input (1, or 3 for a network that takes the grid repeated over 3 channels; a
 *     raw-waveform network's is 2, the complex STFT, whatever is given)
 * @param classes class names in the network's output order
 * @param layer the layer the module exposes for CAM methods (TorchScript); null for none
 */
public record ModelImport(Path file, String engine, DeclaredFrontEnd frontEnd, int inputChannels, List<String> classes, String layer) {
  /** The command name recorded in the folder's marker. */
  public static final String COMMAND = "import";

  /** What an import found. */
  public record Result(Path folder, String sha256, int[] inputShape, float[] probeLogits, Parity parity) {}

  /** What {@link #check} found: the largest difference between spectrolens's logits and the expected ones. */
  public record Parity(double maxAbsDifference, double tolerance) {}

  public ModelImport {
    if (!ImportedNetworks.ENGINES.contains(engine)) {
      throw SpectrolensException.ofParameter("engine", "expected one of " + String.join(", ", ImportedNetworks.ENGINES) + ", found '" + engine + "'");
    }
    if (classes == null || classes.size() < 2) throw SpectrolensException.ofParameter("classes", "needs at least two class names");
    if (classes.stream().anyMatch(c -> c == null || c.isBlank()) || new HashSet<>(classes).size() != classes.size()) {
      throw SpectrolensException.ofParameter("classes", "class names must be non-empty and distinct, found " + classes);
    }
    if (frontEnd.waveform() != null) inputChannels = 2; // the complex STFT, real and imaginary
    else if (inputChannels != 1 && inputChannels != 3) throw SpectrolensException.ofParameter("input_channels", "must be 1 or 3, found " + inputChannels);
    if (frontEnd.format().channelCount() > 1 && inputChannels != frontEnd.format().channelCount()) {
      throw SpectrolensException.ofParameter("input_channels", "must equal the front end's " + frontEnd.format().channelCount() + " channels");
    }
    double[] figures = frontEnd.normalization().channelMeans();
    if (figures != null && figures.length != inputChannels) {
      throw SpectrolensException.ofParameter("normalization", "has " + figures.length + " channel means and standard deviations for "
          + inputChannels + " input channels");
    }
    if (layer != null && layer.isBlank()) layer = null;
  }

  /**
   * Writes the model folder {@code out} (through {@link OutputFolder}: nothing is left behind when
   * a check fails). With {@code probe} and {@code expected}, also checks that the logits of that
   * recording through the declared front end are within {@code tolerance} of the expected ones.
   */
  public Result write(Path out, boolean force, Clip probe, float[] expected, double tolerance) {
    sniff();
    String sha = ImportedNetworks.sha256(file);
    String weights = engine.equals("onnx") ? "model.onnx" : "model.pt";
    try (OutputFolder folder = OutputFolder.create(out, COMMAND, force, file)) {
      Path dir = folder.dir();
      try {
        Files.copy(file, dir.resolve(weights));
      } catch (IOException e) {
        throw new SpectrolensException(file.toString(), "cannot copy: " + e.getMessage());
      }
      Json.write(dir.resolve(ModelConfig.FILE), config(sha, weights));
      float[] logits;
      Parity parity = null;
      try (TrainedModel m = TrainedModel.open(dir)) {
        logits = Probe.run(m, file, noise(), layer);
        if (probe != null) parity = Probe.parity(m, probe, expected, tolerance);
      } catch (SpectrolensException e) {
        // the engine read the copy in the unfinished folder; the user knows their own file
        if (e.subject() == null || !e.subject().startsWith(dir.toString())) throw e;
        throw new SpectrolensException(file.toString(), e.problem(), e);
      }
      folder.commit();
      return new Result(folder.target(), sha, config(sha, weights).inputShape(), logits, parity);
    }
  }

  private ModelConfig config(String sha, String weights) {
    InputFormat f = frontEnd.format();
    FrequencyAxis axis = new SpectrogramFeaturiser(f).featurise(noise()).frequencies();
    DatasetInfo ds = new DatasetInfo(DatasetInfo.FORMAT, "imported-" + sha.substring(0, 12), "imported", classes, f.spec(),
        f.cropMinHz(), f.cropMaxHz(), f.height(), f.width(), axis.scale().id(), axis.warpedStart(), axis.warpedStep(),
        "none", 0, 0, f.minClipSeconds(), f.filters(), f.channels(), f.fit());
    int[] shape = {inputChannels, f.height(), f.width()};
    return new ModelConfig(ModelConfig.FORMAT, engine, classes, shape, frontEnd.normalization(), ds, ds.id(), null, 0, null,
        weights, 0, 0, new ModelConfig.Imported(engine, file.toString(), sha, layer, frontEnd.waveform()));
  }

  /**
   * A second of seeded noise, long enough for the declared width's frames at least: the probe
   * input (its values do not matter, only that the network takes and answers it).
   */
  Clip noise() {
    SpectrogramSpec s = frontEnd.format().spec();
    int frames = frontEnd.format().width();
    long need = (long) (frames - 1) * s.hop() + (s.center() ? 1 : s.nFft());
    int n = (int) Math.max(s.sampleRate(), Math.max(need, Math.round(frontEnd.format().minClipSeconds() * s.sampleRate())));
    float[] x = new float[n];
    SplittableRandom r = new SplittableRandom(18);
    for (int i = 0; i < n; i++) x[i] = (float) (0.1 * r.nextGaussian());
    return new Clip(x, s.sampleRate());
  }

  /** Refuses, from its first bytes, a file that cannot be what the engine reads (TorchScript files are zip archives). */
  private void sniff() {
    byte[] head = new byte[4];
    int got;
    try (InputStream in = Files.newInputStream(file)) {
      got = in.readNBytes(head, 0, 4);
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot read: " + e.getMessage());
    }
    boolean zip = got == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    if (engine.equals("torchscript") && !zip) {
      throw new SpectrolensException(file.toString(), "not a TorchScript file (torch.jit.save writes a zip archive; this is not one)");
    }
    if (engine.equals("onnx") && zip) {
      throw new SpectrolensException(file.toString(), "not an ONNX file (this is a zip archive, as TorchScript files are; import it as torchscript)");
    }
  }
}

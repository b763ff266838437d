package org.spectrolens.explain;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * One input to explain: the exact tensor [C, H, W] the model sees, the spectrogram to draw under
 * the maps, and the input grid's axes.
 *
 * @param tensor the model input [C*H*W]
 * @param display the grid drawn under the maps (the dataset grid before normalisation for a WAV;
 *     channel 0 of the tensor for a .npy)
 * @param axes Hz of the rows; seconds of the columns when known
 * @param kind "wav" or "npy"
 */
public record ModelInput(float[] tensor, Spectrogram display, MapAxes axes, String kind) {

  /**
   * A WAV (or any file {@link AudioFile} reads), optionally the span [start, end) in seconds,
   * featurised through the model's training front end (the dataset builder's
   * {@link SpectrogramFeaturiser}) and normalised as in training.
   */
  public static ModelInput audio(TrainedModel model, Path file, double start, double end) {
    DatasetInfo info = model.config().dataset();
    if (info == null) throw new SpectrolensException(model.dir().toString(), "config.json has no dataset front end; give a .npy input instead");
    Clip clip = Double.isNaN(start) && Double.isNaN(end) ? AudioFile.read(file)
        : AudioFile.read(file, Double.isNaN(start) ? 0 : start, Double.isNaN(end) ? Double.POSITIVE_INFINITY : end);
    Spectrogram g = new SpectrogramFeaturiser(InputFormat.of(info), 0).featurise(clip);
    float[] x = model.input(g.values());
    return new ModelInput(x, g, new MapAxes(g.frequencies(), g.times()), "wav");
  }

  /**
   * A .npy float32 [C, H, W] model input (already normalised). Its columns' times are known only
   * when {@code timeStep} is positive (then column t is at {@code timeStart + t * timeStep}).
   */
  public static ModelInput tensor(TrainedModel model, Path file, double timeStart, double timeStep) {
    int[] s = model.config().inputShape();
    Npy.Array a = Npy.read(file);
    if (!Arrays.equals(a.shape(), s)) {
      throw new SpectrolensException(file.toString(), "shape " + Arrays.toString(a.shape()) + ", expected the model's input "
          + Arrays.toString(s) + " (a .npy input is the exact model input tensor [C,H,W])");
    }
    DatasetInfo info = model.config().dataset();
    FrequencyAxis f = info != null ? info.frequencyAxis() : FrequencyAxis.of(FrequencyScale.LINEAR, 0, 1, s[1]);
    TimeAxis t = timeStep > 0 ? TimeAxis.of(timeStart, timeStep, s[2]) : null;
    float[][] grid = new float[s[1]][s[2]];
    for (int y = 0; y < s[1]; y++) System.arraycopy(a.data(), y * s[2], grid[y], 0, s[2]);
    TimeAxis shown = t != null ? t : TimeAxis.of(0, 1, s[2]);
    Spectrogram display = new Spectrogram(grid, f, shown, info != null ? info.spec() : null);
    return new ModelInput(a.data(), display, new MapAxes(f, t), "npy");
  }

  /** By file name: .npy is a tensor, anything else audio. */
  public static ModelInput read(TrainedModel model, Path file, double start, double end, double timeStart, double timeStep) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".npy")) {
      if (!Double.isNaN(start) || !Double.isNaN(end)) throw new SpectrolensException(file.toString(), "--start/--end apply to audio inputs, not .npy tensors");
      return tensor(model, file, timeStart, timeStep);
    }
    return audio(model, file, start, end);
  }
}

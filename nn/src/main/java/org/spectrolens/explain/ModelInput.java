package org.spectrolens.explain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.AudioInfo;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.dataset.channels.ChannelSource;
import org.spectrolens.dataset.channels.ChannelStack;
import org.spectrolens.dataset.channels.InputChannels;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * One input as the model sees it, read from a file the same way by {@code predict} and
 * {@code explain}: the exact tensor [C, H, W], the grid to draw under maps, and the input grid's
 * axes.
 *
 * <ul>
 *   <li>Audio (WAV, FLAC, ...): optionally the span [start, end) in seconds, featurised through the
 *       model's training front end (the dataset builder's {@link SpectrogramFeaturiser}) and
 *       normalised as in training.
 *   <li>{@code .npy} [C, H, W]: the exact model input tensor (already normalised).
 *   <li>{@code .npy} [H, W]: a grid as in a dataset cache (normalised and repeated over channels,
 *       as the dataset's items are). For a model trained on input channels, the channels that the
 *       grid alone defines ({@code spectrogram}, {@code freq-position}) are rebuilt from it; one
 *       that needs the audio ({@code cqt}, {@code delta}, ...) is refused.
 * </ul>
 * Audio of a model trained on input channels ({@code dataset --channels}) gets the same channels,
 * computed as the dataset builder computed them.
 *
 * @param tensor the model input [C*H*W]
 * @param display the grid drawn under the maps (the featurised grid before normalisation: channel
 *     0 of the input channels; channel 0 of a [C,H,W] tensor)
 * @param axes Hz of the rows; seconds of the columns when known
 * @param kind "audio" or "npy"
 */
public record ModelInput(float[] tensor, Spectrogram display, MapAxes axes, String kind) {

  /** A span of audio: {@code start}/{@code end} in seconds, null meaning the file's start/end. */
  public record Span(Double start, Double end) {
    public static final Span WHOLE = new Span(null, null);

    public boolean whole() {
      return start == null && end == null;
    }
  }

  /** The time of column 0 and the step between columns of a .npy input (step 0: unknown). */
  public record Columns(double start, double step) {
    public static final Columns UNKNOWN = new Columns(0, 0);
  }

  /**
   * Audio featurised as the model's training data. The span must lie inside the file and be
   * longer than zero.
   */
  public static ModelInput audio(TrainedModel model, Path file, Span span) {
    DatasetInfo info = model.config().dataset();
    if (info == null) throw new SpectrolensException(model.dir().toString(), "config.json has no dataset front end to featurise audio with; give a .npy input instead");
    Clip clip;
    if (span.whole()) {
      clip = AudioFile.read(file);
    } else {
      AudioInfo a = AudioFile.probe(file);
      double start = span.start() == null ? 0 : span.start();
      double end = span.end() == null ? a.durationSeconds() : span.end();
      if (!(start >= 0)) throw new SpectrolensException("start", "must be 0 or more, got " + start);
      if (!(end <= a.durationSeconds() + 1e-9)) {
        throw new SpectrolensException(file.toString(), String.format(Locale.ROOT, "end %.3f s is past the end of the file (%.3f s)", end, a.durationSeconds()));
      }
      if (!(end > start)) throw new SpectrolensException(file.toString(), "end " + end + " s is not after start " + start + " s");
      clip = AudioFile.read(file, start, end);
    }
    ChannelStack stack = new SpectrogramFeaturiser(InputFormat.of(info), 0).featuriseChannels(clip);
    Spectrogram g = stack.grid().withValues(stack.channels()[0]);
    return new ModelInput(model.input(stack), g, new MapAxes(g.frequencies(), g.times()), "audio");
  }

  /** A .npy input [C, H, W] (the model tensor) or [H, W] (a dataset grid). */
  public static ModelInput npy(TrainedModel model, Path file, Columns columns) {
    int[] s = model.config().inputShape();
    Npy.Array a = Npy.read(file);
    for (int q = 0; q < a.data().length; q++) {
      if (!Float.isFinite(a.data()[q])) throw new SpectrolensException(file.toString(), "value " + a.data()[q] + " at flat index " + q + " is not finite");
    }
    float[] tensor;
    float[][] grid = new float[s[1]][s[2]];
    if (a.shape().length == 3) {
      if (!Arrays.equals(a.shape(), s)) {
        throw new SpectrolensException(file.toString(), "shape " + Arrays.toString(a.shape()) + ", the model needs " + Arrays.toString(s)
            + " (a [C,H,W] .npy is the exact model input)");
      }
      tensor = a.data();
      for (int y = 0; y < s[1]; y++) System.arraycopy(a.data(), y * s[2], grid[y], 0, s[2]);
    } else if (a.shape().length == 2) {
      if (a.shape()[0] != s[1] || a.shape()[1] != s[2]) {
        throw new SpectrolensException(file.toString(), "grid " + a.shape()[0] + "x" + a.shape()[1] + ", the model needs " + s[1] + "x" + s[2]);
      }
      grid = a.toMatrix();
      tensor = model.datasetChannels() > 1 ? channelsOfGrid(model, file, grid) : model.input(grid);
    } else {
      throw new SpectrolensException(file.toString(), "expected a [C,H,W] or [H,W] array, got " + a.shape().length + " dimensions");
    }
    DatasetInfo info = model.config().dataset();
    FrequencyAxis f = info != null ? info.frequencyAxis() : FrequencyAxis.of(FrequencyScale.LINEAR, 0, 1, s[1]);
    TimeAxis t = columns.step() > 0 ? TimeAxis.of(columns.start(), columns.step(), s[2]) : null;
    Spectrogram display = new Spectrogram(grid, f, t != null ? t : TimeAxis.of(0, 1, s[2]), info != null ? info.spec() : null);
    return new ModelInput(tensor, display, new MapAxes(f, t), "npy");
  }

  /** A model's input channels rebuilt from the [H, W] grid of its front end, where the grid alone defines them. */
  private static float[] channelsOfGrid(TrainedModel model, Path file, float[][] grid) {
    DatasetInfo info = model.config().dataset();
    String audio = InputChannels.needingAudio(info.channels());
    if (audio != null) {
      throw new SpectrolensException(file.toString(), "the model's channel " + audio + " needs the audio; give the audio file or the [C,H,W] model input");
    }
    if (!info.channels().contains(InputChannels.SPECTROGRAM)) {
      throw new SpectrolensException(file.toString(), "the model's channels " + info.channels() + " do not include the spectrogram an [H,W] grid holds; give the audio or the [C,H,W] model input");
    }
    Spectrogram g = new Spectrogram(grid, info.frequencyAxis(), TimeAxis.of(0, 1, grid[0].length), info.spec());
    return model.input(InputChannels.stack(info.channels(), ChannelSource.gridOnly(g)));
  }

  /** By file name: {@code .npy} is an array, anything else audio. A span applies to audio only. */
  public static ModelInput read(TrainedModel model, Path file, Span span, Columns columns) {
    if (!Files.isRegularFile(file)) throw new SpectrolensException(file.toString(), Files.isDirectory(file) ? "is a folder, not a file" : "no such file");
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
      if (!span.whole()) throw new SpectrolensException(file.toString(), "start/end apply to audio inputs, not .npy arrays");
      return npy(model, file, columns);
    }
    return audio(model, file, span);
  }
}

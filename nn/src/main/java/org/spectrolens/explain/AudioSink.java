package org.spectrolens.explain;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dsp.Stft;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * {@code explain --audio}: per explained input, {@code <dir>/<row>-<id>/} holds {@code input.wav}
 * (the sound explained, at the model's rate), and per method {@code <method>.masked.wav} (the
 * sound the map keeps) and {@code <method>.complement.wav} (the rest), 32-bit float WAV, made by
 * {@link MaskedAudio}: with the original phase for audio file inputs (the two add up to
 * {@code input.wav}), by Griffin-Lim from the grid for dataset items and .npy [H, W] grids (a
 * [C, H, W] .npy holds normalised values, not levels, and is refused).
 */
public final class AudioSink implements BatchExplainer.Sink {
  private final Path dir;
  private final InputSet set;
  private final SpectrogramSpec spec;
  private final Stft stft;

  /**
   * @param info the model's front end (its dataset.json)
   * @throws SpectrolensException ({@code --audio}) without a front end, or for MFCC inputs
   */
  public AudioSink(Path dir, InputSet set, DatasetInfo info) {
    if (info == null) throw SpectrolensException.ofParameter("audio", "the model records no front end (config.json has no dataset), so its grid has no sound");
    this.dir = dir;
    this.set = set;
    this.spec = info.spec();
    this.stft = MaskedAudio.stftOf(spec);
  }

  /** The folder of input {@code row}'s sounds. */
  public Path folder(int row) {
    return dir.resolve(row + "-" + set.item(row).id().replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  @Override
  public void accept(int from, Map<String, Explanation> byMethod) {
    int n = byMethod.values().iterator().next().n();
    for (int i = 0; i < n; i++) {
      int row = from + i;
      Clip clip = audioOf(row);
      Path out = folder(row);
      try {
        java.nio.file.Files.createDirectories(out);
      } catch (java.io.IOException ex) {
        throw new SpectrolensException(out.toString(), "cannot create: " + ex.getMessage());
      }
      boolean inputWritten = false;
      for (Explanation e : byMethod.values()) {
        MaskedAudio.Sounds s = clip != null ? MaskedAudio.fromAudio(clip, stft, e.map(i), set.axes(row))
            : MaskedAudio.fromGrid(set.display(row), spec, stft, e.map(i), set.axes(row));
        if (!inputWritten) {
          WavWriter.writeFloat32(out.resolve("input.wav"), s.input());
          inputWritten = true;
        }
        String stem = MapStack.fileStem(e.method());
        WavWriter.writeFloat32(out.resolve(stem + ".masked.wav"), s.masked());
        WavWriter.writeFloat32(out.resolve(stem + ".complement.wav"), s.complement());
      }
    }
  }

  /** The audio of a file input at the model's rate, cut as explained; null when only a grid is at hand. */
  private Clip audioOf(int row) {
    if (!(set instanceof FileInputs)) return null;
    InputSet.Item item = set.item(row);
    Path file = Path.of(item.source());
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
      if (org.spectrolens.io.Npy.read(file).shape().length == 3) {
        throw SpectrolensException.ofParameter("audio", file + " is a [C,H,W] model tensor (normalised values, not levels); give the audio, or a [H,W] grid");
      }
      return null;
    }
    Clip clip = Double.isNaN(item.start()) && Double.isNaN(item.end()) ? AudioFile.read(file)
        : AudioFile.read(file, Double.isNaN(item.start()) ? 0 : item.start(),
            Double.isNaN(item.end()) ? AudioFile.probe(file).durationSeconds() : item.end());
    return clip.sampleRate() == spec.sampleRate() ? clip : Resampler.resample(clip, spec.sampleRate());
  }
}

package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.explain.MapAxes;
import org.spectrolens.explain.MapStack;
import org.spectrolens.io.Npy;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramFiles;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * The inputs of the commands that work on spectrograms ({@code filter}, {@code match}): an audio
 * file through the front-end options (as {@code spectrogram} computes it), or an {@code .npy}
 * spectrogram with its {@code .axes.json}. An explanation map ({@code explain}'s stacked
 * {@code <method>.npy}) keeps the Hz and seconds its {@code explain.json} records; any other bare
 * {@code .npy} grid gets index axes: rows and columns numbered from 0, one unit apart.
 */
final class SpectrogramInputs {
  private SpectrogramInputs() {}

  static boolean isNpy(Path p) {
    return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
  }

  /** Whether {@code npy} has its axes file beside it. */
  static boolean hasAxes(Path npy) {
    return Files.isRegularFile(SpectrogramFiles.axesFile(npy));
  }

  /** An audio file's spectrogram under {@code frontEnd} at the file's rate (or --sr). */
  static Spectrogram ofAudio(Path in, FrontEndOptions frontEnd) {
    Clip clip = AudioFile.read(in);
    return ofClip(clip, frontEnd.toSpec(clip.sampleRate()));
  }

  /** A clip's spectrogram under {@code spec}, resampled to its rate first. */
  static Spectrogram ofClip(Clip clip, SpectrogramSpec spec) {
    try {
      spec.check();
    } catch (SpectrolensException e) {
      throw new SpectrolensException(clip.source(), e);
    }
    Clip atRate = clip.sampleRate() == spec.sampleRate() ? clip : Resampler.resample(clip, spec.sampleRate());
    return FrontEnd.compute(atRate, spec);
  }

  /** An audio file or a 2-D .npy spectrogram with axes. */
  static Spectrogram read(Path in, FrontEndOptions frontEnd) {
    return isNpy(in) ? SpectrogramFiles.read(in) : ofAudio(in, frontEnd);
  }

  /**
   * Map {@code item} of an [H,W] grid or an [N,H,W] stack: on the Hz and seconds of the explain
   * folder it lies in ({@code explain.json}, {@code items.csv}: an explanation map keeps its
   * axes), else with index axes. Refuses other shapes and non-finite values in one line.
   */
  static Spectrogram readMap(Path npy, int item) {
    Npy.Array a = MapStack.stack(npy); // a sharded explain folder's stack reads as its single file would
    int[] shape = a.shape();
    if (shape.length != 2 && shape.length != 3) {
      throw new SpectrolensException(npy.toString(), "expected an [H,W] or [N,H,W] array, found " + shape.length + " dimensions");
    }
    int n = shape.length == 3 ? shape[0] : 1;
    if (item < 0 || item >= n) throw new SpectrolensException("--item", "must be below the stack's " + n + " maps, found " + item);
    int h = shape[shape.length - 2];
    int w = shape[shape.length - 1];
    if (h < 1 || w < 1) throw new SpectrolensException(npy.toString(), "holds an empty grid " + h + "x" + w);
    float[][] g = new float[h][w];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        float v = a.data()[(item * h + r) * w + c];
        if (!Float.isFinite(v)) throw new SpectrolensException(npy.toString(), "value " + v + " at row " + r + ", column " + c + " is not finite");
        g[r][c] = v;
      }
    }
    return map(npy, g, item);
  }

  /** {@code values} as map {@code item} of {@code npy}: explain's axes where the folder has them, else index axes. */
  static Spectrogram map(Path npy, float[][] values, int item) {
    Path dir = npy.toAbsolutePath().getParent();
    MapAxes axes = dir == null ? null : MapStack.axes(dir, item, values[0].length);
    if (axes == null || axes.times() == null) return indexed(values);
    if (axes.frequencies().length() != values.length) axes = axes.resize(values.length, values[0].length);
    return new Spectrogram(values, axes.frequencies(), axes.times(), null);
  }

  /** A bare grid with index axes (row i at i, column j at j). */
  static Spectrogram indexed(float[][] values) {
    return new Spectrogram(values, FrequencyAxis.cepstral(values.length), TimeAxis.of(0, 1, values[0].length), null);
  }

  /** Refuses a missing input before any work ({@code <file>: no such file}); an explain folder's stack held in shards is there. */
  static void checkExists(Iterable<Path> inputs) {
    for (Path p : inputs) if (!MapStack.exists(p)) throw new SpectrolensException(p.toString(), "no such file");
  }
}

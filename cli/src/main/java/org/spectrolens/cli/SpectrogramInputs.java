package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramFiles;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * The inputs of the commands that work on spectrograms ({@code filter}, {@code match}): an audio
 * file through the front-end options (as {@code spectrogram} computes it), or an {@code .npy}
 * spectrogram with its {@code .axes.json}. A bare {@code .npy} grid (an explanation map) gets
 * index axes: rows and columns numbered from 0, one unit apart.
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
      throw new SpectrolensException(clip.source(), e.getMessage());
    }
    Clip atRate = clip.sampleRate() == spec.sampleRate() ? clip : Resampler.resample(clip, spec.sampleRate());
    return FrontEnd.compute(atRate, spec);
  }

  /** An audio file or a 2-D .npy spectrogram with axes. */
  static Spectrogram read(Path in, FrontEndOptions frontEnd) {
    return isNpy(in) ? SpectrogramFiles.read(in) : ofAudio(in, frontEnd);
  }

  /** A bare grid with index axes (row i at i, column j at j). */
  static Spectrogram indexed(float[][] values) {
    return new Spectrogram(values, FrequencyAxis.cepstral(values.length), TimeAxis.of(0, 1, values[0].length), null);
  }

  /** Refuses a missing input before any work ({@code <file>: no such file}). */
  static void checkExists(Iterable<Path> inputs) {
    for (Path p : inputs) if (!Files.exists(p)) throw new SpectrolensException(p.toString(), "no such file");
  }
}

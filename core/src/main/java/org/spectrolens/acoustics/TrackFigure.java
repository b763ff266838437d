package org.spectrolens.acoustics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.audio.Clip;
import org.spectrolens.render.SpectrogramImage;
import org.spectrolens.render.Track;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * A clip's spectrogram with its tracks drawn on it, as Praat shows them: formants over a
 * wideband spectrogram (5 ms Hann window, 2 ms step) from 0 Hz to the formant ceiling; F0 over a
 * narrowband one (40 ms window, 5 ms step) up to twice the pitch ceiling. dB, 70 dB range.
 */
public final class TrackFigure {
  /** Colours of F1..F5 (then repeating): red, orange, yellow, green, cyan. */
  private static final int[] COLOURS = {0xFF4136, 0xFF851B, 0xFFDC00, 0x2ECC40, 0x7FDBFF};

  private TrackFigure() {}

  /** Formant tracks of {@code clip} (times from its first sample) over its wideband spectrogram. */
  public static void formants(Clip clip, FormantTrack track, double ceilingHz, String title, Path png) {
    List<Track> lines = new ArrayList<>();
    double[] t = shifted(track.frameCount(), track::time, clip.offsetSeconds());
    for (int k = 1; k <= track.maxFormants(); k++) {
      double[] hz = new double[track.frameCount()];
      for (int i = 0; i < hz.length; i++) hz[i] = track.frequency(i, k);
      lines.add(Track.of("F" + k, t, hz).withColor(COLOURS[(k - 1) % COLOURS.length]));
    }
    draw(clip, 0.005, 0.002, Math.min(ceilingHz, clip.sampleRate() / 2.0), lines, title, png);
  }

  /** The F0 track of {@code clip} over its narrowband spectrogram. */
  public static void pitch(Clip clip, PitchTrack track, double ceilingHz, String title, Path png) {
    double[] t = shifted(track.frameCount(), track::time, clip.offsetSeconds());
    double[] hz = new double[track.frameCount()];
    for (int i = 0; i < hz.length; i++) hz[i] = track.f0(i);
    List<Track> lines = List.of(Track.of("F0", t, hz).withColor(0x7FDBFF));
    draw(clip, 0.04, 0.005, Math.min(2 * ceilingHz, clip.sampleRate() / 2.0), lines, title, png);
  }

  private static double[] shifted(int n, java.util.function.IntToDoubleFunction time, double offset) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) t[i] = time.applyAsDouble(i) + offset;
    return t;
  }

  private static void draw(Clip clip, double window, double step, double maxHz, List<Track> lines, String title, Path png) {
    int rate = clip.sampleRate();
    int win = Math.max(8, (int) Math.round(window * rate));
    int hop = Math.max(1, (int) Math.round(step * rate));
    int nFft = Integer.highestOneBit(Math.max(2 * win, (int) Math.ceil(rate / 20.0)) - 1) << 1; // bins <= 20 Hz apart
    SpectrogramSpec spec = new SpectrogramSpec(SpectrogramSpec.Kind.STFT, rate, nFft, win, hop,
        org.spectrolens.dsp.Window.HANN, true, SpectrogramSpec.PadMode.CONSTANT, 2.0, 128, 0, Double.NaN,
        org.spectrolens.dsp.MelScale.HTK, SpectrogramSpec.MelNorm.NONE, true, 1.0, 1e-10, 70.0, 40, 0, 12, 84);
    Spectrogram s = FrontEnd.compute(clip, spec).cropFrequency(0, maxHz);
    SpectrogramImage.defaults().withDynamicRange(70).withTitle(title).withTracks(lines).write(s, png);
  }
}

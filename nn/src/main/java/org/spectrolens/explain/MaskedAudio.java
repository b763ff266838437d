package org.spectrolens.explain;

import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.dsp.GriffinLim;
import org.spectrolens.dsp.Istft;
import org.spectrolens.dsp.Padding;
import org.spectrolens.dsp.Spectrum;
import org.spectrolens.dsp.Stft;
import org.spectrolens.dsp.Window;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * An explanation you can listen to: the sound kept by a map and the sound it leaves out. The map
 * (on the model's input grid, values in [0, 1]) is carried onto the bins of an STFT through its
 * axes: the gain of bin k (at {@code k sr / nFft} Hz) in frame t (centred at its time in s) is the
 * map bilinearly interpolated at the grid position of that frequency and time ({@link
 * org.spectrolens.spectrogram.FrequencyAxis#row}, {@link TimeAxis#column}; mel and log rows
 * included), clamped to the edge cells in time, and 0 for frequencies outside the grid's rows
 * (e.g. above a {@code --fmax} crop: the model never saw them, so they go to the complement).
 *
 * <ul>
 *   <li>{@link #fromAudio}: the original phase. {@code masked = ISTFT(M X)}, {@code complement =
 *       ISTFT((1 - M) X)} with X the clip's STFT, so the two add up to the clip (to float rounding).
 *   <li>{@link #fromGrid}: only a spectrogram at hand (a dataset item). Its values are taken back to
 *       linear magnitudes (undoing dB and the power), interpolated on the STFT bins as the map is
 *       (an approximation for mel grids, not a filter-bank inversion), masked, and each of the two
 *       magnitudes is given a phase by {@link GriffinLim} (32 iterations, momentum 0.99). The level
 *       of a grid is not that of a sound, so the pair (and the unmasked reconstruction) are scaled
 *       together to a peak of 0.9.
 * </ul>
 * The STFT is the model's front end's (n_fft, window length, hop, window, centring and padding at
 * its rate) for STFT and mel inputs, else (CQT) Hann 1024/256 at the spec's rate.
 */
public final class MaskedAudio {
  /** Peak of the Griffin-Lim outputs. */
  static final double PEAK = 0.9;

  /**
   * The input as heard, its part kept by the map and the rest.
   *
   * @param phase "original" or "griffin-lim"
   */
  public record Sounds(Clip input, Clip masked, Clip complement, String phase) {}

  private MaskedAudio() {}

  /** The STFT the sounds are made with, for a model's front end. */
  public static Stft stftOf(SpectrogramSpec spec) {
    if (spec.kind() == SpectrogramSpec.Kind.MFCC) {
      throw SpectrolensException.ofParameter("audio", "the model's inputs are MFCCs (rows are cepstral coefficients, not Hz): there is no time-frequency mask to listen to");
    }
    if (spec.kind() == SpectrogramSpec.Kind.CQT) return new Stft(1024, 1024, 256, Window.HANN, true, Padding.CONSTANT);
    return new Stft(spec.nFft(), spec.winLength(), spec.hop(), spec.window(), spec.center(),
        spec.padMode() == SpectrogramSpec.PadMode.REFLECT ? Padding.REFLECT : Padding.CONSTANT);
  }

  /**
   * The gain of every STFT bin [bin][frame]: {@code grid} (e.g. a map) read at each bin's
   * frequency and frame's time through {@code axes}; 0 outside the grid's frequency range.
   *
   * @param sampleRate the STFT's rate (bin k at k sr / nFft Hz)
   * @param frames the frames' centres in s
   */
  public static float[][] onBins(float[][] grid, MapAxes axes, int bins, int nFft, double sampleRate, TimeAxis frames) {
    if (axes.times() == null) throw SpectrolensException.ofParameter("audio", "the input has no time axis (for .npy inputs give `time_step`)");
    if (!axes.frequencies().scale().isFrequency()) throw SpectrolensException.ofParameter("audio", "the input's rows are not frequencies");
    int h = grid.length;
    int w = grid[0].length;
    float[][] out = new float[bins][frames.length()];
    double[] col = new double[frames.length()];
    for (int t = 0; t < col.length; t++) col[t] = Math.max(0, Math.min(w - 1, axes.times().column(frames.seconds(t))));
    for (int k = 0; k < bins; k++) {
      double r = axes.frequencies().row(k * sampleRate / nFft);
      if (!(r >= -0.5 && r <= h - 0.5)) continue; // outside the rows (NaN for 0 Hz on a log axis)
      r = Math.max(0, Math.min(h - 1, r));
      int r0 = (int) Math.floor(r);
      int r1 = Math.min(h - 1, r0 + 1);
      double fr = r - r0;
      for (int t = 0; t < col.length; t++) {
        int c0 = (int) Math.floor(col[t]);
        int c1 = Math.min(w - 1, c0 + 1);
        double fc = col[t] - c0;
        double top = grid[r0][c0] * (1 - fc) + grid[r0][c1] * fc;
        double bottom = grid[r1][c0] * (1 - fc) + grid[r1][c1] * fc;
        out[k][t] = (float) (top * (1 - fr) + bottom * fr);
      }
    }
    return out;
  }

  /**
   * With the original phase: {@code clip} (at the STFT's rate; its offset places it on the map's
   * time axis) split by {@code map} into what the map keeps and the rest; they sum to the clip.
   */
  public static Sounds fromAudio(Clip clip, Stft stft, float[][] map, MapAxes axes) {
    Spectrum x = stft.transform(clip.samples());
    TimeAxis frames = TimeAxis.frames(clip.sampleRate(), stft.hop(), stft.nFft(), stft.center(), x.frames(), clip.offsetSeconds());
    float[][] gain = clampUnit(onBins(map, axes, stft.bins(), stft.nFft(), clip.sampleRate(), frames));
    float[][] rest = new float[gain.length][gain[0].length];
    for (int k = 0; k < gain.length; k++) for (int t = 0; t < gain[k].length; t++) rest[k][t] = 1f - gain[k][t];
    Istft inverse = new Istft(stft);
    int n = clip.samples().length;
    return new Sounds(clip, like(clip, inverse.invert(x.times(gain), n)), like(clip, inverse.invert(x.times(rest), n)), "original");
  }

  /**
   * By Griffin-Lim from a spectrogram alone: {@code display} (the grid before normalisation, its
   * values as {@code spec} made them) and {@code map} on the same grid.
   */
  public static Sounds fromGrid(Spectrogram display, SpectrogramSpec spec, Stft stft, float[][] map, MapAxes axes) {
    TimeAxis times = axes.times();
    if (times == null) throw SpectrolensException.ofParameter("audio", "the input has no time axis (for .npy inputs give `time_step`)");
    int sr = spec.sampleRate();
    double start = times.seconds(-0.5);
    int n = Math.max(1, (int) Math.round((times.seconds(times.length() - 0.5) - start) * sr));
    int frameCount = stft.frames(n);
    TimeAxis frames = TimeAxis.frames(sr, stft.hop(), stft.nFft(), stft.center(), frameCount, start);
    float[][] level = onBins(display.values(), axes, stft.bins(), stft.nFft(), sr, frames);
    float[][] magnitude = new float[level.length][level[0].length];
    for (int k = 0; k < level.length; k++) {
      double r = axes.frequencies().row(k * (double) sr / stft.nFft());
      boolean inside = r >= -0.5 && r <= display.rows() - 0.5; // outside, level is 0, not a dB value
      for (int t = 0; t < level[k].length; t++) magnitude[k][t] = inside ? (float) linear(level[k][t], spec) : 0f;
    }
    float[][] gain = clampUnit(onBins(map, axes, stft.bins(), stft.nFft(), sr, frames));
    float[][] kept = new float[gain.length][gain[0].length];
    float[][] rest = new float[gain.length][gain[0].length];
    for (int k = 0; k < gain.length; k++) {
      for (int t = 0; t < gain[k].length; t++) {
        kept[k][t] = magnitude[k][t] * gain[k][t];
        rest[k][t] = magnitude[k][t] * (1 - gain[k][t]);
      }
    }
    GriffinLim gl = GriffinLim.defaults(stft);
    float[] whole = gl.reconstruct(magnitude, n).signal();
    float[] a = gl.reconstruct(kept, n).signal();
    float[] b = gl.reconstruct(rest, n).signal();
    double peak = Math.max(peak(whole), Math.max(peak(a), peak(b)));
    double scale = peak > 0 ? PEAK / peak : 1;
    String source = "spectrogram";
    return new Sounds(scaled(whole, scale, sr, source, start), scaled(a, scale, sr, source, start), scaled(b, scale, sr, source, start),
        "griffin-lim");
  }

  /** A grid value back to |X|: dB undone with the spec's ref and multiplier 20/power, then the power's root. */
  static double linear(double v, SpectrogramSpec spec) {
    double x = spec.db() ? spec.dbRef() * Math.pow(10.0, v / (20.0 / spec.power())) : Math.max(0, v);
    return Math.pow(x, 1.0 / spec.power());
  }

  private static float[][] clampUnit(float[][] g) {
    for (float[] row : g) for (int t = 0; t < row.length; t++) row[t] = Math.max(0f, Math.min(1f, row[t]));
    return g;
  }

  private static Clip like(Clip c, float[] samples) {
    return new Clip(samples, c.sampleRate(), c.source(), c.offsetSeconds());
  }

  private static double peak(float[] x) {
    double p = 0;
    for (float v : x) p = Math.max(p, Math.abs(v));
    return p;
  }

  private static Clip scaled(float[] x, double scale, int sr, String source, double offset) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) y[i] = (float) (x[i] * scale);
    return new Clip(y, sr, source, offset);
  }
}

package org.spectrolens.features;

import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.dsp.MelFilterBank;
import org.spectrolens.dsp.MelScale;
import org.spectrolens.dsp.Padding;
import org.spectrolens.dsp.Spectrum;
import org.spectrolens.dsp.Stft;
import org.spectrolens.dsp.Window;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * What features are computed from: a clip and its STFT, or STFT magnitudes alone (when only a
 * spectrogram is at hand; the features that need samples, zero-crossing rate, then refuse). The
 * STFT is librosa's by default: n_fft 2048, hop 512, periodic Hann of n_fft points, centred with
 * zero padding; bin k at {@code k * sr / nFft} Hz, frame t centred at {@code offset + t * hop / sr}
 * s. The clip keeps its own sample rate (librosa's {@code load} would resample to 22,050 Hz).
 * Computed grids are cached: an instance serves every feature of one clip, on one thread.
 */
public final class Analysis {
  /** librosa's {@code n_fft}. */
  public static final int N_FFT = 2048;
  /** librosa's {@code hop_length} (n_fft / 4). */
  public static final int HOP = 512;

  private final Clip clip;
  private final double sampleRate;
  private final int nFft;
  private final int hop;
  private final Stft stft;
  private final TimeAxis times;
  private Spectrum spectrum;
  private float[][] magnitude;
  private float[][] power;
  private float[][] melPower;

  private Analysis(Clip clip, double sampleRate, int nFft, int hop, Stft stft, float[][] magnitude, TimeAxis times) {
    this.clip = clip;
    this.sampleRate = sampleRate;
    this.nFft = nFft;
    this.hop = hop;
    this.stft = stft;
    this.magnitude = magnitude;
    this.times = times;
  }

  /** A clip with librosa's STFT (n_fft 2048, hop 512). */
  public static Analysis of(Clip clip) {
    return of(clip, N_FFT, HOP);
  }

  /**
   * A clip with an STFT of {@code nFft} points every {@code hop} samples (Hann, centred, zero
   * padding, as librosa).
   *
   * @throws SpectrolensException (the clip's source) for an empty clip
   */
  public static Analysis of(Clip clip, int nFft, int hop) {
    return of(clip, new Stft(nFft, nFft, hop, Window.HANN, true, Padding.CONSTANT));
  }

  /**
   * A clip with any STFT (e.g. torchaudio's reflect padding, for parity checks). Frame-based
   * features (zero-crossing rate, RMS from samples) frame the signal as librosa does whatever the
   * STFT's centring.
   */
  public static Analysis of(Clip clip, Stft stft) {
    if (clip.samples().length == 0) throw new SpectrolensException(clip.source(), "no samples (empty clip)");
    int frames = stft.frames(clip.samples().length);
    if (frames <= 0) {
      throw new SpectrolensException(clip.source(), clip.samples().length + " samples give no STFT frame of " + stft.nFft());
    }
    return new Analysis(clip, clip.sampleRate(), stft.nFft(), stft.hop(), stft, null,
        TimeAxis.frames(clip.sampleRate(), stft.hop(), stft.nFft(), stft.center(), frames, clip.offsetSeconds()));
  }

  /**
   * STFT magnitudes [bin][frame] of an {@code nFft}-point transform ({@code nFft/2 + 1} bins, row k
   * at {@code k * sampleRate / nFft} Hz), without samples.
   */
  public static Analysis ofMagnitude(float[][] magnitude, double sampleRate, int nFft, int hop, TimeAxis times) {
    if (magnitude.length != nFft / 2 + 1) {
      throw new IllegalArgumentException(magnitude.length + " rows, an " + nFft + "-point STFT has " + (nFft / 2 + 1));
    }
    if (magnitude[0].length != times.length()) {
      throw new IllegalArgumentException(magnitude[0].length + " frames but a time axis of " + times.length());
    }
    return new Analysis(null, sampleRate, nFft, hop, null, magnitude, times);
  }

  /** The clip (null for magnitudes alone). */
  public Clip clip() {
    return clip;
  }

  /** Where the features' numbers come from, for messages: the clip's source or "spectrogram". */
  public String source() {
    return clip != null ? clip.source() : "spectrogram";
  }

  /** The samples, or the one-line refusal naming {@code feature} when only magnitudes are at hand. */
  public float[] samples(String feature) {
    if (clip == null) throw new SpectrolensException(feature, "needs the audio samples, not a spectrogram");
    return clip.samples();
  }

  public double sampleRate() {
    return sampleRate;
  }

  public int nFft() {
    return nFft;
  }

  public int hop() {
    return hop;
  }

  /** The STFT frames' centres in seconds. */
  public TimeAxis times() {
    return times;
  }

  public int frames() {
    return times.length();
  }

  /** Hz of STFT bin k, {@code k * sr / nFft} (librosa's {@code fft_frequencies}). */
  public double binHz(int k) {
    return k * sampleRate / nFft;
  }

  /** The complex STFT (needs the clip). */
  public Spectrum spectrum() {
    if (spectrum == null) spectrum = stft(null).transform(samples("stft"));
    return spectrum;
  }

  /** The STFT analysis (null for magnitudes alone). */
  public Stft stft(String feature) {
    if (stft == null && feature != null) throw new SpectrolensException(feature, "needs the audio samples, not a spectrogram");
    return stft;
  }

  /** |STFT| [bin][frame]. Shared: do not modify. */
  public float[][] magnitude() {
    // straight from the (parallel, float) magnitude STFT unless the complex one is already there:
    // a long clip's complex spectrum in double takes four times the memory
    if (magnitude == null) magnitude = spectrum != null ? spectrum.magnitude() : stft("stft").spectrogram(samples("stft"), 1.0);
    return magnitude;
  }

  /** |STFT|^2 [bin][frame]. Shared: do not modify. */
  public float[][] power() {
    if (power == null) {
      float[][] m = magnitude();
      power = new float[m.length][m[0].length];
      for (int k = 0; k < m.length; k++) for (int t = 0; t < m[k].length; t++) power[k][t] = m[k][t] * m[k][t];
    }
    return power;
  }

  /**
   * librosa's {@code melspectrogram} of this STFT: 128 Slaney-scale bands from 0 Hz to sr/2 with
   * Slaney area normalisation, applied to |STFT|^2, [band][frame]. Shared: do not modify.
   */
  public float[][] melPower() {
    if (melPower == null) {
      melPower = new MelFilterBank(sampleRate, nFft, 128, 0.0, sampleRate / 2.0, MelScale.SLANEY, true).apply(power());
    }
    return melPower;
  }

  /** Column sums of a grid [row][frame], in double. */
  static double[] columnSums(float[][] s) {
    double[] out = new double[s[0].length];
    for (float[] row : s) for (int t = 0; t < row.length; t++) out[t] += row[t];
    return out;
  }
}

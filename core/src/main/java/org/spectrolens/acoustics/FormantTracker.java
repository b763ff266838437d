package org.spectrolens.acoustics;

import java.util.Arrays;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import org.spectrolens.audio.Clip;

/**
 * Formant tracking as Praat's "Sound: To Formant (burg)" documents it: resample to twice the
 * formant ceiling, pre-emphasise from 50 Hz, cut Gaussian-windowed frames (physically twice the
 * window length), fit an all-pole model of order 2 x formants by Burg's method, and read
 * formants from the angles and radii of the poles, keeping those between 50 Hz and the ceiling
 * minus 50 Hz. Immutable and thread-safe.
 */
public final class FormantTracker {
  /** Formants closer than this to 0 Hz or to the ceiling are dropped (Praat's safety margin). */
  static final double EDGE_MARGIN_HZ = 50.0;

  /** As {@link PitchTracker}'s: one range for a tracker's step. */
  @Param(value = "seconds between frames", min = 0.0001, max = 10)
  private final double step;
  private final double maxFormants;
  private final double ceilingHz;
  private final double windowLength;
  private final double preEmphasisFromHz;
  private final RateConverter rateConverter;

  /**
   * @param timeStep seconds between frames, in [0.0001, 10] (Praat's automatic one: a quarter of the window length)
   * @param maxFormants formants to look for, a multiple of 0.5 (LPC order = 2 x this)
   * @param ceilingHz formant ceiling; the analysis runs at a sample rate of twice this
   * @param windowLength effective window length in seconds (the Gaussian is twice as long)
   * @param preEmphasisFromHz +6 dB/octave above this frequency
   * @param rateConverter brings clips to 2 x ceiling: {@code SpectralResampler::resample} (as
   *     Praat), {@code org.spectrolens.audio.Resampler::resample}, or
   *     {@link RateConverter#requireRate()} to refuse other rates
   */
  public FormantTracker(double timeStep, double maxFormants, double ceilingHz, double windowLength,
      double preEmphasisFromHz, RateConverter rateConverter) {
    Params.check(FormantTracker.class, "step", timeStep);
    if (!(maxFormants >= 1) || Math.abs(2 * maxFormants - Math.rint(2 * maxFormants)) > 1e-9) {
      throw new SpectrolensException("max number of formants", "must be a multiple of 0.5 from 1, got " + maxFormants);
    }
    if (!(ceilingHz > 2 * EDGE_MARGIN_HZ)) throw new SpectrolensException("formant ceiling", "must exceed 100 Hz, got " + ceilingHz);
    if (!(windowLength > 0)) throw new SpectrolensException("window length", "must be positive, got " + windowLength);
    if (!(preEmphasisFromHz >= 0)) throw new SpectrolensException("pre-emphasis", "must be >= 0 Hz, got " + preEmphasisFromHz);
    this.step = timeStep;
    this.maxFormants = maxFormants;
    this.ceilingHz = ceilingHz;
    this.windowLength = windowLength;
    this.preEmphasisFromHz = preEmphasisFromHz;
    this.rateConverter = java.util.Objects.requireNonNull(rateConverter, "rateConverter");
  }

  /** Praat's defaults (auto step, 5 formants, 0.025 s, pre-emphasis from 50 Hz) at a ceiling. */
  public static FormantTracker praat(double ceilingHz, RateConverter rateConverter) {
    return new FormantTracker(0.25 * 0.025, 5.0, ceilingHz, 0.025, 50.0, rateConverter);
  }

  /** Praat's defaults at a ceiling, resampling as Praat does ({@link SpectralResampler}). */
  public static FormantTracker praat(double ceilingHz) {
    return praat(ceilingHz, SpectralResampler::resample);
  }

  public double ceilingHz() {
    return ceilingHz;
  }

  public double windowLength() {
    return windowLength;
  }

  /** The time step actually used: the given one, or a quarter of the window length. */
  public double effectiveTimeStep() {
    return step;
  }

  /** The sample rate the analysis runs at: twice the ceiling. */
  public int analysisRate() {
    return (int) Math.round(2.0 * ceilingHz);
  }

  /**
   * Refuses a clip whose Nyquist frequency lies below the ceiling: the band between holds nothing
   * to find (Praat would upsample silently and report formants of an empty band).
   *
   * @throws SpectrolensException naming the clip's source, e.g. for 8 kHz speech at the default ceiling
   */
  public void requireCeilingWithinBand(Clip clip) {
    double nyquist = clip.sampleRate() / 2.0;
    if (ceilingHz > nyquist + 1e-9) {
      throw new SpectrolensException(clip.source(), String.format(java.util.Locale.ROOT,
          "formant ceiling %.0f Hz is above the Nyquist frequency (%.0f Hz) of this %d Hz recording; use a ceiling of "
              + "at most %.0f Hz (for telephone speech 4000 Hz with 4 formants)", ceilingHz, nyquist, clip.sampleRate(), nyquist));
    }
  }

  /** Formants of the whole clip; frame times are seconds from the clip's first sample. */
  public FormantTrack track(Clip clip) {
    int rate = analysisRate();
    Clip sound = rateConverter.convert(clip, rate);
    if (sound.sampleRate() != rate) {
      throw new IllegalStateException("rate converter returned " + sound.sampleRate() + " Hz, not " + rate);
    }
    int slots = (int) Math.ceil(maxFormants);
    int order = (int) Math.rint(2 * maxFormants);
    double dt = effectiveTimeStep();
    double physical = 2.0 * windowLength;
    int half = (int) Math.floor(physical * rate / 2.0);
    AnalysisFrames frames = AnalysisFrames.centred(sound.samples().length, rate, physical, dt);
    if (half < order || frames.count() == 0) {
      throw new SpectrolensException(clip.source(), String.format(java.util.Locale.ROOT,
          "%.4f s is too short for formant analysis with a %.3f s window", clip.durationSeconds(), physical));
    }
    double[] x = preEmphasise(sound.samples(), rate);
    double[] window = org.spectrolens.dsp.Window.praatGaussian(2 * half);
    double[] frame = new double[2 * half];
    double[][] freqs = new double[frames.count()][slots];
    double[][] bands = new double[frames.count()][slots];
    for (int i = 0; i < frames.count(); i++) {
      Arrays.fill(freqs[i], Double.NaN);
      Arrays.fill(bands[i], Double.NaN);
      int start = AnalysisFrames.windowStart(frames.time(i), rate, half);
      boolean silent = true;
      for (int j = 0; j < frame.length; j++) {
        int s = start + j;
        double v = s >= 0 && s < x.length ? x[s] : 0.0;
        if (v != 0.0) silent = false;
        frame[j] = v * window[j];
      }
      if (silent) continue; // digital silence has no formants
      double[] lpc = Burg.coefficients(frame, 0, frame.length, order);
      if (lpc == null) continue;
      formantsFromPoles(lpc, rate, freqs[i], bands[i]);
    }
    return new FormantTrack(frames.times(), freqs, bands, slots);
  }

  /** y[i] = x[i] - exp(-2 pi F / rate) x[i - 1]: +6 dB/octave above F. */
  private double[] preEmphasise(float[] samples, int rate) {
    double[] x = new double[samples.length];
    double a = Math.exp(-2.0 * Math.PI * preEmphasisFromHz / rate);
    for (int i = x.length - 1; i >= 0; i--) x[i] = samples[i] - (i > 0 ? a * samples[i - 1] : 0.0);
    return x;
  }

  /**
   * Poles z of 1/A(z) give F = |arg z| rate / (2 pi) and B = -ln|z| rate / pi; poles outside the
   * unit circle are reflected inside (1 / conj z) first. Fills F1.. in ascending order.
   */
  private void formantsFromPoles(double[] lpc, int rate, double[] freqs, double[] bands) {
    double[][] roots = PolynomialRoots.monic(lpc);
    if (roots == null) return;
    double[] re = roots[0], im = roots[1];
    double[] f = new double[re.length], b = new double[re.length];
    int n = 0;
    for (int k = 0; k < re.length; k++) {
      if (im[k] < 0 || (im[k] == 0.0 && re[k] <= 0)) continue; // one of each conjugate pair
      double radius = Math.hypot(re[k], im[k]);
      if (radius > 1.0) radius = 1.0 / radius;
      double freq = Math.abs(Math.atan2(im[k], re[k])) * rate / (2.0 * Math.PI);
      if (freq < EDGE_MARGIN_HZ || freq > ceilingHz - EDGE_MARGIN_HZ) continue;
      f[n] = freq;
      b[n] = radius > 0 ? -Math.log(radius) * rate / Math.PI : Double.POSITIVE_INFINITY;
      n++;
    }
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) order[k] = k;
    Arrays.sort(order, (p, q) -> Double.compare(f[p], f[q]));
    for (int k = 0; k < n && k < freqs.length; k++) {
      freqs[k] = f[order[k]];
      bands[k] = b[order[k]];
    }
  }
}

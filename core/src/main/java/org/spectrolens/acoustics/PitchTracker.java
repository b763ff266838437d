package org.spectrolens.acoustics;

import org.jtransforms.fft.DoubleFFT_1D;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import org.spectrolens.audio.Clip;

/**
 * Pitch tracking by autocorrelation as in Boersma (1993) and Praat's "To Pitch (ac)": per frame,
 * the Hanning-windowed autocorrelation divided by the window's own autocorrelation, its peaks
 * refined by sinc interpolation as voiced candidates plus one unvoiced candidate, and a Viterbi
 * path through the candidates that weighs strength against octave jumps and voicing changes.
 * Immutable and thread-safe.
 */
public final class PitchTracker {
  private static final double PERIODS_PER_WINDOW = 3.0;

  /** The one range of a tracker's step: below 0.1 ms a frame rate of 10 kHz repeats the same windows, and the work grows without bound. */
  @Param(value = "seconds between frames", min = 0.0001, max = 10)
  private final double step;
  private final double floorHz;
  private final double ceilingHz;
  private final int maxCandidates;
  private final double silenceThreshold;
  private final double voicingThreshold;
  private final double octaveCost;
  private final double octaveJumpCost;
  private final double voicedUnvoicedCost;

  /**
   * @param timeStep seconds between frames, in [0.0001, 10] ({@link #autoStep}: Praat's 0.75 / floor, 0.01 s at 75 Hz)
   * @param floorHz lowest F0 sought; the window is 3 periods of it
   * @param ceilingHz highest F0 sought (clipped to the Nyquist frequency)
   * @param maxCandidates candidates per frame, the unvoiced one included
   * @param silenceThreshold frames whose peak is below this fraction of the global peak lean unvoiced
   * @param voicingThreshold autocorrelation strength needed to count as voiced
   * @param octaveCost per octave, favours higher candidates (undertones are as strong as F0)
   * @param octaveJumpCost per octave of F0 change between frames (at a 0.01 s step)
   * @param voicedUnvoicedCost per voicing change between frames (at a 0.01 s step)
   */
  public PitchTracker(double timeStep, double floorHz, double ceilingHz, int maxCandidates,
      double silenceThreshold, double voicingThreshold, double octaveCost, double octaveJumpCost,
      double voicedUnvoicedCost) {
    Params.check(PitchTracker.class, "step", timeStep);
    if (!(floorHz > 0)) throw new SpectrolensException("pitch floor", "must be positive, got " + floorHz);
    if (!(ceilingHz > floorHz)) throw new SpectrolensException("pitch ceiling", "must exceed the floor (" + floorHz + " Hz), got " + ceilingHz);
    if (maxCandidates < 2) throw new SpectrolensException("max number of candidates", "must be at least 2, got " + maxCandidates);
    this.step = timeStep;
    this.floorHz = floorHz;
    this.ceilingHz = ceilingHz;
    this.maxCandidates = Math.max(maxCandidates, (int) Math.floor(ceilingHz / floorHz));
    this.silenceThreshold = silenceThreshold;
    this.voicingThreshold = voicingThreshold;
    this.octaveCost = octaveCost;
    this.octaveJumpCost = octaveJumpCost;
    this.voicedUnvoicedCost = voicedUnvoicedCost;
  }

  /** Praat's defaults: 0.01 s, 75-600 Hz, 15 candidates, 0.03, 0.45, 0.01, 0.35, 0.14. */
  public static PitchTracker praat() {
    return praat(75.0, 600.0);
  }

  /** Praat's defaults with another floor and ceiling. */
  public static PitchTracker praat(double floorHz, double ceilingHz) {
    return praat(autoStep(floorHz), floorHz, ceilingHz);
  }

  /** Praat's automatic step: a quarter of the window (3 periods of the floor), 0.01 s at 75 Hz. */
  public static double autoStep(double floorHz) {
    return PERIODS_PER_WINDOW / floorHz / 4.0;
  }

  /** Praat's defaults with another time step (seconds, {@link #autoStep} for Praat's own), floor and ceiling. */
  public static PitchTracker praat(double timeStep, double floorHz, double ceilingHz) {
    return new PitchTracker(timeStep, floorHz, ceilingHz, 15, 0.03, 0.45, 0.01, 0.35, 0.14);
  }

  public double floorHz() {
    return floorHz;
  }

  public double ceilingHz() {
    return ceilingHz;
  }

  public double effectiveTimeStep() {
    return step;
  }

  /** The analysis window (3 periods of the floor) in seconds. */
  public double windowDuration() {
    return PERIODS_PER_WINDOW / floorHz;
  }

  /** F0 over the whole clip; frame times are seconds from the clip's first sample. */
  public PitchTrack track(Clip clip) {
    int rate = clip.sampleRate();
    float[] s = clip.samples();
    double dt = effectiveTimeStep();
    double ceiling = Math.min(ceilingHz, 0.5 * rate);
    AnalysisFrames frames = AnalysisFrames.centred(s.length, rate, windowDuration(), dt);
    int half = (int) Math.floor(windowDuration() * rate / 2.0);
    if (frames.count() == 0 || half < 4) {
      throw new SpectrolensException(clip.source(), String.format(java.util.Locale.ROOT,
          "%.4f s is too short for pitch analysis with a floor of %.0f Hz (needs %.3f s)",
          clip.durationSeconds(), floorHz, windowDuration()));
    }
    double[] x = new double[s.length];
    double mean = 0;
    for (int i = 0; i < s.length; i++) mean += x[i] = s[i];
    mean /= Math.max(1, s.length);
    double globalPeak = 0;
    for (double v : x) globalPeak = Math.max(globalPeak, Math.abs(v - mean));

    FrameAnalysis analysis = new FrameAnalysis(rate, half, ceiling);
    PitchCandidates[] candidates = new PitchCandidates[frames.count()];
    for (int i = 0; i < frames.count(); i++) {
      int start = AnalysisFrames.windowStart(frames.time(i), rate, half);
      candidates[i] = analysis.candidates(x, start, globalPeak);
    }
    double[] f0 = PitchPath.best(candidates, ceiling, octaveCost,
        octaveJumpCost * 0.01 / dt, voicedUnvoicedCost * 0.01 / dt);
    return new PitchTrack(frames.times(), f0);
  }

  /** Per-frame work with buffers reused across the frames of one track. */
  private final class FrameAnalysis {
    private final int rate;
    private final int n;
    private final int nfft;
    private final double[] window;
    private final double[] windowAc;
    private final double[] buffer;
    private final double[] r;
    private final int minLag;
    private final int maxLag;
    private final int halfPeakSpan;
    private final double ceiling;
    private final DoubleFFT_1D fft;

    FrameAnalysis(int rate, int half, double ceiling) {
      this.rate = rate;
      this.ceiling = ceiling;
      this.n = 2 * half;
      int size = 1;
      while (size < 1.5 * n) size *= 2; // zero padding by half a window: no circular wrap below n/2
      this.nfft = size;
      this.fft = new DoubleFFT_1D(nfft);
      this.window = org.spectrolens.dsp.Window.praatHanning(n);
      this.buffer = new double[nfft];
      this.r = new double[n / 2 + 1];
      this.minLag = Math.max(2, (int) Math.floor(rate / ceiling));
      this.maxLag = Math.min(r.length - 2, (int) Math.floor(n / PERIODS_PER_WINDOW) + 2);
      this.halfPeakSpan = (int) Math.round(0.5 * rate / floorHz);
      // The window's own autocorrelation, normalised to 1 at lag 0.
      System.arraycopy(window, 0, buffer, 0, n);
      autocorrelate();
      this.windowAc = new double[r.length];
      for (int k = 0; k < r.length; k++) windowAc[k] = buffer[k] / buffer[0];
    }

    /** In place: buffer[0..nfft) (zero-padded signal) becomes its autocorrelation. */
    private void autocorrelate() {
      fft.realForward(buffer);
      buffer[0] *= buffer[0];
      buffer[1] *= buffer[1];
      for (int k = 2; k < nfft; k += 2) {
        buffer[k] = buffer[k] * buffer[k] + buffer[k + 1] * buffer[k + 1];
        buffer[k + 1] = 0.0;
      }
      fft.realInverse(buffer, false);
    }

    PitchCandidates candidates(double[] x, int start, double globalPeak) {
      double localMean = 0;
      for (int j = 0; j < n; j++) localMean += sample(x, start + j);
      localMean /= n;
      // Local peak within half the longest period either side of the frame centre.
      double localPeak = 0;
      for (int j = Math.max(0, n / 2 - halfPeakSpan); j < Math.min(n, n / 2 + halfPeakSpan); j++) {
        localPeak = Math.max(localPeak, Math.abs(sample(x, start + j) - localMean));
      }
      double unvoiced = globalPeak > 0
          ? voicingThreshold + Math.max(0.0, 2.0 - (localPeak / globalPeak) / (silenceThreshold / (1.0 + voicingThreshold)))
          : voicingThreshold + 2.0;
      PitchCandidates c = new PitchCandidates(maxCandidates, unvoiced);
      if (localPeak == 0.0) return c;

      java.util.Arrays.fill(buffer, 0.0);
      for (int j = 0; j < n; j++) buffer[j] = (sample(x, start + j) - localMean) * window[j];
      autocorrelate();
      if (!(buffer[0] > 0.0)) return c;
      for (int k = 0; k < r.length; k++) r[k] = buffer[k] / buffer[0] / windowAc[k];

      for (int k = minLag; k <= maxLag; k++) {
        if (r[k] > 0.5 * voicingThreshold && r[k] > r[k - 1] && r[k] >= r[k + 1]) {
          // Parabolic estimate first; it ranks the peaks before the costlier sinc refinement.
          double dr = 0.5 * (r[k + 1] - r[k - 1]), d2r = 2.0 * r[k] - r[k - 1] - r[k + 1];
          double lag = k + (d2r > 0 ? dr / d2r : 0.0);
          double strength = r[k] + (d2r > 0 ? 0.5 * dr * dr / d2r : 0.0);
          c.offer(rate / lag, strength, k, octaveCost, ceiling);
        }
      }
      c.refine(r, rate, ceiling);
      return c;
    }

    private double sample(double[] x, int i) {
      return i >= 0 && i < x.length ? x[i] : 0.0;
    }
  }

  @Override
  public String toString() {
    return "PitchTracker[floor=" + floorHz + " Hz, ceiling=" + ceilingHz + " Hz, step=" + effectiveTimeStep() + " s]";
  }
}

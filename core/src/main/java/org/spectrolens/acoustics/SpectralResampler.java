package org.spectrolens.acoustics;

import org.jtransforms.fft.DoubleFFT_1D;
import org.spectrolens.audio.Clip;

/**
 * Resampling as Praat's "Sound: Resample..." documents it: when the rate goes down, a low-pass
 * in the frequency domain first (FFT of the zero-padded clip, nothing kept from the new Nyquist
 * frequency up), then band-limited (sinc) interpolation from the nearest 50 samples on each side.
 * Formant analysis at twice the ceiling is sensitive to the top of the band, so a Praat-like
 * brick-wall filter keeps our formants closest to Praat's (see PraatComparisonTest). Sample i is
 * taken to be centred at (i + 0.5) / rate in both clips, as in Praat; the output has
 * round(n x target / source) samples.
 */
public final class SpectralResampler {
  /** Interpolation neighbours on each side (Praat's default precision). */
  static final int DEPTH = 50;
  /** Zeros after the clip, in samples, so the circular low-pass does not wrap its tail. */
  private static final int PADDING = 1000;

  private SpectralResampler() {}

  public static Clip resample(Clip clip, int targetRate) {
    if (targetRate <= 0) throw new IllegalArgumentException("target rate must be positive: " + targetRate);
    int source = clip.sampleRate();
    if (source == targetRate) return clip;
    float[] samples = clip.samples();
    int outLength = (int) Math.round(samples.length * (double) targetRate / source);
    double[] x = new double[samples.length];
    for (int i = 0; i < x.length; i++) x[i] = samples[i];
    if (targetRate < source && x.length > 0) x = lowPass(x, 0.5 * targetRate / source);
    float[] y = new float[outLength];
    double ratio = (double) source / targetRate;
    for (int i = 0; i < outLength; i++) y[i] = (float) interpolate(x, (i + 0.5) * ratio - 0.5);
    return new Clip(y, targetRate, clip.source(), clip.offsetSeconds());
  }

  /** Zeroes every component at or above {@code cutoff} cycles per sample. */
  private static double[] lowPass(double[] x, double cutoff) {
    int n = 1;
    while (n < x.length + PADDING) n *= 2;
    double[] buf = new double[n];
    System.arraycopy(x, 0, buf, 0, x.length);
    DoubleFFT_1D fft = new DoubleFFT_1D(n);
    fft.realForward(buf); // buf[2k], buf[2k+1] = bin k (0 < k < n/2); buf[1] = bin n/2
    int first = (int) Math.ceil(cutoff * n);
    for (int k = Math.max(1, first); k < n / 2; k++) buf[2 * k] = buf[2 * k + 1] = 0.0;
    buf[1] = 0.0;
    fft.realInverse(buf, true);
    return java.util.Arrays.copyOf(buf, x.length);
  }

  /**
   * Band-limited value of x at fractional index t: sum of x[j] sinc(pi (t - j)) tapered by a
   * raised cosine over DEPTH samples each side; zero outside the signal.
   */
  static double interpolate(double[] x, double t) {
    int left = (int) Math.floor(t);
    if (t - left < 1e-12) return left >= 0 && left < x.length ? x[left] : 0.0;
    return SincInterpolation.at(x, t, DEPTH, false);
  }
}

package org.spectrolens.acoustics;

import java.util.Random;

/** Closed-form test signals: pulse trains through known resonators, harmonic complexes, noise. */
final class Signals {
  private Signals() {}

  /** Impulses at f0 (constant), one sample each, amplitude 1. */
  static double[] pulseTrain(int rate, double seconds, double f0) {
    return pulseTrain(rate, seconds, f0, f0);
  }

  /** Impulses whose rate glides linearly (in Hz) from f0Start to f0End. */
  static double[] pulseTrain(int rate, double seconds, double f0Start, double f0End) {
    int n = (int) Math.round(rate * seconds);
    double[] x = new double[n];
    double phase = 0.0;
    for (int i = 0; i < n; i++) {
      double f0 = f0Start + (f0End - f0Start) * i / (double) n;
      phase += f0 / rate;
      if (phase >= 1.0) {
        phase -= 1.0;
        x[i] = 1.0;
      }
    }
    return x;
  }

  /**
   * Pulses gliding from f0Start to f0End with each period perturbed by a relative jitter
   * (Gaussian, seeded) and each pulse's amplitude by a relative shimmer.
   */
  static double[] jitteredPulses(int rate, double seconds, double f0Start, double f0End,
      double jitter, double shimmer, long seed) {
    Random random = new Random(seed);
    int n = (int) Math.round(rate * seconds);
    double[] x = new double[n];
    double t = 0.0;
    while (true) {
      double f0 = f0Start + (f0End - f0Start) * t / seconds;
      t += (1.0 + jitter * random.nextGaussian()) / f0;
      int i = (int) Math.round(t * rate);
      if (i >= n) break;
      x[i] = 1.0 + shimmer * random.nextGaussian();
    }
    return x;
  }

  /** Multiplies by a raised-cosine fade of {@code fade} seconds at both ends. */
  static double[] fade(double[] x, int rate, double fade) {
    double[] y = x.clone();
    int m = (int) Math.round(fade * rate);
    for (int i = 0; i < m && i < y.length; i++) {
      double g = 0.5 - 0.5 * Math.cos(Math.PI * i / m);
      y[i] *= g;
      y[y.length - 1 - i] *= g;
    }
    return y;
  }

  /**
   * Second-order all-pole resonator (Klatt 1980): y[n] = A x[n] + B y[n-1] + C y[n-2] with
   * C = -exp(-2 pi bw / rate), B = 2 exp(-pi bw / rate) cos(2 pi f / rate), A = 1 - B - C. Its poles
   * sit at radius exp(-pi bw / rate) and angle 2 pi f / rate: formant f, bandwidth bw.
   */
  static double[] resonate(double[] x, int rate, double f, double bw) {
    double c = -Math.exp(-2.0 * Math.PI * bw / rate);
    double b = 2.0 * Math.exp(-Math.PI * bw / rate) * Math.cos(2.0 * Math.PI * f / rate);
    double a = 1.0 - b - c;
    double[] y = new double[x.length];
    double y1 = 0, y2 = 0;
    for (int i = 0; i < x.length; i++) {
      double v = a * x[i] + b * y1 + c * y2;
      y[i] = v;
      y2 = y1;
      y1 = v;
    }
    return y;
  }

  /**
   * One-pole low-pass y[n] = x[n] + exp(-2 pi f / rate) y[n-1]: -6 dB/octave above f, the exact
   * inverse of the formant tracker's pre-emphasis from f (a speech-like spectral tilt).
   */
  static double[] tilt(double[] x, int rate, double f) {
    double a = Math.exp(-2.0 * Math.PI * f / rate);
    double[] y = new double[x.length];
    double prev = 0;
    for (int i = 0; i < x.length; i++) y[i] = prev = x[i] + a * prev;
    return y;
  }

  /** Cascade of resonators, (f, bw) pairs. */
  static double[] vowel(double[] source, int rate, double[][] formants) {
    double[] y = source;
    for (double[] fb : formants) y = resonate(y, rate, fb[0], fb[1]);
    return y;
  }

  /** Sum of the first n harmonics of f0 with equal amplitude, f0 gliding linearly. */
  static double[] harmonics(int rate, double seconds, double f0Start, double f0End, int count) {
    int n = (int) Math.round(rate * seconds);
    double[] x = new double[n];
    double phase = 0.0;
    for (int i = 0; i < n; i++) {
      double f0 = f0Start + (f0End - f0Start) * i / (double) n;
      for (int h = 1; h <= count; h++) {
        if (h * f0 < 0.5 * rate) x[i] += Math.sin(2 * Math.PI * h * phase);
      }
      phase += f0 / rate;
    }
    return x;
  }

  /** The instantaneous f0 of {@link #harmonics} / {@link #pulseTrain} glides at time t. */
  static double glide(double f0Start, double f0End, double seconds, double t) {
    return f0Start + (f0End - f0Start) * t / seconds;
  }

  static double[] whiteNoise(int rate, double seconds, long seed) {
    Random r = new Random(seed);
    double[] x = new double[(int) Math.round(rate * seconds)];
    for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
    return x;
  }

  /** Scales to a peak of {@code peak} and converts to float samples. */
  static float[] normalise(double[] x, double peak) {
    double max = 0;
    for (double v : x) max = Math.max(max, Math.abs(v));
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) out[i] = (float) (max > 0 ? x[i] * peak / max : 0.0);
    return out;
  }

  static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) n += p.length;
    double[] out = new double[n];
    int k = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
    }
    return out;
  }

  static double[] scale(double[] x, double s) {
    double[] y = x.clone();
    for (int i = 0; i < y.length; i++) y[i] *= s;
    return y;
  }
}

package org.spectrolens.scene;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.spectrolens.dsp.Biquad;
import org.spectrolens.synth.channel.BackgroundNoise;

/** The building blocks of the scene's sounds: envelopes, tones with a pitch track, shaped noise. */
final class Waveforms {
  private Waveforms() {}

  /**
   * Raised-cosine envelope: 0 outside [start, start + length) samples, rising and falling over
   * {@code ramp} samples (clamped to half the length), 1 in between.
   */
  static double[] envelope(int n, int start, int length, int ramp) {
    double[] e = new double[n];
    int r = Math.max(1, Math.min(ramp, length / 2));
    for (int i = 0; i < length && start + i < n; i++) {
      if (start + i < 0) continue;
      double g = 1;
      if (i < r) g = 0.5 - 0.5 * Math.cos(Math.PI * i / r);
      else if (i >= length - r) g = 0.5 - 0.5 * Math.cos(Math.PI * (length - i) / r);
      e[start + i] = g;
    }
    return e;
  }

  /**
   * Adds {@code sum_k amp(k) sin(k phi(t))} for harmonics k = 1.. while k f(t) stays below
   * 0.45 sr, where phi integrates the fundamental {@code f0(t)} (Hz, t in s from the start), times
   * the envelope. {@code amp(k)} is the k-th harmonic's amplitude.
   */
  static void addHarmonics(float[] out, double[] envelope, int sampleRate, DoubleUnaryOperator f0, DoubleUnaryOperator amp,
      int maxHarmonic, SplittableRandom rng) {
    double[] phase0 = new double[maxHarmonic + 1];
    for (int k = 1; k <= maxHarmonic; k++) phase0[k] = rng.nextDouble(2 * Math.PI);
    double phi = 0;
    double nyquistGuard = 0.45 * sampleRate;
    for (int i = 0; i < out.length; i++) {
      double f = f0.applyAsDouble(i / (double) sampleRate);
      phi += 2 * Math.PI * f / sampleRate;
      if (envelope[i] == 0) continue;
      double v = 0;
      for (int k = 1; k <= maxHarmonic && k * f < nyquistGuard; k++) v += amp.applyAsDouble(k) * Math.sin(k * phi + phase0[k]);
      out[i] += (float) (envelope[i] * v);
    }
  }

  /** White Gaussian noise of unit variance. */
  static double[] white(int n, SplittableRandom rng) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) w[i] = gaussian(rng);
    return w;
  }

  /** Pink (1/f) noise: the synthesiser's channel noise ({@link BackgroundNoise#pink}). */
  static double[] pink(int n, SplittableRandom rng) {
    return BackgroundNoise.pink(n, rng);
  }

  /**
   * A constant 0 dB peak-gain band-pass biquad (RBJ audio-EQ cookbook) at {@code centre} Hz with
   * quality factor {@code q}, applied in place.
   */
  static double[] bandPass(double[] x, int sampleRate, double centre, double q) {
    Biquad.bandPass(Math.min(centre, 0.45 * sampleRate), q, sampleRate).filter(x);
    return x;
  }

  /** One-pole low-pass at {@code cutoff} Hz, in place. */
  static double[] lowPass(double[] x, int sampleRate, double cutoff) {
    double a = Math.exp(-2 * Math.PI * cutoff / sampleRate);
    double y = 0;
    for (int i = 0; i < x.length; i++) {
      y = (1 - a) * x[i] + a * y;
      x[i] = y;
    }
    return x;
  }

  /** Adds {@code gain * envelope * x} into out. */
  static void addShaped(float[] out, double[] x, double[] envelope, double gain) {
    for (int i = 0; i < out.length; i++) if (envelope[i] != 0) out[i] += (float) (gain * envelope[i] * x[i]);
  }

  static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  /** Log-uniform in [lo, hi] (pitches: equal chances per octave). */
  static double logUniform(SplittableRandom rng, double lo, double hi) {
    return Math.exp(uniform(rng, Math.log(lo), Math.log(hi)));
  }

  static double gaussian(SplittableRandom rng) {
    return rng.nextGaussian();
  }

  static int samples(double seconds, int sampleRate) {
    return (int) Math.round(seconds * sampleRate);
  }
}

package org.spectrolens.dsp;

import java.util.Random;

/**
 * Phase recovery from STFT magnitudes by the fast Griffin-Lim algorithm (Perraudin, Balazs and
 * Sondergaard 2013), the update of {@code torchaudio.functional.griffinlim} and librosa's
 * {@code griffinlim}: with {@code a} the phase estimate (unit modulus) and {@code S} the magnitudes,
 * each iteration computes {@code r = STFT(ISTFT(S a))}, then {@code a = r - m/(1+m) r_prev},
 * {@code a = a / (|a| + 1e-16)}, {@code r_prev = r}; the result is {@code ISTFT(S a)}. Defaults are
 * both tools': 32 iterations, momentum 0.99 (must lie in [0, 1), as torchaudio requires; 0 is the
 * original Griffin-Lim). The STFT is the given {@link Stft} (torchaudio pads by reflection,
 * librosa with zeros).
 *
 * <p>Initial phase: {@link Init#ZERO} (torchaudio's {@code rand_init=False}, librosa's
 * {@code init=None}: all ones) or {@link Init#RANDOM}, a phase uniform on the circle from a seed
 * (librosa's default; torchaudio's {@code rand_init=True} draws real and imaginary parts in [0, 1)
 * instead, which is not a uniform phase).
 */
public final class GriffinLim {
  /** How the phase starts. */
  public enum Init { ZERO, RANDOM }

  /** A reconstruction and how well its STFT magnitudes match the target's. */
  public record Result(float[] signal, double spectralConvergence) {}

  private final Stft stft;
  private final Istft istft;
  private final int iterations;
  private final double momentum;
  private final Init init;
  private final long seed;

  /**
   * @param iterations at least 0 (0 returns ISTFT of the magnitudes with the initial phase)
   * @param momentum in [0, 1)
   */
  public GriffinLim(Stft stft, int iterations, double momentum, Init init, long seed) {
    if (iterations < 0) throw new IllegalArgumentException("iterations must be 0 or more: " + iterations);
    if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must lie in [0, 1): " + momentum);
    this.stft = stft;
    this.istft = new Istft(stft);
    this.iterations = iterations;
    this.momentum = momentum;
    this.init = init;
    this.seed = seed;
  }

  /** 32 iterations, momentum 0.99, zero initial phase (deterministic). */
  public static GriffinLim defaults(Stft stft) {
    return new GriffinLim(stft, 32, 0.99, Init.ZERO, 0L);
  }

  /**
   * A signal of {@code length} samples whose STFT magnitudes approach {@code magnitude}
   * [bin][frame] ({@code nFft/2 + 1} bins, any non-negative values).
   */
  public Result reconstruct(float[][] magnitude, int length) {
    int bins = magnitude.length;
    int frames = magnitude[0].length;
    if (bins != stft.bins()) throw new IllegalArgumentException(bins + " bins, the STFT has " + stft.bins());
    Spectrum angles = Spectrum.zeros(bins, frames);
    Random rnd = new Random(seed);
    for (int k = 0; k < bins; k++) {
      for (int t = 0; t < frames; t++) {
        if (init == Init.RANDOM) {
          double phi = 2 * Math.PI * rnd.nextDouble();
          angles.re()[k][t] = Math.cos(phi);
          angles.im()[k][t] = Math.sin(phi);
        } else {
          angles.re()[k][t] = 1.0;
        }
      }
    }
    double factor = momentum / (1 + momentum);
    Spectrum previous = null;
    for (int it = 0; it < iterations; it++) {
      float[] inverse = istft.invert(angles.times(magnitude), length);
      Spectrum rebuilt = stft.transform(inverse);
      requireFrames(rebuilt, frames);
      for (int k = 0; k < bins; k++) {
        for (int t = 0; t < frames; t++) {
          double r = rebuilt.re()[k][t];
          double i = rebuilt.im()[k][t];
          if (previous != null) {
            r -= factor * previous.re()[k][t];
            i -= factor * previous.im()[k][t];
          }
          double a = Math.hypot(r, i) + 1e-16;
          angles.re()[k][t] = r / a;
          angles.im()[k][t] = i / a;
        }
      }
      previous = rebuilt;
    }
    float[] signal = istft.invert(angles.times(magnitude), length);
    return new Result(signal, spectralConvergence(stft, magnitude, signal));
  }

  /**
   * {@code ||S - |STFT(x)|||_F / ||S||_F}: 0 when the signal's magnitudes are exactly the target's.
   * The STFT of x must have as many frames as S (x of the length S was made from).
   */
  public static double spectralConvergence(Stft stft, float[][] magnitude, float[] signal) {
    float[][] got = stft.spectrogram(signal, 1.0);
    if (got[0].length != magnitude[0].length) {
      throw new IllegalArgumentException(got[0].length + " frames from the signal, " + magnitude[0].length + " in the target");
    }
    double diff = 0;
    double norm = 0;
    for (int k = 0; k < magnitude.length; k++) {
      for (int t = 0; t < magnitude[k].length; t++) {
        double d = magnitude[k][t] - got[k][t];
        diff += d * d;
        norm += (double) magnitude[k][t] * magnitude[k][t];
      }
    }
    return norm > 0 ? Math.sqrt(diff / norm) : Math.sqrt(diff);
  }

  private static void requireFrames(Spectrum s, int frames) {
    if (s.frames() != frames) {
      throw new IllegalArgumentException("the signal length gives " + s.frames() + " frames, the magnitudes have " + frames);
    }
  }
}

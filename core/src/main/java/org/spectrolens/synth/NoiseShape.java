package org.spectrolens.synth;

/**
 * The spectrum of a noise source at the lips: resonances (Hz, bandwidth Hz, relative peak
 * amplitude) plus a flat "bypass" share above about 1.5 kHz (Klatt's AB path for /f θ p/).
 * Peaks follow Jongman, Wayland &amp; Wong (2000) for fricatives and Zue (1976) for bursts.
 */
public record NoiseShape(double[] frequencies, double[] bandwidths, double[] amplitudes, double bypass) {

  static NoiseShape of(double bypass, double... triples) {
    int n = triples.length / 3;
    double[] f = new double[n];
    double[] b = new double[n];
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = triples[3 * i];
      b[i] = triples[3 * i + 1];
      a[i] = triples[3 * i + 2];
    }
    return new NoiseShape(f, b, a, bypass);
  }

  /** The same shape with resonances above 2.5 kHz moved by {@code hz} (talker group). */
  NoiseShape shifted(double hz) {
    double[] f = frequencies.clone();
    for (int i = 0; i < f.length; i++) if (f[i] > 2500) f[i] += hz;
    return new NoiseShape(f, bandwidths, amplitudes, bypass);
  }

  /** Frication of a fricative (voiceless or voiced cognate) or the frication part of an affricate. */
  static NoiseShape frication(Phone p) {
    return switch (p) {
      case S, Z -> of(0, 6800, 1300, 1.0, 8800, 2000, 0.4);
      case SH, CH, JH -> of(0, 2700, 500, 0.5, 3800, 800, 1.0, 5500, 1500, 0.35);
      case F, V -> of(0.5, 7700, 3000, 0.5);
      case TH, DH -> of(0.5, 7500, 2500, 0.6);
      default -> throw new IllegalArgumentException("not a fricative: " + p);
    };
  }

  /** Release burst of a stop; /k g/ peak near the next vowel's F2 ({@code velarPeak}). */
  static NoiseShape burst(Phone p, double velarPeak) {
    return switch (p) {
      case P, B -> of(1.0);
      case T, D, CH, JH -> of(0.2, 3900, 1200, 1.0, 5500, 2000, 0.7);
      case K, G -> of(0.1, velarPeak, 500, 1.0, velarPeak + 1300, 1200, 0.3);
      default -> throw new IllegalArgumentException("not a stop: " + p);
    };
  }
}

package org.spectrolens.synth.channel;

import java.util.Locale;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/** Background noise under an utterance, and how it is mixed at an SNR. */
public enum BackgroundNoise {
  /** No added noise (only the synthesiser's own -70 dBFS floor). */
  NONE,
  /** White Gaussian noise. */
  WHITE,
  /** Pink (1/f) noise, -3 dB per octave: closer to rooms' and streets' spectra. */
  PINK,
  /** Babble: {@link #BABBLE_TALKERS} other utterances of the same corpus, dry, summed at equal power. */
  BABBLE;

  public static final int BABBLE_TALKERS = 4;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code n} samples of this noise, unscaled. Babble takes the dry utterances {@code babble}
   * gives for the indices in {@code talkers}, each at unit RMS, started at a drawn offset and
   * repeated to fill {@code n}.
   */
  double[] draw(int n, int[] talkers, IntFunction<float[]> babble, RandomGenerator rng) {
    double[] x = new double[n];
    switch (this) {
      case NONE -> { }
      case WHITE -> {
        for (int i = 0; i < n; i++) x[i] = rng.nextGaussian();
      }
      case PINK -> x = pink(n, rng);
      case BABBLE -> {
        for (int t : talkers) {
          float[] s = babble.apply(t);
          double ss = 0;
          for (float v : s) ss += v * v;
          if (s.length == 0 || ss == 0) continue;
          double g = 1 / Math.sqrt(ss / s.length);
          int offset = rng.nextInt(s.length);
          for (int i = 0; i < n; i++) x[i] += g * s[(offset + i) % s.length];
        }
      }
      default -> throw new IllegalStateException(name());
    }
    return x;
  }

  /** Pink (1/f) noise: Paul Kellet's refined filter of white noise (within 0.05 dB of -3 dB/octave above 10 Hz at 44.1 kHz). */
  public static double[] pink(int n, RandomGenerator rng) {
    double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      double w = rng.nextGaussian();
      b0 = 0.99886 * b0 + w * 0.0555179;
      b1 = 0.99332 * b1 + w * 0.0750759;
      b2 = 0.96900 * b2 + w * 0.1538520;
      b3 = 0.86650 * b3 + w * 0.3104856;
      b4 = 0.55000 * b4 + w * 0.5329522;
      b5 = -0.7616 * b5 - w * 0.0168980;
      p[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
      b6 = w * 0.115926;
    }
    return p;
  }

  /**
   * The gain that puts {@code noise} {@code snrDb} below {@code speech}: their mean powers compared
   * over the samples where {@code active} is true (the utterance's phones, not its pauses).
   */
  static double gainForSnr(double[] speech, double[] noise, boolean[] active, double snrDb) {
    double ps = 0;
    double pn = 0;
    for (int i = 0; i < speech.length; i++) {
      if (!active[i]) continue;
      ps += speech[i] * speech[i];
      pn += noise[i] * noise[i];
    }
    return pn > 0 ? Math.sqrt(ps / pn / Math.pow(10, snrDb / 10)) : 0;
  }
}

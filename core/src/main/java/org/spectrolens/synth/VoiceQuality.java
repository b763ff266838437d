package org.spectrolens.synth;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A talker's voice source: how the glottal pulses are shaped and how regular they are.
 *
 * @param openQuotient open phase over the period (Rosenberg pulse), 0.4-0.85
 * @param breathiness aspiration noise in the open phase (SD relative to the pulse peak)
 * @param tiltDb extra spectral tilt of the source: attenuation at 3 kHz (dB) by a one-pole
 *     low-pass, Klatt's TL parameter (Klatt &amp; Klatt 1990: 0 for a pressed voice, up to about
 *     20 dB for a breathy one)
 * @param jitter SD of the period, relative (0.005 = 0.5 %)
 * @param shimmer SD of the pulse amplitude, relative
 */
public record VoiceQuality(double openQuotient, double breathiness, double tiltDb, double jitter, double shimmer) {
  /** Men's, women's and children's voices: one voice per group, or one per talker. */
  public enum Variety {
    /** Every talker of a group has the group's voice (no extra tilt, 0.5 % jitter, 4 % shimmer). */
    UNIFORM,
    /**
     * Each talker draws a voice around the group's: open quotient N(group, 0.06) clipped to
     * 0.4-0.85 (Holmberg et al. 1988 report talker SDs near 0.05-0.1), breathiness x
     * lognormal(0.5), tilt U(0, 15) dB (Klatt &amp; Klatt 1990's range for modal to breathy
     * voices), jitter 0.5 % x lognormal(0.4) and shimmer 4 % x lognormal(0.3) (healthy voices:
     * about 0.2-1 % and 2-6 %).
     */
    VARIED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Variety parse(String s) {
      for (Variety v : values()) if (v.label().equals(s)) return v;
      throw new IllegalArgumentException("voice variety must be uniform or varied, not " + s);
    }

    VoiceQuality draw(SpeakerGroup group, RandomGenerator rng) {
      VoiceQuality base = of(group);
      if (this == UNIFORM) return base;
      double oq = Math.max(0.4, Math.min(0.85, base.openQuotient + 0.06 * rng.nextGaussian()));
      double breath = base.breathiness * Math.exp(0.5 * rng.nextGaussian());
      double tilt = 15 * rng.nextDouble();
      double jitter = base.jitter * Math.exp(0.4 * rng.nextGaussian());
      double shimmer = base.shimmer * Math.exp(0.3 * rng.nextGaussian());
      return new VoiceQuality(oq, breath, tilt, jitter, shimmer);
    }
  }

  /** The group's voice. */
  public static VoiceQuality of(SpeakerGroup group) {
    return new VoiceQuality(group.openQuotient, group.breathiness, 0, 0.005, 0.04);
  }

  /**
   * The coefficient {@code a} of the tilt filter {@code y[n] = (1 - a) x[n] + a y[n-1]}: unit gain
   * at 0 Hz and {@link #tiltDb} down at 3 kHz (0 when there is no tilt, so the source is unchanged).
   * From {@code |1 - a e^{-jw}|^2 = (1 - a)^2 G}, G the power ratio: {@code a^2 - B a + 1 = 0} with
   * {@code B = 2 (G - cos w) / (G - 1)}; the root below 1.
   */
  double tiltCoefficient(int sampleRate) {
    if (tiltDb <= 0) return 0;
    double g = Math.pow(10, tiltDb / 10);
    double c = Math.cos(2 * Math.PI * 3000 / sampleRate);
    double b = 2 * (g - c) / (g - 1);
    return b / 2 - Math.sqrt(b * b / 4 - 1);
  }
}

package org.spectrolens.synth;

/**
 * The three talker groups of Hillenbrand et al. (1995), with the speaker-variation model fitted to
 * their data (shared/DESIGN.md section 4): the SD of the talker's log vocal-tract scale, the
 * talker's mean F0 and its spread, and the correlation between formant scale and log F0.
 */
public enum SpeakerGroup {
  MEN("male", "M", 0.030, 129, 0.153, 0.063, 0.32, 5000, 0.58, 0.015),
  WOMEN("female", "W", 0.041, 219, 0.094, 0.055, 0.39, 5500, 0.66, 0.025),
  CHILDREN("child", "C", 0.051, 236, 0.092, 0.054, 0.26, 6500, 0.66, 0.025);

  /** The label written to speakers.csv ({@code male}, {@code female}, {@code child}). */
  public final String sex;
  final String letter;
  /** SD of the talker's log formant scale (one scale shared by all formants). */
  public final double talkerScaleSd;
  /** Geometric mean of the talkers' mean F0 (Hz). */
  public final double f0Mean;
  /** SD across talkers of log mean F0. */
  public final double talkerLogF0Sd;
  /** SD of log F0 within a talker (token to token). */
  public final double withinLogF0Sd;
  /** Correlation between the talker's formant scale and log F0. */
  final double scaleF0Correlation;
  /**
   * "To Formant (burg)" ceiling for the group (Hz): Praat's 5000 (men) and 5500 (women); for
   * children higher (Praat's manual: up to 8000 Hz for young children), because with F5 near
   * 5.5-6 kHz a 5500 Hz ceiling leaves Burg a spare pole that lands between F1 and F2 of /i æ/.
   */
  public final double formantCeiling;
  /** Open quotient of the glottal pulse (breathier, longer open phase for women and children). */
  public final double openQuotient;
  /**
   * Aspiration noise in the open phase (SD relative to the pulse peak): sustained synthetic vowels
   * then measure a Praat harmonicity of about 19 dB (men) and 17 dB (women, children), near the
   * 20 dB of healthy sustained vowels, women breathier (Klatt &amp; Klatt 1990). Without it the
   * harmonics stand alone and LPC trackers lock onto them at high F0.
   */
  public final double breathiness;

  SpeakerGroup(String sex, String letter, double talkerScaleSd, double f0Mean, double talkerLogF0Sd,
      double withinLogF0Sd, double scaleF0Correlation, double formantCeiling, double openQuotient,
      double breathiness) {
    this.sex = sex;
    this.letter = letter;
    this.talkerScaleSd = talkerScaleSd;
    this.f0Mean = f0Mean;
    this.talkerLogF0Sd = talkerLogF0Sd;
    this.withinLogF0Sd = withinLogF0Sd;
    this.scaleF0Correlation = scaleF0Correlation;
    this.formantCeiling = formantCeiling;
    this.openQuotient = openQuotient;
    this.breathiness = breathiness;
  }

  /**
   * Ratio of this group's mean formant k (1..4, all 12 vowels pooled) to the men's: the scale
   * applied to consonant loci, which Hillenbrand did not measure.
   */
  double formantRatio(int k) {
    return switch (this) {
      case MEN -> 1.0;
      case WOMEN -> new double[] {1.177, 1.169, 1.139, 1.176}[k - 1];
      case CHILDREN -> new double[] {1.240, 1.296, 1.231, 1.216}[k - 1];
    };
  }

  /**
   * Jongman et al. (2000) pooled 10 men and 10 women and found women's fricative peaks about
   * 700 Hz above men's: shift the pooled peaks down 350 Hz for men, up 350 Hz for the others.
   */
  double fricativeShiftHz() {
    return this == MEN ? -350 : 350;
  }
}

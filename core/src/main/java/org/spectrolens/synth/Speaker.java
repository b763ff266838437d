package org.spectrolens.synth;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A synthetic talker: a group, a vocal-tract scale shared by all formants, a mean F0 and a
 * speaking-rate factor. Vowel tokens are drawn around the Hillenbrand means of the group.
 *
 * @param id speaker id, e.g. {@code SL007}
 * @param logScale the talker's log formant scale, N(0, group SD)
 * @param f0Mean the talker's mean F0 (Hz)
 * @param rate duration multiplier (1 = average speaking rate)
 * @param vowels the talker's vowel system: citation targets, or connected speech (own means, and
 *     short vowels undershooting their targets toward the neighbouring consonants, {@link Planner})
 * @param vowelMeans the talker's own vowel targets: F1-F4 (Hz, before {@code logScale}) per ARPAbet
 *     vowel ({@link VowelSystem})
 * @param voice the talker's voice source
 */
public record Speaker(String id, SpeakerGroup group, double logScale, double f0Mean, double rate,
    VowelSystem vowels, Map<String, double[]> vowelMeans, VoiceQuality voice) {

  /** A talker who aims at the group's Hillenbrand means (the {@link VowelSystem#CITATION} system). */
  public Speaker(String id, SpeakerGroup group, double logScale, double f0Mean, double rate) {
    this(id, group, logScale, f0Mean, rate, VowelSystem.CITATION, VowelSystem.CITATION.draw(group, null), VoiceQuality.of(group));
  }

  /** A talker with citation vowel targets and the group's voice. */
  public static Speaker draw(String id, SpeakerGroup group, RandomGenerator rng) {
    return draw(id, group, VowelSystem.CITATION, VoiceQuality.Variety.UNIFORM, rng);
  }

  /**
   * Draws a talker of the group: scale and log F0 correlated as in Hillenbrand's data, then the
   * talker's vowel targets from the vowel system, then the voice (the later draws only where the
   * system or variety asks for them, so a citation, uniform corpus stays as it was).
   */
  public static Speaker draw(String id, SpeakerGroup group, VowelSystem vowels, VoiceQuality.Variety voices,
      RandomGenerator rng) {
    double zScale = rng.nextGaussian();
    double zF0 = group.scaleF0Correlation * zScale
        + Math.sqrt(1 - group.scaleF0Correlation * group.scaleF0Correlation) * rng.nextGaussian();
    double logScale = group.talkerScaleSd * zScale;
    double f0 = group.f0Mean * Math.exp(group.talkerLogF0Sd * zF0);
    double rate = Math.exp(0.08 * rng.nextGaussian());
    Map<String, double[]> means = vowels.draw(group, rng);
    return new Speaker(id, group, logScale, f0, rate, vowels, means, voices.draw(group, rng));
  }

  public double scale() {
    return Math.exp(logScale);
  }

  /**
   * One token of a monophthong: F1-F4 log-normal around the talker's own mean of the vowel
   * ({@link #vowelMeans}; Hillenbrand's group mean for citation talkers) with Hillenbrand's
   * coefficient of variation, the talker's scale taking its share of the variance (SD of log talker scale) and an
   * independent residual per formant taking the rest. Redrawn until F1 &lt; F2 &lt; F3 &lt; F4
   * with some separation.
   */
  public double[] drawVowel(String vowel, RandomGenerator rng) {
    VowelNorms.Stats s = VowelNorms.of(group, vowel);
    double[] mean = vowelMeans.get(vowel);
    double[] f = new double[4];
    for (int attempt = 0; attempt < 50; attempt++) {
      for (int k = 0; k < 4; k++) {
        double cv = s.sd()[k] / s.mean()[k];
        double total = Math.sqrt(Math.log1p(cv * cv));
        double mu = Math.log(mean[k]) - total * total / 2;
        double resid = Math.sqrt(Math.max(total * total - group.talkerScaleSd * group.talkerScaleSd, 1e-4));
        f[k] = Math.exp(mu + logScale + resid * rng.nextGaussian());
      }
      if (f[1] > f[0] + 150 && f[2] > f[1] + 150 && f[3] > f[2] + 250) return f;
    }
    // Fallback (practically never): the scaled means, which are always ordered.
    for (int k = 0; k < 4; k++) f[k] = mean[k] * scale();
    return f;
  }

  /** The fifth formant: about 4500 Hz for men, scaled with the group's F4 ratio and the talker. */
  public double f5() {
    return 4500 * group.formantRatio(4) * scale();
  }
}

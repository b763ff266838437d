package org.spectrolens.synth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Where a talker's vowel targets come from (issue: connected speech and real speaker variety).
 *
 * <ul>
 *   <li>{@link #CITATION}: every talker of a group aims at Hillenbrand et al. (1995) /hVd/ means
 *       ({@link VowelNorms}); what varies is the talker's vocal-tract scale and the token.
 *   <li>{@link #CONNECTED}: each talker has a vowel system of their own, between the two published
 *       American English systems and with the fronted /u/ of connected speech. Per talker: a weight
 *       {@code w ~ U(0,1)} places each vowel's log F1-F3 between Hillenbrand (w = 0) and Peterson
 *       &amp; Barney 1952 (w = 1), which spreads /æ/ and /ɑ/ as read speech does; a fronting
 *       {@code φ ~ U(0,1)} moves /u/'s log F2 toward 1600 Hz (men; scaled by the group's F2
 *       ratio), the value connected American English shows where /hVd/ gives about 1000 Hz; an
 *       r-colouring depth {@code ρ ~ U(0,1)} places /ɝ/'s log F3 between the published /hVd/
 *       value (ρ = 1, the deep F3 dip of a careful "heard") and the group's /ʌ/ F3 (ρ = 0, no
 *       dip): connected speech undershoots the dip as it undershoots F2, and American talkers
 *       range from strongly to weakly rhotic, so a low F3 alone must not make a vowel /ɝ/ while its
 *       F1 and F2 (which the depth leaves alone) still do.
 *       Token SDs stay Hillenbrand's coefficients of variation.
 * </ul>
 *
 * Drawing a {@code CONNECTED} talker takes three numbers from the stream after the talker's scale,
 * F0 and rate, so a {@code CITATION} corpus is the same as before this option existed.
 */
public enum VowelSystem {
  CITATION,
  CONNECTED;

  /** The vowel whose F3 is /ɝ/'s without r-colouring: /ʌ/, the stressed mid-central vowel. */
  static final String UNCOLOURED = "AH";

  /** Men's F2 of a fully fronted /u/ in connected American English (Hz). */
  static final double FRONTED_UW_F2_MEN = 1600;

  /** The lower-case name used in options and synth.json. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static VowelSystem parse(String s) {
    for (VowelSystem v : values()) if (v.label().equals(s)) return v;
    throw new IllegalArgumentException("vowel system must be citation or connected, not " + s);
  }

  /** One talker's vowel means: F1-F4 (Hz, before the talker's vocal-tract scale) per ARPAbet vowel. */
  Map<String, double[]> draw(SpeakerGroup group, RandomGenerator rng) {
    Map<String, double[]> means = new HashMap<>();
    for (String v : VowelNorms.vowels()) means.put(v, VowelNorms.of(group, v).mean().clone());
    if (this == CITATION) return means; // exactly the published numbers, no log round trip
    double w = rng.nextDouble();
    double fronting = rng.nextDouble();
    double rColour = rng.nextDouble();
    double neutralF3 = VowelNorms.of(group, UNCOLOURED).mean(3);
    for (String v : VowelNorms.vowels()) {
      double[] m = means.get(v);
      double[] pb = PetersonBarney.means(group, v);
      if (pb != null) for (int k = 0; k < 3; k++) m[k] = Math.exp((1 - w) * Math.log(m[k]) + w * Math.log(pb[k]));
      if (v.equals("UW")) {
        double target = FRONTED_UW_F2_MEN * group.formantRatio(2);
        m[1] = Math.exp((1 - fronting) * Math.log(m[1]) + fronting * Math.log(target));
      }
      if (v.equals("ER")) m[2] = Math.exp(rColour * Math.log(m[2]) + (1 - rColour) * Math.log(neutralF3));
    }
    return means;
  }
}

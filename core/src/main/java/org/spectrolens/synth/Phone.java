package org.spectrolens.synth;

import java.util.Locale;

/**
 * The ARPAbet phones the synthesiser can say (MFA/CMUdict labels without stress digits), with the
 * articulatory facts that drive it: manner, voicing, and for consonants the formant loci of an
 * adult male (Klatt 1980 Table III and common locus values), scaled per talker.
 */
public enum Phone {
  // Monophthongs (targets from Hillenbrand et al. 1995) and three diphthongs (two targets each).
  IY(Manner.VOWEL), IH(Manner.VOWEL), EY(Manner.VOWEL), EH(Manner.VOWEL), AE(Manner.VOWEL),
  AA(Manner.VOWEL), AO(Manner.VOWEL), OW(Manner.VOWEL), UH(Manner.VOWEL), UW(Manner.VOWEL),
  AH(Manner.VOWEL), ER(Manner.VOWEL), AY(Manner.VOWEL), AW(Manner.VOWEL), OY(Manner.VOWEL),
  P(Manner.STOP, false, 300, 1000, 2200), B(Manner.STOP, true, 250, 1000, 2200),
  T(Manner.STOP, false, 320, 1700, 2600), D(Manner.STOP, true, 250, 1700, 2600),
  K(Manner.STOP, false, 300, 1900, 2600), G(Manner.STOP, true, 250, 1900, 2600),
  CH(Manner.AFFRICATE, false, 300, 1900, 2700), JH(Manner.AFFRICATE, true, 260, 1900, 2700),
  F(Manner.FRICATIVE, false, 340, 1100, 2080), V(Manner.FRICATIVE, true, 260, 1100, 2080),
  TH(Manner.FRICATIVE, false, 320, 1290, 2540), DH(Manner.FRICATIVE, true, 260, 1290, 2540),
  S(Manner.FRICATIVE, false, 320, 1390, 2530), Z(Manner.FRICATIVE, true, 260, 1390, 2530),
  SH(Manner.FRICATIVE, false, 300, 1840, 2750),
  HH(Manner.ASPIRATE, false, 0, 0, 0),
  M(Manner.NASAL, true, 300, 1100, 2150), N(Manner.NASAL, true, 300, 1500, 2500),
  NG(Manner.NASAL, true, 300, 1900, 2500),
  L(Manner.APPROXIMANT, true, 360, 1100, 2700), R(Manner.APPROXIMANT, true, 330, 1060, 1380),
  W(Manner.APPROXIMANT, true, 300, 650, 2200), Y(Manner.APPROXIMANT, true, 270, 2070, 3020);

  /** How a phone is made. */
  public enum Manner { VOWEL, STOP, AFFRICATE, FRICATIVE, ASPIRATE, NASAL, APPROXIMANT }

  public final Manner manner;
  public final boolean voiced;
  /** Men's formant loci F1-F3 (Hz); zero for vowels and /h/, which take the vowel's formants. */
  final double[] locus;

  Phone(Manner manner) {
    this(manner, true, 0, 0, 0);
  }

  Phone(Manner manner, boolean voiced, double f1, double f2, double f3) {
    this.manner = manner;
    this.voiced = voiced;
    this.locus = new double[] {f1, f2, f3};
  }

  public boolean isVowel() {
    return manner == Manner.VOWEL;
  }

  /** The phone of an MFA label such as {@code IY1} or {@code sh}: the stress digit is ignored. */
  public static Phone of(String label) {
    String base = label.toUpperCase(Locale.ROOT).replaceAll("[012]$", "");
    return Phone.valueOf(base);
  }

  /** The stress digit of a vowel label (0, 1 or 2), or -1 for consonants. */
  public static int stress(String label) {
    char last = label.charAt(label.length() - 1);
    return Character.isDigit(last) ? last - '0' : -1;
  }
}

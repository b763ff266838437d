package org.spectrolens.corpus;

import java.util.Locale;
import org.spectrolens.SpectrolensException;

/**
 * Which vowel tokens a vowel task keeps by their ARPAbet stress digit ({@code IY1} primary,
 * {@code IY2} secondary, {@code IY0} unstressed; MFA and CMUdict write them). The seed paper
 * classified stressed vowels, so {@link #PRIMARY} is the default: unstressed vowels are reduced
 * towards schwa (on one studio voice, stressed /i/ was recognised 96% of the time, unstressed 61%;
 * issue 25). Labels without a digit (IPA, SAMPA, manifests, folders) carry no stress and are
 * kept by both.
 */
public enum Stress {
  /** Vowels with stress digit 1, and labels without a digit. */
  PRIMARY,
  /** Every vowel, whatever its digit (the stress digit is ignored). */
  ANY;

  /** The default of vowel tasks: the seed paper's stressed vowels. */
  public static final Stress DEFAULT = PRIMARY;

  /** The ARPAbet stress digit of a label ({@code IY0} is 0), or -1 for a label without one. */
  public static int digit(String label) {
    String l = label.trim();
    if (l.length() < 2) return -1;
    char d = l.charAt(l.length() - 1);
    if (d < '0' || d > '2' || !Character.isLetter(l.charAt(l.length() - 2))) return -1;
    return d - '0';
  }

  /** Whether a token of stress {@code digit} (-1: none written) is kept. */
  public boolean keeps(int digit) {
    return this == ANY || digit < 0 || digit == 1;
  }

  /** The name in files and options: primary or any. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws SpectrolensException naming parameter {@code stress} for an unknown name
   */
  public static Stress fromId(String id) {
    for (Stress s : values()) if (s.id().equalsIgnoreCase(id.trim())) return s;
    throw SpectrolensException.ofParameter("stress", "unknown stress '" + id + "'; expected primary or any");
  }

  /** What the dataset summary calls a token of stress {@code digit}. */
  public static String describe(int digit) {
    return switch (digit) {
      case 0 -> "unstressed (0)";
      case 1 -> "primary (1)";
      case 2 -> "secondary (2)";
      default -> "no stress mark";
    };
  }
}

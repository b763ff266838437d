package org.spectrolens.synth;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Peterson &amp; Barney (1952) /hVd/ vowels: per group and vowel, the mean F0 and F1-F3 (Hz) of 33
 * men, 28 women and 15 children, two tokens each, computed from the table Praat distributes
 * ({@code Create formant table (Peterson & Barney 1952)}). Beside {@link VowelNorms} (Hillenbrand
 * et al. 1995, Michigan talkers recorded 40 years later) it is the second published American
 * English vowel system: its /æ/ is lower and backer (men's F2 1727 Hz against 1930) and its /ɑ/
 * backer (1091 against 1309), the spread that read speech shows between those two vowels.
 */
final class PetersonBarney {
  // vowel F0 F1 F2 F3 (means; PB52 has no /eɪ/ or /oʊ/)
  private static final String MEN = """
      IY 136 267 2294 2937
      IH 136 392 1993 2569
      EH 128 526 1854 2481
      AE 125 664 1727 2420
      AA 124 718 1091 2442
      AO 127 568 836 2403
      UH 136 437 1023 2245
      UW 139 307 876 2239
      AH 129 631 1192 2377
      ER 133 489 1360 1709
      """;
  private static final String WOMEN = """
      IY 231 310 2783 3312
      IH 232 441 2474 3063
      EH 220 608 2334 2999
      AE 208 863 2049 2832
      AA 212 864 1229 2783
      AO 217 587 915 2736
      UH 234 469 1162 2685
      UW 235 378 961 2666
      AH 223 758 1409 2768
      ER 219 503 1641 1977
      """;
  private static final String CHILDREN = """
      IY 270 360 3178 3763
      IH 270 534 2744 3604
      EH 259 700 2616 3564
      AE 248 1017 2334 3366
      AA 258 1030 1383 3188
      AO 259 694 1064 3263
      UH 273 560 1402 3332
      UW 278 432 1193 3250
      AH 263 855 1592 3328
      ER 264 569 1806 2194
      """;

  private static final Map<SpeakerGroup, Map<String, double[]>> TABLE = new EnumMap<>(SpeakerGroup.class);

  static {
    TABLE.put(SpeakerGroup.MEN, parse(MEN));
    TABLE.put(SpeakerGroup.WOMEN, parse(WOMEN));
    TABLE.put(SpeakerGroup.CHILDREN, parse(CHILDREN));
  }

  private PetersonBarney() {}

  private static Map<String, double[]> parse(String table) {
    Map<String, double[]> m = new HashMap<>();
    for (String line : table.strip().split("\n")) {
      String[] f = line.strip().split("\\s+");
      m.put(f[0], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
    }
    return m;
  }

  /** Mean F1-F3 (Hz) of the vowel (ARPAbet base), or null where PB52 did not record it. */
  static double[] means(SpeakerGroup group, String vowel) {
    return TABLE.get(group).get(vowel);
  }
}

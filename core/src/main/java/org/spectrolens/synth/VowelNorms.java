package org.spectrolens.synth;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Hillenbrand, Getty, Clark &amp; Wheeler (1995) steady-state vowel measurements: per group and
 * vowel, mean F0 and the mean and SD of F1-F4 (Hz), computed from the public {@code vowdata.dat}
 * (shared/DESIGN.md section 4 and reference/anchors-data.md 1.2-1.3).
 */
public final class VowelNorms {
  /** Means and SDs of one vowel in one group; index 0 of {@code mean}/{@code sd} is F1. */
  public record Stats(double f0, double[] mean, double[] sd, double durationMs) {
    public double mean(int formant) {
      return mean[formant - 1];
    }

    public double sd(int formant) {
      return sd[formant - 1];
    }
  }

  /** The five vowels the seed paper classifies, in ARPAbet. */
  public static final String[] TARGET_VOWELS = {"IY", "AE", "ER", "AA", "UW"};

  // vowel F0 F1 sd F2 sd F3 sd F4 sd duration
  private static final String MEN = """
      IY 139 343 28 2323 136 3001 201 3658 218 244
      AE 126 591 42 1930 133 2595 137 3642 292 272
      ER 131 475 29 1379 78 1711 108 3335 279 263
      AA 127 756 62 1309 111 2535 149 3684 265 261
      UW 144 380 33 992 113 2355 133 3378 294 237
      IH 136 429 31 2034 122 2687 129 3628 207 193
      EY 129 476 41 2090 140 2692 155 3649 283 267
      EH 127 588 41 1803 117 2604 139 3699 256 196
      AO 125 656 34 1023 66 2521 179 3520 214 275
      OW 130 498 43 910 98 2459 144 3384 219 266
      UH 133 469 28 1123 97 2435 127 3401 227 193
      AH 129 621 30 1181 87 2548 142 3564 212 194
      """;
  private static final String WOMEN = """
      IY 227 437 41 2761 147 3373 237 4353 420 307
      AE 214 676 69 2335 159 2973 200 4315 368 334
      ER 218 524 45 1588 126 1930 131 3914 367 322
      AA 212 921 97 1526 125 2832 177 4291 401 324
      UW 236 460 39 1106 205 2735 140 4116 335 304
      IH 225 484 34 2369 149 3057 190 4333 303 241
      EY 220 535 63 2526 154 3050 181 4308 321 321
      EH 213 727 74 2063 143 2953 189 4312 384 252
      AO 214 804 75 1188 129 2824 212 3946 250 351
      OW 218 555 81 1036 123 2828 187 3928 220 327
      UH 230 519 41 1229 145 2829 183 4061 244 249
      AH 218 760 58 1416 115 2901 173 4133 283 237
      """;
  private static final String CHILDREN = """
      IY 246 452 45 3082 191 3702 287 4572 251 298
      AE 229 718 90 2497 154 3289 240 4429 276 322
      ER 237 586 55 1721 130 2154 191 3794 345 309
      AA 231 992 129 1689 163 2937 259 4279 440 309
      UW 247 493 45 1404 335 2992 209 4268 273 281
      IH 240 513 38 2556 161 3409 196 4569 338 247
      EY 238 565 60 2649 163 3323 238 4420 386 314
      EH 230 740 97 2279 156 3297 202 4651 366 242
      AO 232 836 106 1303 161 2951 264 4017 248 321
      OW 238 599 65 1140 158 3006 203 4187 277 311
      UH 242 571 54 1506 180 3076 214 4305 273 247
      AH 234 738 89 1538 134 3126 210 4301 343 239
      """;

  private static final Map<SpeakerGroup, Map<String, Stats>> TABLE = new EnumMap<>(SpeakerGroup.class);

  static {
    TABLE.put(SpeakerGroup.MEN, parse(MEN));
    TABLE.put(SpeakerGroup.WOMEN, parse(WOMEN));
    TABLE.put(SpeakerGroup.CHILDREN, parse(CHILDREN));
  }

  private VowelNorms() {}

  private static Map<String, Stats> parse(String table) {
    Map<String, Stats> m = new HashMap<>();
    for (String line : table.strip().split("\n")) {
      String[] f = line.strip().split("\\s+");
      double[] v = new double[f.length - 1];
      for (int i = 1; i < f.length; i++) v[i - 1] = Double.parseDouble(f[i]);
      m.put(f[0], new Stats(v[0], new double[] {v[1], v[3], v[5], v[7]},
          new double[] {v[2], v[4], v[6], v[8]}, v[9]));
    }
    return m;
  }

  /** The statistics of a monophthong (ARPAbet base, no stress digit). */
  public static Stats of(SpeakerGroup group, String vowel) {
    Stats s = TABLE.get(group).get(vowel);
    if (s == null) throw new IllegalArgumentException("no Hillenbrand data for vowel " + vowel);
    return s;
  }

  /** The monophthongs Hillenbrand measured (ARPAbet bases). */
  static java.util.Set<String> vowels() {
    return TABLE.get(SpeakerGroup.MEN).keySet();
  }

  public static boolean has(String vowel) {
    return TABLE.get(SpeakerGroup.MEN).containsKey(vowel);
  }
}

package org.spectrolens.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A frequency band [fromHz, toHz) for band profiles. A map's rows belong to the bands that hold
 * their centre frequency.
 *
 * @param name e.g. {@code 0-250} or {@code F1 region}
 * @param fromHz lower edge (inclusive)
 * @param toHz upper edge (exclusive)
 */
public record FrequencyBand(String name, double fromHz, double toHz) {
  /** Default width of the uniform bands (Hz). */
  public static final double DEFAULT_WIDTH_HZ = 250;

  /** Bands of {@code widthHz} from 0 Hz until one reaches {@code topHz}. */
  public static List<FrequencyBand> uniform(double widthHz, double topHz) {
    if (!(widthHz > 0)) throw new IllegalArgumentException("band width must be positive: " + widthHz);
    List<FrequencyBand> out = new ArrayList<>();
    for (int k = 0; k * widthHz < topHz; k++) {
      double a = k * widthHz, b = (k + 1) * widthHz;
      out.add(new FrequencyBand(String.format(Locale.ROOT, "%.0f-%.0f", a, b), a, b));
    }
    return out;
  }

  /**
   * The paper's named regions, kept (and cut) where they meet [0, topHz): the F0 region (below 700 Hz: F0
   * and its first harmonics, the voicing cue), the F1 region (300-1100 Hz) and the F2 region
   * (850-3300 Hz), which span the F1 and F2 means of all five vowels and three speaker groups in
   * Hillenbrand et al. (1995), and 4000 Hz up (above the band the paper's second and third
   * experiments keep). The regions overlap, so their shares need not sum to 1.
   */
  public static List<FrequencyBand> named(double topHz) {
    List<FrequencyBand> all = List.of(new FrequencyBand("F0 region", 0, 700), new FrequencyBand("F1 region", 300, 1100),
        new FrequencyBand("F2 region", 850, 3300), new FrequencyBand("4000 Hz up", 4000, topHz));
    return all.stream().filter(b -> b.fromHz < topHz).map(b -> b.toHz > topHz ? new FrequencyBand(b.name, b.fromHz, topHz) : b).toList();
  }

  public boolean contains(double hz) {
    return hz >= fromHz && hz < toHz;
  }

  public double centreHz() {
    return 0.5 * (fromHz + toHz);
  }
}

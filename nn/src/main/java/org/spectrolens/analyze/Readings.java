package org.spectrolens.analyze;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The result types of an acoustic reading of explanation maps ({@link Analyzer}). */
public final class Readings {
  private Readings() {}

  /**
   * Formant and F0 alignment of one method's maps over a set of items (means and medians over
   * items; {@link MapMass#alignment}: 1 is chance, 1 / band share the most).
   *
   * @param n items with a defined formant alignment
   * @param formants mean alignment with the item's F1, F2 and F3 bands together
   * @param formantsMedian median of the same
   * @param f1 mean alignment with the F1 band alone
   * @param f2 mean alignment with the F2 band alone
   * @param f3 mean alignment with the F3 band alone
   * @param formantShare mean share of the grid the F1-F3 bands cover (so 1 / formantShare is the ceiling)
   * @param voiced items with F0 (a non-empty harmonics mask)
   * @param harmonics mean alignment with F0 and its harmonics below 700 Hz
   * @param harmonicsMedian median of the same
   * @param harmonicShare mean share of the grid those cells cover
   */
  public record Alignment(int n, double formants, @JsonProperty("formants_median") double formantsMedian, double f1,
      double f2, double f3, @JsonProperty("formant_share") double formantShare, int voiced, double harmonics,
      @JsonProperty("harmonics_median") double harmonicsMedian, @JsonProperty("harmonic_share") double harmonicShare) {}

  /**
   * Two classes: the overlap of their class-mean maps and how often the model confuses them.
   *
   * @param a first class
   * @param b second class
   * @param overlap histogram intersection of the class-mean maps (1 = same shape)
   * @param confusionAb share of class a's items predicted as b
   * @param confusionBa share of class b's items predicted as a
   */
  public record Pair(String a, String b, double overlap, @JsonProperty("confusion_ab") double confusionAb,
      @JsonProperty("confusion_ba") double confusionBa) {
    /** Mean of both directions. */
    public double confusion() {
      return 0.5 * (confusionAb + confusionBa);
    }
  }

  /** Common mass of two class-mean maps in one band ({@link MapMass#intersectionByBand}). */
  public record BandOverlap(String band, @JsonProperty("from_hz") double fromHz, @JsonProperty("to_hz") double toHz,
      double common) {}

  /** A much-confused pair and the bands where its class-mean maps overlap most. */
  public record ConfusedPair(String a, String b, double confusion, double overlap, List<BandOverlap> bands) {}

  /**
   * The paper's reading of confusion matrices as numbers: per pair of classes overlap beside
   * confusion, Spearman's rho between overlap and (two-way mean) confusion across pairs with its
   * permutation p-value, and the overlapping bands of the most confused pairs.
   */
  public record ConfusionOverlap(List<Pair> pairs, double spearman, @JsonProperty("permutation_p") double permutationP,
      int permutations, @JsonProperty("most_confused") List<ConfusedPair> mostConfused) {}

  /**
   * Everything read from one method's maps (or from a reference map such as the input's energy).
   *
   * @param method method id, or {@code energy} (the input grid itself, min-max scaled: what the
   *     spectrogram alone says)
   * @param reference true for a reference map, not an explanation method
   * @param classMeans [class][H][W] mean map over the items of each true class (written as .npy, not JSON)
   * @param bandProfile per class (and {@code all}): mean share of map mass per uniform band
   * @param namedBandProfile per class (and {@code all}): mean share per named band
   * @param alignment per class (and {@code all})
   * @param confusionOverlap pairs of classes
   * @param groupBandProfile per speaker group: mean share per uniform band over all its items
   * @param groupClassBandProfile per speaker group and class
   * @param emptyMaps items whose map has no mass (all zero after post-processing): no profile or alignment
   */
  public record MethodReading(String method, boolean reference, @JsonIgnore float[][][] classMeans,
      @JsonProperty("band_profile") Map<String, double[]> bandProfile,
      @JsonProperty("named_band_profile") Map<String, double[]> namedBandProfile,
      Map<String, Alignment> alignment,
      @JsonProperty("confusion_overlap") ConfusionOverlap confusionOverlap,
      @JsonProperty("group_band_profile") Map<String, double[]> groupBandProfile,
      @JsonProperty("group_class_band_profile") Map<String, Map<String, double[]>> groupClassBandProfile,
      @JsonProperty("empty_maps") int emptyMaps) {}

  /** Median F0 and F1-F3 (Hz) of a class's items, from the truth: the markers of the band-profile figure. */
  public record ClassTruth(int n, double f0, double f1, double f2, double f3) {}
}

package org.spectrolens.features;

import java.util.ArrayList;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.family.Family;

/**
 * The registry of {@link Feature}s by id. Adding one is one class and one {@link #register} call
 * (built-ins below; an extension calls {@code register} itself).
 */
public final class Features {
  private static final Family<Feature> FAMILY = new Family<>("feature", "features", List.of(new SpectralCentroid(),
      new SpectralBandwidth(), new SpectralRolloff(), new SpectralContrast(), new SpectralFlatness(), new OnsetStrength(),
      new ZeroCrossingRate(), new Rms(), new MfccFeature(), new MfccDelta(1), new MfccDelta(2), new Chroma(),
      new HarmonicPercussive()));

  private Features() {}

  /** The family: every registered feature, built-in ones first. */
  public static Family<Feature> family() {
    return FAMILY;
  }

  /** Adds a feature; its id must be new. */
  public static void register(Feature f) {
    FAMILY.register(f);
  }

  public static List<String> ids() {
    return FAMILY.ids();
  }

  /** The feature {@code id}, or the one-line error listing the known ones. */
  public static Feature of(String id) {
    return FAMILY.get(id);
  }

  /** The features named in {@code ids}, in order; a repeated id is refused. */
  public static List<Feature> of(List<String> ids) {
    if (ids.isEmpty()) throw SpectrolensException.ofParameter("features", "name at least one feature");
    List<Feature> out = new ArrayList<>();
    for (String id : ids) {
      String t = id.trim();
      if (out.stream().anyMatch(f -> f.id().equals(t))) throw SpectrolensException.ofParameter("features", "'" + t + "' is given twice");
      out.add(of(t));
    }
    return out;
  }

  /** Every feature of {@code list} computed on one analysis, columns in order. */
  public static FeatureTrack compute(List<Feature> list, Analysis a) {
    FeatureTrack out = null;
    for (Feature f : list) {
      FeatureTrack t = f.compute(a);
      out = out == null ? t : out.concat(t);
    }
    return out;
  }

  /** {@code id: description} lines for {@code --list}. */
  public static List<String> describe() {
    List<String> out = new ArrayList<>();
    for (Feature f : FAMILY.all()) out.add(String.format("%-12s %s", f.id(), f.description()));
    return out;
  }
}

package org.spectrolens.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;

/**
 * The registry of {@link Feature}s by id. Adding one is one class and one {@link #register} call
 * (built-ins below; an extension calls {@code register} itself).
 */
public final class Features {
  private static final Map<String, Feature> ALL = new LinkedHashMap<>();

  static {
    register(new SpectralCentroid());
    register(new SpectralBandwidth());
    register(new SpectralRolloff());
    register(new SpectralContrast());
    register(new SpectralFlatness());
    register(new OnsetStrength());
    register(new ZeroCrossingRate());
    register(new Rms());
    register(new MfccFeature());
    register(new MfccDelta(1));
    register(new MfccDelta(2));
    register(new Chroma());
    register(new HarmonicPercussive());
  }

  private Features() {}

  /** Adds (or replaces) a feature under its id. */
  public static synchronized void register(Feature f) {
    ALL.put(f.id(), f);
  }

  public static synchronized List<String> ids() {
    return List.copyOf(ALL.keySet());
  }

  /** The feature {@code id}, or the one-line error listing the known ones. */
  public static synchronized Feature of(String id) {
    Feature f = ALL.get(id);
    if (f == null) throw SpectrolensException.ofParameter("features", "unknown feature '" + id + "'; known: " + String.join(", ", ALL.keySet()));
    return f;
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
  public static synchronized List<String> describe() {
    List<String> out = new ArrayList<>();
    for (Feature f : ALL.values()) out.add(String.format("%-12s %s", f.id(), f.description()));
    return out;
  }
}

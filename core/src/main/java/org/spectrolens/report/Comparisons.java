package org.spectrolens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentences that compare the sections of one experiment, generated from their numbers: where the
 * same maps were localised at several layers, how much of each CAM method's relevance falls on
 * the truth at each (the evidence for the layer the maps are read at).
 */
final class Comparisons {
  private Comparisons() {}

  /** The comparisons an experiment's sections support (none when there is nothing to compare). */
  static List<String> of(Report.Experiment e) {
    List<String> out = new ArrayList<>();
    List<Section> loc = e.of("localisation").stream().filter(s -> !String.valueOf(s.numbers().get("layer")).isEmpty()).toList();
    if (loc.size() < 2) return out;
    Section first = loc.get(0);
    for (String method : first.numbers().keySet()) {
      if (!(first.numbers().get(method) instanceof Map<?, ?>)) continue;
      List<String> parts = new ArrayList<>();
      String best = null;
      double bestRatio = Double.NEGATIVE_INFINITY;
      for (Section s : loc) {
        Object v = s.numbers().get(method);
        double chance = ((Number) s.numbers().getOrDefault("chance", Double.NaN)).doubleValue();
        if (!(v instanceof Map<?, ?> m) || !(m.get("relevance_mass") instanceof Number mass) || !(chance > 0)) continue;
        double ratio = mass.doubleValue() / chance;
        parts.add(String.format(Locale.ROOT, "%.2f times chance at %s", ratio, s.numbers().get("layer")));
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = String.valueOf(s.numbers().get("layer"));
        }
      }
      if (parts.size() < 2) continue;
      out.add(String.format(Locale.ROOT, "Layer choice, %s: the share of its relevance on the truth region is %s; it localises best at %s.",
          method, String.join(", ", parts), best));
    }
    return out;
  }
}

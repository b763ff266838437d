package org.spectrolens.judge.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One map set's judged scores (a method's, or the random or energy map's), as written under
 * {@code methods} and {@code baselines} of {@code faithfulness.json} and {@code localisation.json}:
 * one key per metric id, in the order the metrics ran, then {@code seconds}, then (localisation) the
 * {@link Plateaus}. The metric keys are open: a metric registered from outside the library appears
 * here like the built-in ones.
 *
 * @param scores mean score by metric id (NaN where no item has one; written as {@code "NaN"})
 * @param seconds wall time of the maps and their metrics, s; null when the file has none
 * @param plateaus the plateau counts of the maximum (localisation with {@code max_tied_cells}); null otherwise
 */
public record MapScores(Map<String, Double> scores, Double seconds, Plateaus plateaus) {
  private static final String SECONDS = "seconds";

  public MapScores {
    scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
  }

  /** A metric's score, NaN when absent. */
  public double score(String id) {
    Double v = scores.get(id);
    return v == null ? Double.NaN : v;
  }

  /** The flat JSON object: scores, seconds, plateaus. */
  @JsonValue
  Map<String, Object> json() {
    Map<String, Object> out = new LinkedHashMap<>(scores);
    if (seconds != null) out.put(SECONDS, seconds);
    if (plateaus != null) {
      out.put(Plateaus.ITEMS, plateaus.items());
      out.put(Plateaus.WITH_TIED, plateaus.withTiedMaximum());
      out.put(Plateaus.LARGEST, plateaus.largest());
    }
    return out;
  }

  /** Reads the flat object: every number but {@code seconds} and the tie counts is a score. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static MapScores of(Map<String, Object> json) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : json.entrySet()) {
      String k = e.getKey();
      if (k.equals(SECONDS) || k.equals(Plateaus.ITEMS) || k.equals(Plateaus.WITH_TIED) || k.equals(Plateaus.LARGEST)) continue;
      if (Flat.isScore(e.getValue())) scores.put(k, Flat.number(e.getValue()));
    }
    Object s = json.get(SECONDS);
    Integer items = Flat.integer(json, Plateaus.ITEMS);
    Integer tied = Flat.integer(json, Plateaus.WITH_TIED);
    Integer largest = Flat.integer(json, Plateaus.LARGEST);
    Plateaus plateaus = items == null || tied == null || largest == null ? null : new Plateaus(items, tied, largest);
    return new MapScores(scores, s instanceof Number n ? n.doubleValue() : null, plateaus);
  }
}

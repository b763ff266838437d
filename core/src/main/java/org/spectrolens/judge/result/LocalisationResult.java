package org.spectrolens.judge.result;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code localisation.json}: how much of each method's maps lies where the evidence truly is,
 * beside the random and energy maps and the chance level of each metric.
 *
 * @param methods scores by method id, with the plateau counts of their maxima
 * @param baselines scores of the reference maps, {@code random} and {@code energy}
 * @param chance each metric's chance level (the truth region's share), by metric id
 * @param options what was judged and how (truth, region, tolerances, ...)
 */
public record LocalisationResult(Map<String, MapScores> methods, Map<String, MapScores> baselines, Map<String, Double> chance,
    JudgeRun options) {
  /** The file's name. */
  public static final String FILE = "localisation.json";

  public LocalisationResult {
    methods = methods == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    baselines = baselines == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    chance = chance == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(chance));
  }

  /** A metric's chance level, NaN when absent. */
  public double chance(String id) {
    Double v = chance.get(id);
    return v == null ? Double.NaN : v;
  }

  /** Every metric id scored for some map set, in the order they ran. */
  public List<String> metricIds() {
    return FaithfulnessResult.metricIds(methods, baselines);
  }

  /** Writes {@code DIR/localisation.json} (atomically). */
  public void write(Path dir) {
    ResultFiles.write(dir.resolve(FILE), this);
  }

  /** Reads a {@code localisation.json}; a missing or malformed file is one clear error. */
  public static LocalisationResult read(Path file) {
    return ResultFiles.read(file, LocalisationResult.class);
  }
}

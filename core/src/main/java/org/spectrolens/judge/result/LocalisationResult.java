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
 * @param regionShare the truth region's mean share of the grid over the items with truth (the
 *     denominator of every score: a map that knows nothing puts this much of its mass there);
 *     null where unknown (then read from {@code chance}'s relevance mass, which is the same share)
 */
public record LocalisationResult(Map<String, MapScores> methods, Map<String, MapScores> baselines, Map<String, Double> chance,
    JudgeRun options, @com.fasterxml.jackson.annotation.JsonProperty("region_share") Double regionShare) {
  /** The file's name. */
  public static final String FILE = "localisation.json";
  /**
   * Above this share of the grid, the truth region is too large for localisation to discriminate:
   * a map spread at random already scores about the share, and the gap to a perfect map is small
   * (F1-F3 with bandwidths cover about half of a 0-4000 Hz grid; issue 25).
   */
  public static final double UNDISCRIMINATING_SHARE = 0.4;

  /** A result whose region share is its relevance mass's chance level. */
  public LocalisationResult(Map<String, MapScores> methods, Map<String, MapScores> baselines, Map<String, Double> chance,
      JudgeRun options) {
    this(methods, baselines, chance, options, null);
  }

  public LocalisationResult {
    if (regionShare == null && chance != null && chance.get("relevance_mass") != null) regionShare = chance.get("relevance_mass");
    methods = methods == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    baselines = baselines == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
    chance = chance == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(chance));
  }

  /** A metric's chance level, NaN when absent. */
  public double chance(String id) {
    Double v = chance.get(id);
    return v == null ? Double.NaN : v;
  }

  /** The truth region's share of the grid, NaN when unknown. */
  public double share() {
    return regionShare == null ? Double.NaN : regionShare;
  }

  /** Whether the region covers so much of the grid ({@link #UNDISCRIMINATING_SHARE}) that localisation cannot discriminate. */
  public boolean regionTooLarge() {
    return share() > UNDISCRIMINATING_SHARE;
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

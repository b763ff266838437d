package org.spectrolens.judge.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code faithfulness.json}: every method's faithfulness and complexity scores beside the random
 * and energy maps, what was judged, and how long it took.
 *
 * @param methods scores by method id, in the order asked
 * @param baselines scores of the reference maps, {@code random} and {@code energy}
 * @param options what was judged and how (masking baseline, units, step, explain options, ...)
 * @param speed the run's time and forward passes; null in a file without it
 */
public record FaithfulnessResult(Map<String, MapScores> methods, Map<String, MapScores> baselines, JudgeRun options, Speed speed) {
  /** The file's name. */
  public static final String FILE = "faithfulness.json";

  public FaithfulnessResult {
    methods = methods == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    baselines = baselines == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
  }

  /**
   * How long the run took and how many inputs went through the network.
   *
   * @param seconds the whole study (maps and metrics), s
   * @param metricSeconds the metrics alone, s
   * @param forwardPasses inputs run through the network for the metrics
   * @param forwardPassesPerSecond {@code forwardPasses / metricSeconds}
   * @param threads engine threads
   */
  @JsonPropertyOrder({"seconds", "metric_seconds", "forward_passes", "forward_passes_per_second", "threads"})
  public record Speed(double seconds, @JsonProperty("metric_seconds") double metricSeconds,
      @JsonProperty("forward_passes") long forwardPasses, @JsonProperty("forward_passes_per_second") double forwardPassesPerSecond,
      int threads) {}

  /** How the inputs were masked, read from {@link #options}; fields the file lacks are null. */
  public Masking masking() {
    return Masking.of(options);
  }

  /** Every metric id scored for some map set, in the order they first appear (the order they ran). */
  public List<String> metricIds() {
    return metricIds(methods, baselines);
  }

  static List<String> metricIds(Map<String, MapScores> methods, Map<String, MapScores> baselines) {
    Set<String> ids = new LinkedHashSet<>();
    for (MapScores s : methods.values()) ids.addAll(s.scores().keySet());
    for (MapScores s : baselines.values()) ids.addAll(s.scores().keySet());
    return new ArrayList<>(ids);
  }

  /** Writes {@code DIR/faithfulness.json} (atomically). */
  public void write(Path dir) {
    ResultFiles.write(dir.resolve(FILE), this);
  }

  /** Reads a {@code faithfulness.json}; a missing or malformed file is one clear error. */
  public static FaithfulnessResult read(Path file) {
    return ResultFiles.read(file, FaithfulnessResult.class);
  }
}

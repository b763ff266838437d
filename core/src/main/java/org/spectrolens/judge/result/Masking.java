package org.spectrolens.judge.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrolens.io.Json;

/**
 * How faithfulness masked its inputs, the judging settings written flat into a result's
 * {@code options} ({@link JudgeRun}). The writer ({@code Judging}) and the readers (the report)
 * go through this one record, so that a key cannot be written under one name and read under
 * another (the report once read {@code grid} and {@code unit} where the file says {@code units}).
 *
 * @param baseline what a removed cell is replaced with ({@code floor}, ...)
 * @param units how the input was cut into removal units ({@code grid 32x32}, {@code band 16}, {@code full}, ...)
 * @param unitCount number of removal units
 * @param step fraction of the units removed per step of the curves
 * @param seed seed of every random step
 * @param roadNoise ROAD's imputation noise, as a fraction of each input's standard deviation
 * @param roadPercentages ROAD's removal percentages, as text
 * @param correlationRuns Faithfulness Correlation: random subsets per sample
 * @param correlationSubset Faithfulness Correlation: units per subset
 * @param toleranceHz pointing game: tolerance in Hz
 * @param toleranceMs pointing game: tolerance in ms
 */
@JsonPropertyOrder({"baseline", "units", "unit_count", "step", "seed", "road_noise", "road_percentages", "correlation_runs",
    "correlation_subset", "tolerance_hz", "tolerance_ms"})
public record Masking(String baseline, String units, @JsonProperty("unit_count") Integer unitCount, Double step, Long seed,
    @JsonProperty("road_noise") Double roadNoise, @JsonProperty("road_percentages") String roadPercentages,
    @JsonProperty("correlation_runs") Integer correlationRuns, @JsonProperty("correlation_subset") Integer correlationSubset,
    @JsonProperty("tolerance_hz") Double toleranceHz, @JsonProperty("tolerance_ms") Double toleranceMs) {

  /** The settings by their JSON keys, in order, for {@link JudgeRun#with(Map)}. */
  public Map<String, Object> settings() {
    return Json.MAPPER.convertValue(this, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /** The masking settings of a run; fields the run lacks are null (the seed is the run's own). */
  public static Masking of(JudgeRun run) {
    if (run == null) return new Masking(null, null, null, null, null, null, null, null, null, null, null);
    Masking m = Json.MAPPER.convertValue(run.settings(), Masking.class);
    return m.seed() != null || run.seed() == null ? m : new Masking(m.baseline, m.units, m.unitCount, m.step, run.seed(), m.roadNoise,
        m.roadPercentages, m.correlationRuns, m.correlationSubset, m.toleranceHz, m.toleranceMs);
  }
}

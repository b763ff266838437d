package org.spectrolens.judge.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was judged, the {@code options} block of every judging result: the model and data, the
 * sample, the methods, then the settings particular to the judgement (masking, units, truth, ...)
 * in the order they were given. Written flat.
 *
 * @param model model directory
 * @param data dataset cache directory
 * @param split the split the items were drawn from
 * @param samples items judged; null when the file has none
 * @param methods explanation method ids, in the order asked
 * @param layer the CAM methods' layer, or "last convolutional block"
 * @param seed seed of the sample and of every random step; null when the file has none
 * @param targets which class the maps explain ("predicted class")
 * @param settings every further setting by its JSON key (a setting named like a field above replaces it in place)
 */
public record JudgeRun(String model, String data, String split, Integer samples, List<String> methods, String layer, Long seed,
    String targets, Map<String, Object> settings) {
  private static final List<String> FIELDS = List.of("model", "data", "split", "samples", "methods", "layer", "seed", "targets");

  public JudgeRun {
    methods = methods == null ? List.of() : List.copyOf(methods);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** A run of the predicted classes' maps, without further settings yet. */
  public static JudgeRun of(String model, String data, String split, int samples, List<String> methods, String layer, long seed) {
    return new JudgeRun(model, data, split, samples, methods, layer == null ? "last convolutional block" : layer, seed, "predicted class",
        Map.of());
  }

  /** This run with more settings, after those it has (a key it has already is overwritten in place). */
  public JudgeRun with(Map<String, ?> more) {
    Map<String, Object> s = new LinkedHashMap<>(settings);
    s.putAll(more);
    return new JudgeRun(model, data, split, samples, methods, layer, seed, targets, s);
  }

  /** This run with one more setting. */
  public JudgeRun with(String key, Object value) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put(key, value); // a null value is written as null
    return with(s);
  }

  /** A setting as text, {@code fallback} when absent or null. */
  public String setting(String key, String fallback) {
    Object v = settings.get(key);
    return v == null ? fallback : v.toString();
  }

  @JsonValue
  Map<String, Object> json() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("model", model);
    o.put("data", data);
    o.put("split", split);
    o.put("samples", samples);
    o.put("methods", methods);
    o.put("layer", layer);
    o.put("seed", seed);
    o.put("targets", targets);
    o.putAll(settings);
    return o;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static JudgeRun of(Map<String, Object> json) {
    Map<String, Object> settings = new LinkedHashMap<>(json);
    FIELDS.forEach(settings::remove);
    List<String> methods = json.get("methods") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    return new JudgeRun(Flat.text(json, "model"), Flat.text(json, "data"), Flat.text(json, "split"), Flat.integer(json, "samples"), methods,
        Flat.text(json, "layer"), Flat.whole(json, "seed"), Flat.text(json, "targets"), settings);
  }
}

package org.spectrolens.explain.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.GridAxes;

/**
 * {@code explain.json}: what was explained (the model, the dataset split or the input files, the
 * input shape, the target and the CAM layer), the grid's axes, and per method its files, raw
 * shape, layer, settings and seconds.
 *
 * @param model model directory
 * @param data dataset cache the items came from; null (and not written) for file inputs
 * @param split the dataset split; null (and not written) for file inputs
 * @param inputs the input files and folders; null (and not written) for a dataset
 * @param inputShape the model input [C, H, W]
 * @param target the class asked (name or index), or null for each input's predicted class
 * @param layer the CAM methods' layer
 * @param count inputs explained
 * @param classes the model's classes
 * @param axes the input grid's axes; null for a grid without axes
 * @param methods per method, in the order asked
 * @param seconds wall time of the whole run, s
 * @param inputsPerSecond inputs explained per second
 * @param columnSeconds where the items' columns span different durations (segments resized in time
 *     to the fixed input width), the smallest and largest seconds per column over the items, each
 *     item's own in {@code items.csv}'s {@code time_step}; null (not written) when every item's
 *     columns span {@code axes}'s time step
 */
@JsonPropertyOrder({"model", "data", "split", "inputs", "input_shape", "target", "layer", "count", "classes", "axes", "methods", "seconds",
    "inputs_per_second", "column_seconds"})
public record ExplainResult(String model, @JsonInclude(JsonInclude.Include.NON_NULL) String data,
    @JsonInclude(JsonInclude.Include.NON_NULL) String split, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> inputs,
    @JsonProperty("input_shape") int[] inputShape, String target, String layer, int count, List<String> classes, GridAxes axes,
    Map<String, MethodFiles> methods, double seconds, @JsonProperty("inputs_per_second") double inputsPerSecond,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("column_seconds") double[] columnSeconds) {
  /** The file's name. */
  public static final String FILE = "explain.json";

  public ExplainResult {
    methods = methods == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(methods));
  }

  /**
   * One method's maps.
   *
   * @param file the maps on the input grid, {@code <method>.npy} [N, H, W]
   * @param rawFile the raw signed maps, {@code <method>.raw.npy} [N, h, w]
   * @param rawShape [h, w], the grid the method computes on
   * @param layer the layer a CAM method read; null for a method on the input
   * @param options the shared settings and the method's parameters that decided the maps
   * @param seconds wall time of the method, s
   * @param frequency what the maps resolve in frequency when it is not what the grid suggests (a
   *     layer without a frequency axis: its map is a time profile spread over every row); null
   *     (and absent from the JSON) otherwise
   */
  @JsonPropertyOrder({"file", "raw_file", "raw_shape", "layer", "options", "seconds", "frequency"})
  public record MethodFiles(String file, @JsonProperty("raw_file") String rawFile, @JsonProperty("raw_shape") int[] rawShape, String layer,
      Map<String, Object> options, double seconds, @JsonInclude(JsonInclude.Include.NON_NULL) String frequency) {
    /** What a CAM map on a layer of one row says about frequency: nothing, and the file says so. */
    public static final String TIME_ONLY = "none: the layer has no frequency axis (one row, e.g. a 1-D layer of a raw-waveform model),"
        + " so the map is a time profile spread over every row";

    /** Files whose maps resolve what their grid suggests. */
    public MethodFiles(String file, String rawFile, int[] rawShape, String layer, Map<String, Object> options, double seconds) {
      this(file, rawFile, rawShape, layer, options, seconds, null);
    }

    /** The same files with {@code more} seconds. */
    public MethodFiles plusSeconds(double more) {
      return new MethodFiles(file, rawFile, rawShape, layer, options, seconds + more, frequency);
    }
  }

  /**
   * What was explained, the first fields of the file.
   *
   * @param model model directory
   * @param data dataset cache, or null for file inputs
   * @param split dataset split, or null for file inputs
   * @param inputs input files and folders, or null for a dataset
   * @param inputShape the model input [C, H, W]
   * @param target the class asked, or null for the predicted class
   * @param layer the CAM methods' layer
   */
  public record Run(String model, String data, String split, List<String> inputs, int[] inputShape, String target, String layer) {}

  /** The result of {@code run}: its counts, classes, axes, methods and times. */
  public static ExplainResult of(Run run, int count, List<String> classes, GridAxes axes, Map<String, MethodFiles> methods, double seconds,
      double inputsPerSecond) {
    return of(run, count, classes, axes, methods, seconds, inputsPerSecond, null);
  }

  /** {@link #of(Run, int, List, GridAxes, Map, double, double)} with the items' range of seconds per column (null: one step for all). */
  public static ExplainResult of(Run run, int count, List<String> classes, GridAxes axes, Map<String, MethodFiles> methods, double seconds,
      double inputsPerSecond, double[] columnSeconds) {
    return new ExplainResult(run.model(), run.data(), run.split(), run.inputs(), run.inputShape(), run.target(), run.layer(), count, classes,
        axes, methods, seconds, inputsPerSecond, columnSeconds);
  }

  /** Whether the items' columns span different durations (segments resized in time), so no one cell duration holds. */
  public boolean stretched() {
    return columnSeconds != null && columnSeconds.length == 2 && columnSeconds[1] > columnSeconds[0] * 1.01;
  }

  /** Writes {@code DIR/explain.json} (atomically). */
  public void write(Path dir) {
    Json.write(dir.resolve(FILE), this);
  }

  /** Reads an {@code explain.json}; a missing or malformed file is one clear error. */
  public static ExplainResult read(Path file) {
    return Json.read(file, ExplainResult.class);
  }
}

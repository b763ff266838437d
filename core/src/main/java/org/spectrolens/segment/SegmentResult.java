package org.spectrolens.segment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.spectrolens.io.Json;

/**
 * {@code segment.json}, beside each input's labels and regions: how it was segmented and into how
 * many regions.
 *
 * @param input the input file
 * @param method the segmentation method's id
 * @param parameters the method's parameters by name
 * @param morphology the morphological steps after it, in order
 * @param floorQuantile the quantile of each band taken as its floor before segmenting; null when none was removed
 * @param levels what the levels were: {@code dB}, {@code dB (converted)} or {@code as given}
 * @param regions regions found
 */
@JsonPropertyOrder({"input", "method", "parameters", "morphology", "floor_quantile", "levels", "regions"})
public record SegmentResult(String input, String method, Map<String, Object> parameters, List<String> morphology,
    @JsonProperty("floor_quantile") Double floorQuantile, String levels, int regions) {
  /** The file's name. */
  public static final String FILE = "segment.json";

  /** Writes {@code DIR/segment.json} (atomically). */
  public void write(Path dir) {
    Json.write(dir.resolve(FILE), this);
  }

  /** Reads a {@code segment.json}; a missing or malformed file is one clear error. */
  public static SegmentResult read(Path file) {
    return Json.read(file, SegmentResult.class);
  }
}

package org.spectrolens.match;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import org.spectrolens.io.Json;

/**
 * {@code match.json}, beside the NCC map and the detections: what was matched and how many
 * detections were found.
 *
 * @param input the searched input
 * @param template the template's file
 * @param templateShape the template's [rows, columns]
 * @param threshold the NCC a detection reaches at least
 * @param maxOverlap the largest overlap (intersection over union) two kept detections may have
 * @param detections detections kept
 */
@JsonPropertyOrder({"input", "template", "template_shape", "threshold", "max_overlap", "detections"})
public record MatchResult(String input, String template, @JsonProperty("template_shape") List<Integer> templateShape, double threshold,
    @JsonProperty("max_overlap") double maxOverlap, int detections) {
  /** The file's name. */
  public static final String FILE = "match.json";

  /** Writes {@code DIR/match.json} (atomically). */
  public void write(Path dir) {
    Json.write(dir.resolve(FILE), this);
  }

  /** Reads a {@code match.json}; a missing or malformed file is one clear error. */
  public static MatchResult read(Path file) {
    return Json.read(file, MatchResult.class);
  }
}

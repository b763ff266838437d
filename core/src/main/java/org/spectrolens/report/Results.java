package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Json;

/** A result file's parsed JSON as its typed record (the same record the library wrote it from). */
final class Results {
  private Results() {}

  /** {@code json} as a {@code type}; a file whose fields have the wrong types is one clear error naming it. */
  static <T> T as(JsonNode json, Class<T> type, Path file) {
    try {
      return Json.MAPPER.treeToValue(json, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new SpectrolensException(file.toString(), "malformed " + file.getFileName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }
}

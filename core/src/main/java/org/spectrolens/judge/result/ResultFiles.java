package org.spectrolens.judge.result;

import java.nio.file.Path;
import org.spectrolens.io.Json;

/** Writing and reading one result record as its JSON file. */
final class ResultFiles {
  private ResultFiles() {}

  static void write(Path file, Object record) {
    Json.write(file, record);
  }

  static <T> T read(Path file, Class<T> type) {
    return Json.read(file, type);
  }
}

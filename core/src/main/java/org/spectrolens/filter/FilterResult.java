package org.spectrolens.filter;

import java.nio.file.Path;
import java.util.List;
import org.spectrolens.io.Json;

/**
 * {@code filter.json}, beside the filtered spectrograms: the chain and the inputs it ran on.
 *
 * @param filters each filter of the chain in its text form ({@code median:rows=5}), in order
 * @param inputs the input files
 */
public record FilterResult(List<String> filters, List<String> inputs) {
  /** The file's name. */
  public static final String FILE = "filter.json";

  /** Writes {@code DIR/filter.json} (atomically). */
  public void write(Path dir) {
    Json.write(dir.resolve(FILE), this);
  }

  /** Reads a {@code filter.json}; a missing or malformed file is one clear error. */
  public static FilterResult read(Path file) {
    return Json.read(file, FilterResult.class);
  }
}

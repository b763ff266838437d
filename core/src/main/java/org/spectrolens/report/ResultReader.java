package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Reads one kind of result file into a report section. One class per kind; {@link Report#READERS}
 * lists them. A reader finds its file by name ({@link #file()}) anywhere under the report's input
 * folders.
 */
public interface ResultReader {
  /** The result file's name ({@code faithfulness.json}). */
  String file();

  /**
   * The section for one such file, parsed as {@code json}; {@code dir} is its folder and
   * {@code label} that folder's path below the report's input folder (the section's title).
   */
  Section read(Path dir, String label, JsonNode json);
}

package org.spectrolens.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One section of a report: what a command wrote into one folder, read back.
 *
 * @param kind the kind of result (training, faithfulness, ...), the section's anchor
 * @param title the heading
 * @param source the file the section was read from
 * @param blocks text, tables and figures, in order
 * @param numbers the section's numbers by name (gathered into the report's JSON)
 */
public record Section(String kind, String title, Path source, List<Block> blocks, Map<String, Object> numbers) {}

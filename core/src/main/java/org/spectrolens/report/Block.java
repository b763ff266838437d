package org.spectrolens.report;

import java.nio.file.Path;
import java.util.List;

/** One piece of a report section: a sentence or paragraph, a table, or a figure (a PNG on disk). */
public sealed interface Block permits Block.Text, Block.Table, Block.Figure {
  /** Prose generated from the numbers. */
  record Text(String text) implements Block {}

  /** A table: a header row and rows of cells (already formatted). */
  record Table(String caption, List<String> header, List<List<String>> rows) implements Block {}

  /** A PNG figure with its caption. */
  record Figure(Path png, String caption) implements Block {}
}

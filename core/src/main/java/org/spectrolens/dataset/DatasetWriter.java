package org.spectrolens.dataset;

import org.spectrolens.io.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Directories;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;

/**
 * Builds a dataset cache so that an interrupted build never looks complete: items are written
 * into {@code <out>.partial} as they are computed (thread-safe, streaming), and {@link #finish}
 * writes the manifest and {@code dataset.json} last and then renames the directory into place
 * (replacing an older cache of the same name only at that moment).
 */
public final class DatasetWriter {
  private final Path out;
  private final Path partial;
  private final List<DatasetItem> items = Collections.synchronizedList(new ArrayList<>());

  public DatasetWriter(Path out) {
    this.out = out.toAbsolutePath().normalize();
    this.partial = Directories.partialOf(this.out);
    try {
      Directories.deleteTree(partial);
      Files.createDirectories(partial.resolve("items"));
    } catch (IOException e) {
      throw new SpectrolensException(partial.toString(), "cannot create: " + e.getMessage());
    }
  }

  /** Writes one item's grid [H][W] and records its manifest row ({@code item.file()} is set here). */
  public DatasetItem add(DatasetItem item, float[][] grid) {
    String file = "items/" + item.id() + ".npy";
    Npy.write(partial.resolve(file), grid);
    DatasetItem stored = new DatasetItem(item.id(), item.source(), item.start(), item.end(), item.label(),
        item.speaker(), item.split(), item.fold(), file, item.timeStart(), item.timeStep());
    items.add(stored);
    return stored;
  }

  /**
   * Writes manifest.csv (rows sorted by id, so the file does not depend on thread timing),
   * dataset.json and {@code extraJson} (file name to object, e.g. summary.json), then moves the
   * cache into place.
   */
  public CachedDataset finish(DatasetInfo info, java.util.Map<String, Object> extraJson) {
    List<DatasetItem> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(DatasetItem::id));
    StringBuilder csv = new StringBuilder(DatasetItem.HEADER).append('\n');
    for (DatasetItem i : sorted) {
      csv.append(String.join(",", Csv.field(i.id()), Csv.field(i.source()), num(i.start()), num(i.end()),
          Csv.field(i.label()), Csv.field(i.speaker()), i.split(), Integer.toString(i.fold()), i.file(),
          num(i.timeStart()), num(i.timeStep()))).append('\n');
    }
    AtomicFiles.writeString(partial.resolve("manifest.csv"), csv.toString());
    extraJson.forEach((name, value) -> Json.write(partial.resolve(name), value));
    Json.write(partial.resolve("dataset.json"), info);
    try {
      Directories.replace(partial, out);
    } catch (IOException e) {
      throw new SpectrolensException(out.toString(), "cannot move the finished cache into place: " + e.getMessage());
    }
    return CachedDataset.open(out);
  }

  /** Removes the partial cache (after a failed or interrupted build); an existing complete cache is untouched. */
  public void abort() {
    Directories.deleteTreeQuietly(partial);
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}

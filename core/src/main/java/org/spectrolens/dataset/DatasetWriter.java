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
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.io.OutputFolder;

/**
 * Builds a dataset cache so that an interrupted build never looks complete: an
 * {@link OutputFolder} (locked, marked {@code dataset}, staged in {@code <out>.partial}) receives
 * the items as they are computed (thread-safe, streaming), and {@link #finish} writes the manifest
 * and {@code dataset.json} last and then commits it (replacing an older cache only at that moment).
 * Either {@link #finish} or {@link #abort} must be called: they release the lock.
 */
public final class DatasetWriter {
  /** The command recorded in the output marker. */
  public static final String COMMAND = "dataset";

  private final Path out;
  private final Path partial;
  private final OutputFolder folder;
  private final List<DatasetItem> items = Collections.synchronizedList(new ArrayList<>());

  public DatasetWriter(Path out) {
    this(out, false);
  }

  /**
   * Locks and checks {@code out} at once (see {@link OutputFolder#create}).
   *
   * @param force replace another command's output folder, or write where an input lies
   * @param inputs the corpus and other files the build reads (null entries ignored)
   */
  public DatasetWriter(Path out, boolean force, Path... inputs) {
    this.folder = OutputFolder.create(out, COMMAND, force, inputs);
    this.out = folder.target();
    this.partial = folder.dir();
    try {
      Files.createDirectories(partial.resolve("items"));
    } catch (IOException e) {
      folder.close();
      throw new SpectrolensException(partial.toString(), "cannot create: " + e.getMessage());
    }
  }

  /** The final dataset folder (absolute). */
  public Path target() {
    return out;
  }

  /** Writes one item's grid [H][W] and records its manifest row ({@code item.file()} is set here). */
  public DatasetItem add(DatasetItem item, float[][] grid) {
    return add(item, Npy.Array.of(grid));
  }

  /**
   * Writes one item's channels [C][H][W] (as [H, W] when C = 1, the single-channel form) and
   * records its manifest row.
   */
  public DatasetItem add(DatasetItem item, float[][][] channels) {
    if (channels.length == 1) return add(item, channels[0]);
    int[] shape = {channels.length, channels[0].length, channels[0][0].length};
    return add(item, new Npy.Array(shape, org.spectrolens.dataset.channels.ChannelStack.flatten(channels)));
  }

  private DatasetItem add(DatasetItem item, Npy.Array values) {
    DatasetItem stored = write(partial, item, values);
    items.add(stored);
    return stored;
  }

  /**
   * Writes one item's channels into the cache folder being written at {@code partial} (its
   * {@link #partial()}; another process's, when a build runs in parts) and returns its manifest row:
   * the file is the item's own, so a part written twice leaves it once.
   */
  public static DatasetItem write(Path partial, DatasetItem item, float[][][] channels) {
    Npy.Array values = channels.length == 1 ? Npy.Array.of(channels[0])
        : new Npy.Array(new int[] {channels.length, channels[0].length, channels[0][0].length},
            org.spectrolens.dataset.channels.ChannelStack.flatten(channels));
    return write(partial, item, values);
  }

  private static DatasetItem write(Path partial, DatasetItem item, Npy.Array values) {
    String file = "items/" + item.id() + ".npy";
    Npy.write(partial.resolve(file), values);
    return new DatasetItem(item.id(), item.source(), item.start(), item.end(), item.label(),
        item.speaker(), item.split(), item.fold(), file, item.timeStart(), item.timeStep(), item.sourceRate());
  }

  /** The folder being written (published as {@link #target} by {@link #finish}). */
  public Path partial() {
    return partial;
  }

  /** Records the manifest row of an item whose grid another process wrote into {@link #partial} ({@link #write}). */
  public void adopt(DatasetItem stored) {
    items.add(stored);
  }

  /**
   * Writes manifest.csv (rows sorted by id, so the file does not depend on thread timing),
   * dataset.json and {@code extraJson} (file name to object, e.g. summary.json), then moves the
   * cache into place.
   */
  public CachedDataset finish(DatasetInfo info, java.util.Map<String, Object> extraJson) {
    return finish(info, extraJson, null);
  }

  /** The same, with {@code alsoWrite} (null: nothing) adding files to the cache once its manifest is written, before it moves into place. */
  public CachedDataset finish(DatasetInfo info, java.util.Map<String, Object> extraJson, java.util.function.Consumer<Path> alsoWrite) {
    List<DatasetItem> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(DatasetItem::id));
    StringBuilder csv = new StringBuilder(DatasetItem.HEADER).append('\n');
    for (DatasetItem i : sorted) {
      csv.append(String.join(",", Csv.field(i.id()), Csv.field(i.source()), num(i.start()), num(i.end()),
          Csv.field(i.label()), Csv.field(i.speaker()), i.split(), Integer.toString(i.fold()), i.file(),
          num(i.timeStart()), num(i.timeStep()), Integer.toString(i.sourceRate()))).append('\n');
    }
    AtomicFiles.writeString(partial.resolve("manifest.csv"), csv.toString());
    extraJson.forEach((name, value) -> Json.write(partial.resolve(name), value));
    Json.write(partial.resolve("dataset.json"), info);
    if (alsoWrite != null) alsoWrite.accept(partial);
    try {
      folder.commit();
    } finally {
      folder.close();
    }
    return CachedDataset.open(out);
  }

  /** Removes the partial cache (after a failed or interrupted build); an existing complete cache is untouched. */
  public void abort() {
    folder.close();
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }
}

package org.spectrolens.dataset;

import org.spectrolens.io.Csv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.IoErrors;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * A dataset cache on disk, read back: {@code dataset.json} (front end, classes, split),
 * {@code manifest.csv} (one {@link DatasetItem} per row) and {@code items/<id>.npy} (float32
 * [H, W] model-input grids, row 0 the lowest frequency). Training, evaluation and explanation
 * all read the same cache, so none of them recomputes a spectrogram.
 */
public final class CachedDataset {
  private final Path dir;
  private final DatasetInfo info;
  private final List<DatasetItem> items;

  private CachedDataset(Path dir, DatasetInfo info, List<DatasetItem> items) {
    this.dir = dir;
    this.info = info;
    this.items = List.copyOf(items);
  }

  public static CachedDataset open(Path dir) {
    if (!Files.isDirectory(dir)) throw new SpectrolensException(dir.toString(), "no such dataset directory");
    Path json = dir.resolve("dataset.json");
    if (!Files.isRegularFile(json)) {
      throw new SpectrolensException(dir.toString(), "not a dataset (no dataset.json; build one with 'spectrolens dataset')");
    }
    DatasetInfo info = Json.read(json, DatasetInfo.class);
    if (info.format() != DatasetInfo.FORMAT) {
      throw new SpectrolensException(json.toString(), "dataset format " + info.format() + ", expected " + DatasetInfo.FORMAT);
    }
    return new CachedDataset(dir, info, readManifest(dir.resolve("manifest.csv")));
  }

  public Path dir() {
    return dir;
  }

  public DatasetInfo info() {
    return info;
  }

  public List<String> classes() {
    return info.classes();
  }

  public List<DatasetItem> items() {
    return items;
  }

  /** Items of one split ("train" or "test"); "all" gives every item. */
  public List<DatasetItem> items(String split) {
    if ("all".equals(split)) return items;
    return items.stream().filter(i -> i.split().equals(split)).toList();
  }

  /** Index of the item's label in {@link #classes()}. */
  public int labelIndex(DatasetItem item) {
    int k = info.classes().indexOf(item.label());
    if (k < 0) throw new SpectrolensException(dir.toString(), "item " + item.id() + " has unknown label " + item.label());
    return k;
  }

  /** The cached grid of an item, [H][W]. */
  public float[][] load(DatasetItem item) {
    Npy.Array a = Npy.read(dir.resolve(item.file()));
    if (a.shape().length != 2 || a.shape()[0] != info.height() || a.shape()[1] != info.width()) {
      throw new SpectrolensException(dir.resolve(item.file()).toString(), "shape "
          + java.util.Arrays.toString(a.shape()) + ", expected [" + info.height() + ", " + info.width() + "]");
    }
    return a.toMatrix();
  }

  /** The cached grid of an item with its axes: rows in Hz, columns in seconds of the source. */
  public Spectrogram spectrogram(DatasetItem item) {
    return new Spectrogram(load(item), info.frequencyAxis(),
        TimeAxis.of(item.timeStart(), item.timeStep(), info.width()), info.spec());
  }

  static List<DatasetItem> readManifest(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpectrolensException(csv.toString(), "cannot read manifest: " + IoErrors.reason(e));
    }
    if (lines.isEmpty() || !lines.get(0).equals(DatasetItem.HEADER)) {
      throw new SpectrolensException(csv.toString(), "line 1: expected header '" + DatasetItem.HEADER + "'");
    }
    List<DatasetItem> out = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) continue;
      List<String> f = Csv.split(line);
      if (f.size() != 11) {
        throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": expected 11 fields, found " + f.size());
      }
      try {
        out.add(new DatasetItem(f.get(0), f.get(1), Double.parseDouble(f.get(2)), Double.parseDouble(f.get(3)),
            f.get(4), f.get(5), f.get(6), Integer.parseInt(f.get(7)), f.get(8),
            Double.parseDouble(f.get(9)), Double.parseDouble(f.get(10))));
      } catch (NumberFormatException e) {
        throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": bad number (" + e.getMessage() + ")");
      }
    }
    return out;
  }
}

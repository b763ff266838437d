package org.spectrolens.dataset;

import org.spectrolens.io.Csv;
import java.io.IOException;
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
 * [H, W] model-input grids, row 0 the lowest frequency; [C, H, W] in a dataset with input
 * channels, channel c being {@code dataset.json}'s {@code channels[c]}). Training, evaluation and explanation
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
    info.check(json.toString());
    return new CachedDataset(dir, info, checked(info, readManifest(dir.resolve("manifest.csv")), dir.resolve("manifest.csv")));
  }

  /** Every item's label is a class, its split train or test, its grid a file inside the dataset, its times finite. */
  private static List<DatasetItem> checked(DatasetInfo info, List<DatasetItem> items, Path csv) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int n = 0; n < items.size(); n++) {
      DatasetItem i = items.get(n);
      String where = "item " + (i.id().isEmpty() ? "#" + (n + 1) : "'" + i.id() + "'");
      if (!ids.add(i.id())) throw new SpectrolensException(csv.toString(), where + " is listed twice");
      if (!info.classes().contains(i.label())) {
        throw new SpectrolensException(csv.toString(), where + " has label '" + i.label() + "', which is not a class of dataset.json");
      }
      if (!i.split().equals("train") && !i.split().equals("test")) {
        throw new SpectrolensException(csv.toString(), where + " has split '" + i.split() + "'; expected train or test");
      }
      Path f;
      try {
        f = Path.of(i.file()).normalize();
      } catch (java.nio.file.InvalidPathException e) {
        f = Path.of("..");
      }
      if (i.file().isEmpty() || f.isAbsolute() || f.startsWith("..")) {
        throw new SpectrolensException(csv.toString(), where + ": file '" + i.file() + "' is not a path inside the dataset");
      }
      for (double v : new double[] {i.start(), i.end(), i.timeStart(), i.timeStep()}) {
        if (!Double.isFinite(v)) throw new SpectrolensException(csv.toString(), where + ": times must be finite numbers, found " + v);
      }
    }
    return items;
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

  /**
   * The cached grid of an item, [H][W]: in a multi-channel dataset, channel 0 (the picture drawn
   * under maps; the model input is {@link #loadChannels}).
   */
  public float[][] load(DatasetItem item) {
    float[] flat = loadChannels(item);
    int h = info.height();
    int w = info.width();
    float[][] g = new float[h][w];
    for (int y = 0; y < h; y++) System.arraycopy(flat, y * w, g[y], 0, w);
    return g;
  }

  /** Every channel of an item, flat [C*H*W] in C order (channel c, row y, column x at {@code (c*H + y)*W + x}). */
  public float[] loadChannels(DatasetItem item) {
    Npy.Array a = Npy.read(dir.resolve(item.file()));
    int c = info.channelCount();
    int[] want = c == 1 ? new int[] {info.height(), info.width()} : new int[] {c, info.height(), info.width()};
    if (!java.util.Arrays.equals(a.shape(), want)) {
      throw new SpectrolensException(dir.resolve(item.file()).toString(), "shape "
          + java.util.Arrays.toString(a.shape()) + ", expected " + java.util.Arrays.toString(want));
    }
    return a.data();
  }

  /** The cached grid of an item with its axes: rows in Hz, columns in seconds of the source. */
  public Spectrogram spectrogram(DatasetItem item) {
    return new Spectrogram(load(item), info.frequencyAxis(),
        TimeAxis.of(item.timeStart(), item.timeStep(), info.width()), info.spec());
  }

  static List<DatasetItem> readManifest(Path csv) {
    List<String> lines;
    try {
      lines = Csv.readLines(csv);
    } catch (IOException e) {
      throw new SpectrolensException(csv.toString(), "cannot read manifest: " + IoErrors.reason(e));
    }
    boolean withRate = !lines.isEmpty() && lines.get(0).equals(DatasetItem.HEADER);
    if (!withRate && (lines.isEmpty() || !lines.get(0).equals(DatasetItem.HEADER_WITHOUT_RATE))) {
      throw new SpectrolensException(csv.toString(), "line 1: expected header '" + DatasetItem.HEADER + "'");
    }
    int fields = withRate ? 12 : 11;
    List<DatasetItem> out = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) continue;
      List<String> f = Csv.split(line);
      if (f.size() != fields) {
        throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": expected " + fields + " fields, found " + f.size());
      }
      try {
        out.add(new DatasetItem(f.get(0), f.get(1), Double.parseDouble(f.get(2)), Double.parseDouble(f.get(3)),
            f.get(4), f.get(5), f.get(6), Integer.parseInt(f.get(7)), f.get(8),
            Double.parseDouble(f.get(9)), Double.parseDouble(f.get(10)), withRate ? Integer.parseInt(f.get(11)) : 0));
      } catch (NumberFormatException e) {
        throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": bad number (" + e.getMessage() + ")");
      }
    }
    return out;
  }
}

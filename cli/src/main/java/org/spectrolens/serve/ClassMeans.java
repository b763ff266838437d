package org.spectrolens.serve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.GridAxes;
import org.spectrolens.spectrogram.TimeAxis;
import org.spectrolens.truth.SegmentTruth;
import org.spectrolens.truth.TruthReader;
import org.spectrolens.truth.TruthSource;

/**
 * The compare view's class means ({@code GET /api/means?run=&method=}): per class, the mean of one
 * method's maps over the class's items with maps (on the input grid, each column timed from its
 * item's start, as {@code analyze}'s {@code class_means}), and the class's F0 and F1-F3: the median
 * over its items of each item's median over its frames, from the synthesiser's truth where the
 * corpus has it under a served folder, else from the project's formant trackers, on at most
 * {@link #TRACKED} items of each class (a tracker reads the recording: thousands would take minutes).
 */
final class ClassMeans {
  /** Items of a class whose formants are read for its medians. */
  static final int TRACKED = 64;

  /** A class's median F0 and F1-F3 in Hz (null where no item has one), over {@code n} items, and where they come from. */
  record Truth(String origin, int n, Double f0, Double f1, Double f2, Double f3) {}

  /** One class: its items with maps ({@code n}), their mean map (columns in s from the item's start), its formants. */
  record ClassMean(@JsonProperty("class") String cls, int n, ItemView.Grid grid, Truth truth) {}

  record Means(String run, String method, List<ClassMean> classes) {}

  private ClassMeans() {}

  static Means of(ExplorerRun run, String method, ServedFolders folders) {
    List<String> classes = run.dataset().classes();
    int k = classes.size();
    float[][][] sum = null;
    int[] n = new int[k];
    FrequencyAxis rows = null;
    double start = 0, step = 0;
    int timed = 0;
    List<List<DatasetItem>> members = new ArrayList<>();
    for (int c = 0; c < k; c++) members.add(new ArrayList<>());
    for (DatasetItem item : run.items().values()) {
      int c = classes.indexOf(item.label());
      if (c < 0) continue;
      ItemView.ItemMap m = ItemView.map(run, item, method);
      if (m == null) continue;
      float[][] v = m.values();
      if (sum == null) {
        sum = new float[k][v.length][v[0].length];
        rows = m.axes() == null ? null : m.axes().frequencies();
      }
      if (v.length != sum[0].length || v[0].length != sum[0][0].length) continue; // another grid: not averaged with these
      for (int r = 0; r < v.length; r++) for (int t = 0; t < v[r].length; t++) sum[c][r][t] += v[r][t];
      n[c]++;
      members.get(c).add(item);
      TimeAxis times = m.axes() == null ? null : m.axes().times();
      if (times != null) {
        start += times.start() - (Double.isNaN(item.start()) ? 0 : item.start());
        step += times.step();
        timed++;
      }
    }
    if (sum == null) throw ApiError.notFound("method: no item of run '" + run.id() + "' has a map of '" + method + "'");
    int h = sum[0].length, w = sum[0][0].length;
    TimeAxis times = timed == 0 ? null : TimeAxis.of(start / timed, step / timed, w);
    GridAxes axes = rows == null ? null : GridAxes.of(rows, times);
    List<ClassMean> out = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      if (n[c] == 0) continue;
      float[][] mean = new float[h][w];
      for (int r = 0; r < h; r++) for (int t = 0; t < w; t++) mean[r][t] = sum[c][r][t] / n[c];
      out.add(new ClassMean(classes.get(c), n[c], ItemView.Grid.of(mean, axes, times), truth(members.get(c), folders)));
    }
    return new Means(run.id(), method, out);
  }

  /** The class's median formants over its first {@link #TRACKED} items whose recordings are served; null where none is. */
  static Truth truth(List<DatasetItem> items, ServedFolders folders) {
    List<double[]> medians = new ArrayList<>();
    TruthSource origin = null;
    TruthReader synth = TruthReader.synth(), tracker = TruthReader.of(TruthSource.TRACKER);
    for (DatasetItem item : items) {
      if (medians.size() >= TRACKED) break;
      Path source = folders.inside(Path.of(item.source()));
      if (source == null) continue;
      boolean truthFile = ItemView.synthTruth(folders, source);
      try {
        SegmentTruth t = (truthFile ? synth : tracker).forSegment(source, item.start(), item.end());
        medians.add(new double[] {t.medianF0(), t.medianFormant(1), t.medianFormant(2), t.medianFormant(3)});
        origin = origin == null || origin == t.origin() ? t.origin() : null;
      } catch (RuntimeException e) {
        // a segment the tracker cannot read (too short): left out of the medians
      }
    }
    if (medians.isEmpty()) return null;
    return new Truth(origin == null ? "synth and tracker" : origin.id(), medians.size(), median(medians, 0), median(medians, 1), median(medians, 2),
        median(medians, 3));
  }

  private static Double median(List<double[]> rows, int field) {
    double[] v = rows.stream().mapToDouble(r -> r[field]).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) return null;
    return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
  }
}

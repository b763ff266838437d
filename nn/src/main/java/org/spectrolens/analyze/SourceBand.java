package org.spectrolens.analyze;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.truth.TruthMasks;

/**
 * The rows of a grid that hold signal of every item read: those below the lowest source rate's
 * Nyquist frequency (issue 25). An 8 kHz recording resampled to the front end's 22,050 Hz has
 * nothing above 4000 Hz, so on a grid reaching higher its rows there are empty by construction:
 * band profiles would give them a share of zero that says nothing about the model, and alignment
 * would count their cells in the chance level. Readings therefore use rows {@code [0, rows)} only;
 * the class-mean maps keep every row and the figure marks the edge.
 *
 * @param rows rows read (every row when nothing is excluded)
 * @param topHz the upper edge of what is read: the lowest source Nyquist frequency, or the grid's
 *     top when nothing is excluded
 * @param sourceRate the lowest source rate, 0 when unknown (caches without {@code source_rate})
 * @param height the grid's rows
 */
public record SourceBand(int rows, double topHz, int sourceRate, int height) {
  /** The band of {@code items} on a grid with these rows (row 0 the lowest frequency). */
  public static SourceBand of(List<DatasetItem> items, FrequencyAxis grid) {
    int h = grid.length();
    double gridTop = grid.upperEdgeHz(h - 1);
    int lowest = items.stream().mapToInt(DatasetItem::sourceRate).filter(r -> r > 0).min().orElse(0);
    double nyquist = lowest / 2.0;
    if (lowest == 0 || nyquist >= gridTop) return new SourceBand(h, gridTop, lowest, h);
    // A row holds signal when its centre lies below Nyquist (its lower part does).
    int rows = 0;
    while (rows < h && grid.hz(rows) < nyquist) rows++;
    return new SourceBand(Math.max(1, rows), nyquist, lowest, h);
  }

  /** True when rows at the grid's top are left out. */
  public boolean excludes() {
    return rows < height;
  }

  /** The grid's rows {@code [0, rows)} (the same arrays, no copy). */
  public float[][] crop(float[][] map) {
    return excludes() ? Arrays.copyOf(map, rows) : map;
  }

  /** The masks' rows {@code [0, rows)}. */
  public TruthMasks crop(TruthMasks m) {
    if (m == null || !excludes()) return m;
    return new TruthMasks(Arrays.copyOf(m.f1(), rows), Arrays.copyOf(m.f2(), rows), Arrays.copyOf(m.f3(), rows),
        Arrays.copyOf(m.formants(), rows), Arrays.copyOf(m.harmonics(), rows));
  }

  /** The note written with the results, or null when nothing is excluded. */
  public String note() {
    if (!excludes()) return null;
    return String.format(Locale.ROOT, "rows above %.0f Hz (%d of %d) hold no signal of the %d Hz recordings (resampled to the "
        + "front end's rate): class-mean maps mark them, band profiles, alignment and overlap leave them out", topHz, height - rows,
        height, sourceRate);
  }
}

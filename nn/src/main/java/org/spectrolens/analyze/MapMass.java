package org.spectrolens.analyze;

import java.util.List;
import org.spectrolens.spectrogram.FrequencyAxis;

/**
 * How a map's mass (the sum of its non-negative values; maps are [H][W] with row 0 the lowest
 * frequency, values in [0, 1] as explanation maps are) is spread over a grid: per band, inside a
 * mask, and shared with another map.
 */
public final class MapMass {
  private MapMass() {}

  /** Sum of all cells (negative cells count as 0). */
  public static double total(float[][] map) {
    double s = 0;
    for (float[] row : map) for (float v : row) if (v > 0) s += v;
    return s;
  }

  /**
   * Share of the map's mass in each band. Each row's mass is split over the bands in proportion
   * to the part of the row's extent (lower to upper edge in Hz, clipped at 0 Hz) inside each, so
   * bands narrower than a few rows get no aliasing from how many row centres they happen to hold.
   * NaN for every band when the map has no mass.
   */
  public static double[] bandShares(float[][] map, FrequencyAxis rows, List<FrequencyBand> bands) {
    double[] rowMass = new double[map.length];
    for (int r = 0; r < map.length; r++) for (float v : map[r]) if (v > 0) rowMass[r] += v;
    double[] out = spread(rowMass, rows, bands);
    double total = java.util.Arrays.stream(rowMass).sum();
    for (int b = 0; b < out.length; b++) out[b] = total > 0 ? out[b] / total : Double.NaN;
    return out;
  }

  /** Per-row amounts spread over the bands by the overlap of each row's extent with each band. */
  static double[] spread(double[] perRow, FrequencyAxis rows, List<FrequencyBand> bands) {
    double[] out = new double[bands.size()];
    for (int r = 0; r < perRow.length; r++) {
      if (perRow[r] == 0) continue;
      double lo = Math.max(0, rows.lowerEdgeHz(r)), hi = rows.upperEdgeHz(r);
      for (int b = 0; b < bands.size(); b++) {
        FrequencyBand band = bands.get(b);
        double part = hi > lo ? Math.max(0, Math.min(hi, band.toHz()) - Math.max(lo, band.fromHz())) / (hi - lo)
            : (band.contains(rows.hz(r)) ? 1 : 0);
        out[b] += perRow[r] * part;
      }
    }
    return out;
  }

  /**
   * Alignment with a mask: (share of the map's mass inside the mask) / (share of the grid's
   * cells the mask covers). 1 is chance (a uniform map), above 1 means the map goes to the
   * mask, at most 1 / (mask share) for a map entirely inside it. NaN when the mask is empty or
   * covers the whole grid, or the map has no mass.
   */
  public static double alignment(float[][] map, boolean[][] mask) {
    double total = 0, inside = 0;
    long cells = 0, on = 0;
    for (int r = 0; r < map.length; r++) {
      for (int c = 0; c < map[r].length; c++) {
        double v = map[r][c] > 0 ? map[r][c] : 0;
        total += v;
        cells++;
        if (mask[r][c]) {
          inside += v;
          on++;
        }
      }
    }
    if (on == 0 || on == cells || !(total > 0)) return Double.NaN;
    return (inside / total) / ((double) on / cells);
  }

  /**
   * Histogram intersection of two maps, each scaled to unit mass: the sum over cells of the
   * smaller share, 1 for maps of the same shape, 0 for maps without common support. NaN when
   * either has no mass.
   */
  public static double intersection(float[][] a, float[][] b) {
    double ta = total(a), tb = total(b), s = 0;
    if (!(ta > 0) || !(tb > 0)) return Double.NaN;
    for (int r = 0; r < a.length; r++) {
      for (int c = 0; c < a[r].length; c++) s += Math.min(Math.max(a[r][c], 0) / ta, Math.max(b[r][c], 0) / tb);
    }
    return s;
  }

  /** The intersection of {@link #intersection} split by band (rows spread as in {@link #bandShares}). */
  public static double[] intersectionByBand(float[][] a, float[][] b, FrequencyAxis rows, List<FrequencyBand> bands) {
    double ta = total(a), tb = total(b);
    if (!(ta > 0) || !(tb > 0)) {
      double[] out = new double[bands.size()];
      java.util.Arrays.fill(out, Double.NaN);
      return out;
    }
    double[] common = new double[a.length];
    for (int r = 0; r < a.length; r++) {
      for (int c = 0; c < a[r].length; c++) common[r] += Math.min(Math.max(a[r][c], 0) / ta, Math.max(b[r][c], 0) / tb);
    }
    return spread(common, rows, bands);
  }
}

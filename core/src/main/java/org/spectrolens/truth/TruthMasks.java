package org.spectrolens.truth;

import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * Where the acoustic evidence of one segment lies on a model-input grid, as boolean [H][W] masks
 * (row 0 the lowest frequency, as the grid). A cell belongs to a band when its row's extent
 * (from its lower to its upper edge in Hz, so every band hits at least one row) overlaps the
 * band, at the segment's value at the column's centre time (nearest truth frame); columns whose
 * centre lies outside the segment, or where a value is undefined, are all false.
 *
 * @param f1 cells within F1 +/- B1
 * @param f2 cells within F2 +/- B2
 * @param f3 cells within F3 +/- B3
 * @param formants the union of f1, f2, f3
 * @param harmonics cells containing F0 or one of its harmonics k F0 below {@link #HARMONICS_MAX_HZ}
 *     (voiced columns only; empty for a voiceless segment)
 */
public record TruthMasks(boolean[][] f1, boolean[][] f2, boolean[][] f3, boolean[][] formants, boolean[][] harmonics) {
  /** Harmonics are marked up to this frequency: the paper's voicing region (below 700 Hz). */
  public static final double HARMONICS_MAX_HZ = 700;

  /** The masks of a segment on a grid with these axes ([frequency rows][time columns]). */
  public static TruthMasks of(SegmentTruth truth, FrequencyAxis rows, TimeAxis columns) {
    boolean[][] m1 = formantBand(truth, 1, rows, columns);
    boolean[][] m2 = formantBand(truth, 2, rows, columns);
    boolean[][] m3 = formantBand(truth, 3, rows, columns);
    boolean[][] all = new boolean[rows.length()][columns.length()];
    for (int r = 0; r < all.length; r++) {
      for (int c = 0; c < all[r].length; c++) all[r][c] = m1[r][c] || m2[r][c] || m3[r][c];
    }
    return new TruthMasks(m1, m2, m3, all, harmonics(truth, HARMONICS_MAX_HZ, rows, columns));
  }

  /** Cells within formant {@code k} (1..3) plus or minus its bandwidth. */
  public static boolean[][] formantBand(SegmentTruth truth, int k, FrequencyAxis rows, TimeAxis columns) {
    double[] lower = lowerEdges(rows), upper = upperEdges(rows);
    boolean[][] m = new boolean[rows.length()][columns.length()];
    for (int c = 0; c < columns.length(); c++) {
      double t = columns.seconds(c);
      double f = truth.formantAt(k, t), b = truth.bandwidthAt(k, t);
      if (Double.isNaN(f)) continue;
      double half = Double.isNaN(b) ? 0 : b;
      mark(m, c, f - half, f + half, lower, upper);
    }
    return m;
  }

  /** Cells that contain F0 or a harmonic k F0 <= maxHz, in voiced columns. */
  public static boolean[][] harmonics(SegmentTruth truth, double maxHz, FrequencyAxis rows, TimeAxis columns) {
    double[] lower = lowerEdges(rows), upper = upperEdges(rows);
    boolean[][] m = new boolean[rows.length()][columns.length()];
    for (int c = 0; c < columns.length(); c++) {
      double f0 = truth.f0At(columns.seconds(c));
      if (!(f0 > 0)) continue;
      for (int k = 1; k * f0 <= maxHz; k++) mark(m, c, k * f0, k * f0, lower, upper);
    }
    return m;
  }

  /** Fraction of a mask's cells that are true (0 for an empty grid). */
  public static double share(boolean[][] mask) {
    long on = 0, all = 0;
    for (boolean[] row : mask) {
      for (boolean v : row) if (v) on++;
      all += row.length;
    }
    return all == 0 ? 0 : on / (double) all;
  }

  /**
   * Marks the rows whose extent [lower, upper) overlaps the open band (from, to), or, for a line
   * (from == to), the row that contains it.
   */
  private static void mark(boolean[][] m, int column, double from, double to, double[] lower, double[] upper) {
    for (int r = 0; r < m.length; r++) {
      boolean hit = to > from ? from < upper[r] && to > lower[r] : from >= lower[r] && from < upper[r];
      if (hit) m[r][column] = true;
    }
  }

  private static double[] lowerEdges(FrequencyAxis rows) {
    requireHz(rows);
    double[] e = new double[rows.length()];
    for (int r = 0; r < e.length; r++) e[r] = rows.lowerEdgeHz(r);
    return e;
  }

  private static double[] upperEdges(FrequencyAxis rows) {
    double[] e = new double[rows.length()];
    for (int r = 0; r < e.length; r++) e[r] = rows.upperEdgeHz(r);
    return e;
  }

  private static void requireHz(FrequencyAxis rows) {
    if (!rows.scale().isFrequency()) {
      throw new SpectrolensException("frequency axis", "rows are " + rows.unit() + "s, not Hz: no formant or F0 band to mark");
    }
  }
}

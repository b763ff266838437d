package org.spectrolens.segment;

import java.util.ArrayList;
import java.util.List;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * A segmentation: an integer label for every cell of a spectrogram's grid ([frequency][time], row 0
 * the lowest frequency), 0 for background and 1..{@code count} for regions, with the grid's axes so
 * every region reads in Hz and seconds. Regions are numbered in order of their earliest cell
 * (by column, then from the lowest row), so region 1 starts first.
 *
 * @param labels [rows][columns]; shared, do not modify
 * @param count how many regions (labels 1..count all occur)
 * @param frequencies Hz of every row
 * @param times seconds of every column
 */
public record LabelGrid(int[][] labels, int count, FrequencyAxis frequencies, TimeAxis times) {
  public LabelGrid {
    if (labels.length != frequencies.length()) throw new IllegalArgumentException(labels.length + " rows but an axis of " + frequencies.length());
    for (int[] row : labels) {
      if (row.length != times.length()) throw new IllegalArgumentException("a row of " + row.length + " labels but a time axis of " + times.length());
    }
  }

  /** Labels renumbered 1..n in order of their earliest cell (column, then row); 0 stays 0. */
  public static LabelGrid of(int[][] labels, FrequencyAxis frequencies, TimeAxis times) {
    int rows = labels.length;
    int cols = rows == 0 ? 0 : labels[0].length;
    int max = 0;
    for (int[] row : labels) for (int v : row) max = Math.max(max, v);
    int[] map = new int[max + 1];
    int next = 0;
    for (int c = 0; c < cols; c++) {
      for (int r = 0; r < rows; r++) {
        int v = labels[r][c];
        if (v > 0 && map[v] == 0) map[v] = ++next;
      }
    }
    int[][] out = new int[rows][cols];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[r][c] = map[labels[r][c]];
    return new LabelGrid(out, next, frequencies, times);
  }

  public int rows() {
    return labels.length;
  }

  public int columns() {
    return times.length();
  }

  /** The cells of any region. */
  public boolean[][] foreground() {
    boolean[][] m = new boolean[rows()][columns()];
    for (int r = 0; r < m.length; r++) for (int c = 0; c < m[r].length; c++) m[r][c] = labels[r][c] > 0;
    return m;
  }

  /** The labels as floats (for .npy), [rows][columns]. */
  public float[][] asFloats() {
    float[][] out = new float[rows()][columns()];
    for (int r = 0; r < out.length; r++) for (int c = 0; c < out[r].length; c++) out[r][c] = labels[r][c];
    return out;
  }

  /**
   * The regions in label order, their energy read from {@code s} (the grid that was segmented, same
   * shape): a cell's energy is {@code 10^(v/10)} for a dB spectrogram, {@code v} for a power one,
   * {@code v^2} for a magnitude one, and the value itself for a grid without a spec (a map, whose
   * "energy" is then its mass); {@code energyDb} is 10 log10 of the region's mean cell energy
   * (-inf or NaN where that mean is not positive).
   */
  public List<Region> regions(Spectrogram s) {
    if (s.rows() != rows() || s.columns() != columns()) throw new IllegalArgumentException("grid " + s.rows() + "x" + s.columns() + ", labels " + rows() + "x" + columns());
    int n = count;
    int[] r0 = new int[n + 1];
    int[] r1 = new int[n + 1];
    int[] c0 = new int[n + 1];
    int[] c1 = new int[n + 1];
    int[] area = new int[n + 1];
    double[] energy = new double[n + 1];
    java.util.Arrays.fill(r0, Integer.MAX_VALUE);
    java.util.Arrays.fill(c0, Integer.MAX_VALUE);
    SpectrogramSpec spec = s.spec();
    for (int r = 0; r < rows(); r++) {
      for (int c = 0; c < columns(); c++) {
        int l = labels[r][c];
        if (l == 0) continue;
        r0[l] = Math.min(r0[l], r);
        r1[l] = Math.max(r1[l], r);
        c0[l] = Math.min(c0[l], c);
        c1[l] = Math.max(c1[l], c);
        area[l]++;
        double v = s.value(r, c);
        energy[l] += spec == null ? v : spec.db() ? Math.pow(10, v / 10) : spec.power() == 1 ? v * v : v;
      }
    }
    List<Region> out = new ArrayList<>();
    for (int l = 1; l <= n; l++) {
      out.add(new Region(l, times.seconds(c0[l] - 0.5), times.seconds(c1[l] + 0.5), frequencies.value(r0[l] - 0.5),
          frequencies.value(r1[l] + 0.5), area[l], 10 * Math.log10(energy[l] / area[l])));
    }
    return out;
  }
}

package org.spectrolens.segment;

import java.util.Arrays;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dsp.Decibels;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * A segmentation run: a method, then morphology, on a spectrogram's levels, giving a
 * {@link LabelGrid} on the same axes.
 *
 * <ol>
 *   <li><b>Levels</b> ({@link #levels}): a power or magnitude spectrogram is segmented in dB (10 log10
 *       power, ref 1, amin 1e-10, no top_db), a dB spectrogram and a grid without a spec (a map, a
 *       bare .npy) as they are. With a {@code floorQuantile} q, each row's q-quantile over time (a
 *       stationary noise-floor estimate; 0.5 is the median) is subtracted first, so levels read "dB
 *       above the band's floor". The median misses events that fill more than half of a band's
 *       frames; a lower quantile keeps longer events (0.1, the command's default: up to 90 % of the
 *       clip).</li>
 *   <li><b>Method</b>: labels 0 (background) and 1..n.</li>
 *   <li><b>Morphology</b> ({@link Morphology}) on the foreground, in order. For a mask method
 *       (threshold, Otsu) the regions are then the 4-connected components of the new foreground;
 *       for a partition (Felzenszwalb, k-means, region growing) cells that stay keep their label,
 *       cells that leave become background and cells that join take the label of the nearest region
 *       through the new foreground (breadth-first, 4-connected).</li>
 *   <li>Regions renumbered by their earliest cell ({@link LabelGrid#of}).</li>
 * </ol>
 *
 * @param method the segmentation method
 * @param morphology operations on the foreground, applied in order (may be empty)
 * @param floorQuantile subtract each row's quantile over time (0..1) before segmenting; NaN: off
 */
public record Segmentation(
    Segmenter method,
    List<Morphology> morphology,
    @Param(value = "quantile of each band over time taken as its floor; NaN: off", min = 0, max = 1) double floorQuantile) {
  /** The smallest grid side segmented (rows and columns). */
  public static final int MIN_CELLS = 2;

  public Segmentation {
    morphology = List.copyOf(morphology);
    Params.check(Segmentation.class, "floorQuantile", floorQuantile); // NaN (off) passes
  }

  /** A run on the levels as they are (no floor subtracted). */
  public Segmentation(Segmenter method, List<Morphology> morphology) {
    this(method, morphology, Double.NaN);
  }

  /**
   * The labels of {@code s}'s grid; refuses an MFCC spectrogram, whose rows are not bands (a bare
   * grid without a spec, numbered rows included, is segmented as it is).
   */
  public LabelGrid segment(Spectrogram s) {
    if (s.spec() != null && s.spec().kind() == SpectrogramSpec.Kind.MFCC) throw new SpectrolensException("segment", "an MFCC grid has no frequency bands to segment; use stft, mel or cqt");
    float[][] grid = levels(s);
    if (!Double.isNaN(floorQuantile)) grid = aboveRowQuantile(grid, floorQuantile);
    return LabelGrid.of(labels(grid), s.frequencies(), s.times());
  }

  /** Method then morphology on a grid of levels (labels not yet renumbered). */
  public int[][] labels(float[][] grid) {
    check(grid.length, grid.length == 0 ? 0 : grid[0].length);
    int[][] labels = method.label(grid);
    if (morphology.isEmpty()) return labels;
    boolean[][] before = new boolean[labels.length][labels[0].length];
    for (int r = 0; r < labels.length; r++) for (int c = 0; c < labels[r].length; c++) before[r][c] = labels[r][c] > 0;
    boolean[][] after = Morphology.apply(morphology, before);
    return method.masks() ? ConnectedComponents.of(after, false) : refill(labels, after);
  }

  /**
   * Refuses a grid the run cannot segment: fewer than {@link #MIN_CELLS} rows or columns, or smaller
   * than a morphology element (subject "segment"; callers name the file).
   */
  public void check(int rows, int columns) {
    if (rows < MIN_CELLS || columns < MIN_CELLS) {
      throw new SpectrolensException("segment", "spectrogram of " + rows + "x" + columns + " cells is too small to segment (at least "
          + MIN_CELLS + "x" + MIN_CELLS + ")");
    }
    for (Morphology m : morphology) {
      if (m.rows() > rows || m.columns() > columns) {
        throw new SpectrolensException("segment", "spectrogram of " + rows + "x" + columns + " cells is smaller than the morphology element " + m);
      }
    }
  }

  /** The grid a spectrogram is segmented on (see the class comment); a new array. */
  public static float[][] levels(Spectrogram s) {
    SpectrogramSpec spec = s.spec();
    if (spec != null && !spec.db()) {
      return spec.power() == 1 ? Decibels.fromMagnitude(s.values(), 1, Decibels.AMIN, Double.NaN)
          : Decibels.fromPower(s.values(), 1, Decibels.AMIN, Double.NaN);
    }
    float[][] out = new float[s.rows()][];
    for (int r = 0; r < out.length; r++) out[r] = s.values()[r].clone();
    return out;
  }

  /**
   * Each row minus its q-quantile over time, interpolated linearly between order statistics
   * ({@code numpy.quantile}'s default: position q (n - 1) in the sorted row; q = 0.5 is the median).
   */
  public static float[][] aboveRowQuantile(float[][] grid, double q) {
    float[][] out = new float[grid.length][];
    for (int r = 0; r < grid.length; r++) {
      float[] sorted = grid[r].clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      double pos = q * (n - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(n - 1, lo + 1);
      double floor = sorted[lo] + (pos - lo) * ((double) sorted[hi] - sorted[lo]);
      out[r] = new float[n];
      for (int c = 0; c < n; c++) out[r][c] = (float) (grid[r][c] - floor);
    }
    return out;
  }

  /** A partition's labels restricted to a new foreground, joining cells labelled breadth-first from their neighbours. */
  static int[][] refill(int[][] labels, boolean[][] mask) {
    int rows = labels.length;
    int cols = labels[0].length;
    int[][] out = new int[rows][cols];
    int[] queue = new int[rows * cols];
    int tail = 0;
    int max = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        max = Math.max(max, labels[r][c]);
        if (mask[r][c] && labels[r][c] > 0) {
          out[r][c] = labels[r][c];
          queue[tail++] = r * cols + c;
        }
      }
    }
    for (int head = 0; head < tail; head++) {
      int p = queue[head];
      int r = p / cols;
      int c = p % cols;
      for (int k = 0; k < 4; k++) {
        int rr = r + (k == 0 ? -1 : k == 1 ? 1 : 0);
        int cc = c + (k == 2 ? -1 : k == 3 ? 1 : 0);
        if (rr < 0 || rr >= rows || cc < 0 || cc >= cols || !mask[rr][cc] || out[rr][cc] != 0) continue;
        out[rr][cc] = out[r][c];
        queue[tail++] = rr * cols + cc;
      }
    }
    // foreground cells no region reaches (an island the morphology made) become regions of their own
    boolean[][] orphan = new boolean[rows][cols];
    boolean any = false;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        orphan[r][c] = mask[r][c] && out[r][c] == 0;
        any |= orphan[r][c];
      }
    }
    if (any) {
      int[][] islands = ConnectedComponents.of(orphan, false);
      for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) if (islands[r][c] > 0) out[r][c] = max + islands[r][c];
    }
    return out;
  }
}

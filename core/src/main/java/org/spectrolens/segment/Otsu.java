package org.spectrolens.segment;

import org.spectrolens.params.Param;
/**
 * Otsu's threshold (Otsu 1979) exactly as {@code skimage.filters.threshold_otsu(image, nbins)}:
 * a histogram of {@code bins} equal bins over [min, max] (numpy's edges: a value on an inner edge
 * goes to the upper bin, the maximum to the last), then the bin centre that maximises the
 * between-class variance {@code w1 w2 (m1 - m2)^2} (the first such centre). The foreground is
 * every cell strictly above the threshold (skimage's convention); regions are its 4-connected
 * components. A constant grid has its one value as threshold and no foreground.
 */
public final class Otsu extends SegmenterBase<Otsu.Params> {
  /** @param bins histogram bins (skimage's nbins, default 256) */
  public record Params(@Param(value = "histogram bins (skimage's nbins)", min = 2, max = 1 << 20) int bins) {}

  public static final SegmenterDefinition<Params> DEFINITION = new SegmenterDefinition<>("otsu",
      "cells above Otsu's threshold (as skimage.filters.threshold_otsu); regions are connected components",
      new Params(256), Otsu::new);

  public Otsu(Params params) {
    super(params);
  }

  @Override
  public SegmenterDefinition<?> definition() {
    return DEFINITION;
  }

  @Override
  public boolean masks() {
    return true;
  }

  @Override
  public int[][] label(float[][] grid) {
    double t = threshold(grid, parameters().bins());
    boolean[][] m = new boolean[grid.length][];
    for (int r = 0; r < grid.length; r++) {
      m[r] = new boolean[grid[r].length];
      for (int c = 0; c < m[r].length; c++) m[r][c] = grid[r][c] > t;
    }
    return ConnectedComponents.of(m, false);
  }

  /** Otsu's threshold of the grid's values with {@code bins} histogram bins. */
  public static double threshold(float[][] grid, int bins) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (float[] row : grid) {
      for (float v : row) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo == hi) return lo;
    double[] edges = new double[bins + 1];
    double step = (hi - lo) / bins;
    for (int i = 0; i < bins; i++) edges[i] = lo + i * step;
    edges[bins] = hi;
    long[] counts = new long[bins];
    double norm = bins / (hi - lo);
    for (float[] row : grid) {
      for (float v : row) {
        int i = (int) ((v - lo) * norm);
        if (i >= bins) i = bins - 1;
        if (v < edges[i]) i--;
        else if (i < bins - 1 && v >= edges[i + 1]) i++;
        counts[i]++;
      }
    }
    double[] centres = new double[bins];
    for (int i = 0; i < bins; i++) centres[i] = (edges[i] + edges[i + 1]) / 2;
    double[] w1 = new double[bins];
    double[] m1 = new double[bins];
    double cw = 0;
    double cm = 0;
    for (int i = 0; i < bins; i++) {
      cw += counts[i];
      cm += counts[i] * centres[i];
      w1[i] = cw;
      m1[i] = cm / cw;
    }
    double[] w2 = new double[bins];
    double[] m2 = new double[bins];
    cw = 0;
    cm = 0;
    for (int i = bins - 1; i >= 0; i--) {
      cw += counts[i];
      cm += counts[i] * centres[i];
      w2[i] = cw;
      m2[i] = cm / cw;
    }
    int best = 0;
    double bestVar = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < bins - 1; i++) {
      double d = m1[i] - m2[i + 1];
      double var = w1[i] * w2[i + 1] * d * d;
      if (var > bestVar) {
        bestVar = var;
        best = i;
      }
    }
    return centres[best];
  }
}

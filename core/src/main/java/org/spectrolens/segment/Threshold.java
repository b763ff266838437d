package org.spectrolens.segment;

import org.spectrolens.params.Param;
/**
 * Global threshold: the foreground is every cell at or above a level, either absolute (in the
 * grid's unit) or relative to the grid's maximum (the cells within {@code level} dB of the loudest
 * cell, the default); regions are its 4-connected components.
 */
public final class Threshold extends SegmenterBase<Threshold.Params> {
  /**
   * @param level the threshold (absolute), or how far below the maximum (relative), in the grid's unit
   * @param relative whether {@code level} is measured down from the grid's maximum
   */
  public record Params(
      @Param(value = "threshold, or distance below the maximum when relative (grid unit, dB for spectrograms)", min = 0) double level,
      @Param("measure the level down from the grid's maximum") boolean relative) {}

  public static final SegmenterDefinition<Params> DEFINITION = new SegmenterDefinition<>("threshold",
      "cells at or above a global level (default: within 20 dB of the maximum); regions are connected components",
      new Params(20, true), Threshold::new);

  public Threshold(Params params) {
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

  /** The absolute level this method uses on {@code grid}. */
  public double level(float[][] grid) {
    if (!parameters().relative()) return parameters().level();
    double max = Double.NEGATIVE_INFINITY;
    for (float[] row : grid) for (float v : row) max = Math.max(max, v);
    return max - parameters().level();
  }

  @Override
  public int[][] label(float[][] grid) {
    double t = level(grid);
    boolean[][] m = new boolean[grid.length][];
    for (int r = 0; r < grid.length; r++) {
      m[r] = new boolean[grid[r].length];
      for (int c = 0; c < m[r].length; c++) m[r][c] = grid[r][c] >= t;
    }
    return ConnectedComponents.of(m, false);
  }
}

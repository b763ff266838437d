package org.spectrolens.render;

import org.spectrolens.spectrogram.GridResize;

/**
 * Maps a [rows][cols] grid (row 0 lowest) onto a width x height pixel area, row 0 at the bottom.
 * A grid no larger than the area is drawn with nearest-neighbour cells, so every cell of a small
 * grid (a 7x7 CAM, a 64x64 input) is a visible block; a dimension with more cells than pixels is
 * first averaged down with {@link GridResize} (antialiased), so a 1025-bin STFT does not alias.
 */
final class Sampler {
  private final int width;
  private final int height;
  private final int rows;
  private final int cols;

  Sampler(int rows, int cols, int width, int height) {
    this.rows = rows;
    this.cols = cols;
    this.width = width;
    this.height = height;
  }

  /** Values per pixel, row-major from the top-left pixel. */
  float[] sample(float[][] grid) {
    if (grid.length != rows || (rows > 0 && grid[0].length != cols)) {
      throw new IllegalArgumentException("grid is " + grid.length + "x" + (grid.length == 0 ? 0 : grid[0].length)
          + ", expected " + rows + "x" + cols);
    }
    int r = Math.min(rows, height);
    int c = Math.min(cols, width);
    float[][] g = (r == rows && c == cols) ? grid : GridResize.resize(grid, r, c);
    int[] colOf = new int[width];
    for (int x = 0; x < width; x++) colOf[x] = Math.min(c - 1, (int) ((x + 0.5) * c / width));
    float[] out = new float[width * height];
    for (int y = 0; y < height; y++) {
      int row = Math.min(r - 1, (int) ((height - y - 0.5) * r / height));
      float[] src = g[row];
      int base = y * width;
      for (int x = 0; x < width; x++) out[base + x] = src[colOf[x]];
    }
    return out;
  }
}

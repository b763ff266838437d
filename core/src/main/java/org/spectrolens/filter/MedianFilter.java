package org.spectrolens.filter;

import java.util.Arrays;
import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Median over a rows x columns window, equal to {@code scipy.ndimage.median_filter(x,
 * size=(rows, columns), mode='reflect')}: the window of a size s spans offsets [-s/2, s - 1 - s/2]
 * (integer division, so an even window reaches one further back), and an even count of cells
 * gives the upper median (element n/2 of the sorted window), as scipy's rank filter does. Rows
 * are frequency bins, columns frames. Removes isolated outliers (clicks, salt noise) that are
 * smaller than half the window.
 */
public final class MedianFilter extends FilterBase<MedianFilter.Parameters> {
  /**
   * @param rows window height in frequency bins
   * @param columns window width in frames
   * @param boundary cells beyond the edge (scipy.ndimage's default reflect)
   */
  public record Parameters(
      @Param(value = "window height, in rows (frequency bins)", min = 1, max = 999) int rows,
      @Param(value = "window width, in columns (frames)", min = 1, max = 999) int columns,
      @Param("cells beyond the edge") Boundary boundary) {}

  public static final FilterDefinition<Parameters> DEFINITION = new FilterDefinition<>("median",
      "median of a rows x columns window", "scipy.ndimage.median_filter (mode reflect)",
      new Parameters(3, 3, Boundary.REFLECT), MedianFilter::new);

  public MedianFilter(Parameters p) {
    super(DEFINITION, p);
  }

  @Override
  public int[] footprint() {
    return new int[] {p.rows(), p.columns()};
  }

  @Override
  public float[][] apply(float[][] values, SpectrogramSpec spec) {
    int rows = values.length;
    int cols = values[0].length;
    int r0 = -(p.rows() / 2);
    int c0 = -(p.columns() / 2);
    int n = p.rows() * p.columns();
    float[] window = new float[n];
    float[][] out = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int k = 0;
        for (int i = 0; i < p.rows(); i++) {
          int rr = p.boundary().index(r + r0 + i, rows);
          for (int j = 0; j < p.columns(); j++) {
            int cc = p.boundary().index(c + c0 + j, cols);
            window[k++] = rr < 0 || cc < 0 ? 0f : values[rr][cc];
          }
        }
        Arrays.sort(window);
        out[r][c] = window[n / 2];
      }
    }
    return out;
  }
}

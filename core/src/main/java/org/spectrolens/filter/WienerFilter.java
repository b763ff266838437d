package org.spectrolens.filter;

import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Adaptive Wiener filter from local statistics (Lim 1990), as {@code scipy.signal.wiener}: with
 * m and v the mean and variance of the rows x columns window around a cell and n the noise
 * variance, the cell becomes {@code m + (1 - n / v) (x - m)} where v >= n, else m. Flat regions
 * (v near n) are averaged, detailed ones (v >> n) kept. The noise defaults to scipy's estimate, the
 * mean of the local variances over the grid. Rows are frequency bins, columns frames; both sizes
 * odd (centred windows).
 *
 * <p>scipy computes the local sums by a 'same' correlation, i.e. with zeros beyond the edge; that
 * is {@code boundary=constant}. The default here is reflect, because zero is not silence in a dB
 * spectrogram.
 */
public final class WienerFilter extends FilterBase<WienerFilter.Parameters> {
  /**
   * @param rows window height in frequency bins, odd
   * @param columns window width in frames, odd
   * @param noise noise variance in the values' unit squared; 0 = the mean local variance
   * @param boundary cells beyond the edge (scipy.signal: constant)
   */
  public record Parameters(
      @Param(value = "window height, in rows (frequency bins), odd", min = 1, max = 999) int rows,
      @Param(value = "window width, in columns (frames), odd", min = 1, max = 999) int columns,
      @Param(value = "noise variance, in the values' unit squared; 0 = the mean local variance", min = 0) double noise,
      @Param("cells beyond the edge") Boundary boundary) {}

  public static final FilterDefinition<Parameters> DEFINITION = new FilterDefinition<>("wiener",
      "adaptive Wiener filter from the local mean and variance", "scipy.signal.wiener (with boundary=constant)",
      new Parameters(3, 3, 0.0, Boundary.REFLECT), WienerFilter::new);

  public WienerFilter(Parameters p) {
    super(DEFINITION, p);
    if (p.rows() % 2 == 0) throw new SpectrolensException(DEFINITION.id() + ".rows", "must be odd, got " + p.rows());
    if (p.columns() % 2 == 0) throw new SpectrolensException(DEFINITION.id() + ".columns", "must be odd, got " + p.columns());
  }

  @Override
  public int[] footprint() {
    return new int[] {p.rows(), p.columns()};
  }

  @Override
  public float[][] apply(float[][] values, SpectrogramSpec spec) {
    int rows = values.length;
    int cols = values[0].length;
    int er = p.rows() / 2;
    int ec = p.columns() / 2;
    double n = p.rows() * p.columns();
    double[][] mean = new double[rows][cols];
    double[][] var = new double[rows][cols];
    double varSum = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double s = 0;
        double s2 = 0;
        for (int i = -er; i <= er; i++) {
          int rr = p.boundary().index(r + i, rows);
          if (rr < 0) continue;
          for (int j = -ec; j <= ec; j++) {
            int cc = p.boundary().index(c + j, cols);
            if (cc < 0) continue;
            double v = values[rr][cc];
            s += v;
            s2 += v * v;
          }
        }
        mean[r][c] = s / n;
        var[r][c] = s2 / n - mean[r][c] * mean[r][c];
        varSum += var[r][c];
      }
    }
    double noise = p.noise() > 0 ? p.noise() : varSum / ((double) rows * cols);
    float[][] out = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double m = mean[r][c];
        double v = var[r][c];
        out[r][c] = (float) (v < noise || v <= 0 ? m : m + (1 - noise / v) * (values[r][c] - m));
      }
    }
    return out;
  }
}

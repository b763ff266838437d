package org.spectrolens.filter;

import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Gaussian smoothing, separable, equal to {@code scipy.ndimage.gaussian_filter(x,
 * sigma=(sigmaRows, sigmaColumns), mode='reflect', truncate=truncate)}: along each axis a
 * correlation with {@code exp(-x^2 / (2 sigma^2))} for x in [-r, r], r = int(truncate * sigma + 0.5),
 * normalised to sum 1; rows (frequency) first, then columns (time). A sigma of 0 leaves that axis
 * alone. Sizes are in cells: sigma-rows in frequency bins, sigma-columns in frames.
 */
public final class GaussianFilter extends FilterBase<GaussianFilter.Parameters> {
  /**
   * @param sigmaRows standard deviation along frequency, in rows (bins); 0 = no smoothing in frequency
   * @param sigmaColumns standard deviation along time, in columns (frames); 0 = none in time
   * @param truncate the kernel reaches truncate standard deviations (scipy's default 4)
   * @param boundary cells beyond the edge (scipy.ndimage's default reflect)
   */
  public record Parameters(
      @Param(value = "standard deviation along frequency, in rows (bins); 0 = none", min = 0, max = 1000) double sigmaRows,
      @Param(value = "standard deviation along time, in columns (frames); 0 = none", min = 0, max = 1000) double sigmaColumns,
      @Param(value = "kernel half-width in standard deviations", min = 0.5, max = 20) double truncate,
      @Param("cells beyond the edge") Boundary boundary) {}

  public static final FilterDefinition<Parameters> DEFINITION = new FilterDefinition<>("gaussian",
      "Gaussian smoothing, separable (rows, then columns)", "scipy.ndimage.gaussian_filter (mode reflect)",
      new Parameters(1.0, 1.0, 4.0, Boundary.REFLECT), GaussianFilter::new);

  public GaussianFilter(Parameters p) {
    super(DEFINITION, p);
  }

  @Override
  public int[] footprint() {
    return new int[] {2 * radius(p.sigmaRows()) + 1, 2 * radius(p.sigmaColumns()) + 1};
  }

  private int radius(double sigma) {
    return sigma == 0 ? 0 : (int) (p.truncate() * sigma + 0.5);
  }

  /** The 1-D kernel for {@code sigma}, index r + k for offset k in [-r, r] (scipy's _gaussian_kernel1d). */
  public static double[] kernel(double sigma, int radius) {
    double[] k = new double[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = Math.exp(-0.5 / (sigma * sigma) * i * i);
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) k[i] /= sum;
    return k;
  }

  @Override
  public float[][] apply(float[][] values, SpectrogramSpec spec) {
    int rows = values.length;
    int cols = values[0].length;
    double[][] x = new double[rows][cols];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) x[r][c] = values[r][c];
    if (p.sigmaRows() > 0) {
      int rad = radius(p.sigmaRows());
      double[] k = kernel(p.sigmaRows(), rad);
      double[][] y = new double[rows][cols];
      for (int r = 0; r < rows; r++) {
        for (int j = -rad; j <= rad; j++) {
          int src = p.boundary().index(r + j, rows);
          if (src < 0) continue;
          double w = k[j + rad];
          double[] from = x[src];
          double[] to = y[r];
          for (int c = 0; c < cols; c++) to[c] += w * from[c];
        }
      }
      x = y;
    }
    if (p.sigmaColumns() > 0) {
      int rad = radius(p.sigmaColumns());
      double[] k = kernel(p.sigmaColumns(), rad);
      int[] idx = new int[cols + 2 * rad];
      for (int i = 0; i < idx.length; i++) idx[i] = p.boundary().index(i - rad, cols);
      for (int r = 0; r < rows; r++) {
        double[] line = x[r];
        double[] y = new double[cols];
        for (int c = 0; c < cols; c++) {
          double s = 0;
          for (int j = 0; j < k.length; j++) {
            int src = idx[c + j];
            if (src >= 0) s += k[j] * line[src];
          }
          y[c] = s;
        }
        x[r] = y;
      }
    }
    float[][] out = new float[rows][cols];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[r][c] = (float) x[r][c];
    return out;
  }
}

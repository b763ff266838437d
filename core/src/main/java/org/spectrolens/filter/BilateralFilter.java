package org.spectrolens.filter;

import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Edge-preserving smoothing (Tomasi and Manduchi 1998): each cell becomes the average of its
 * window weighted by {@code exp(-(dr^2 + dc^2) / (2 sigmaSpatial^2)) * exp(-(v - v0)^2 /
 * (2 sigmaColor^2))}, so cells of a different level (a harmonic beside the noise floor) are not
 * blurred into each other. The window is square, {@code window} cells on a side (rows = frequency
 * bins, columns = frames), centred; the distances dr, dc are in cells.
 *
 * <p>Defaults are scikit-image's {@code denoise_bilateral}: sigma-spatial 1, sigma-color the
 * standard deviation of the input (population), window max(5, 2 ceil(3 sigma-spatial) + 1). The
 * weights are exact where scikit-image 0.19 quantises the colour distance into {@code bins} and
 * reads its spatial table with the wrong row length (its table is built on
 * {@code arange(-w // 2, w // 2 + 1)}, w + 1 points, and indexed as w wide), so the two agree only
 * where the spatial weights are flat (a large sigma-spatial); the tests check both that and the
 * definition itself. The boundary defaults to reflect (scikit-image's {@code symmetric}; its
 * default is zeros).
 */
public final class BilateralFilter extends FilterBase<BilateralFilter.Parameters> {
  /**
   * @param sigmaSpatial standard deviation of the spatial weight, in cells (both axes)
   * @param sigmaColor standard deviation of the value weight, in the values' unit (dB, ...); 0 =
   *     the standard deviation of the input
   * @param window side of the square window in cells, odd; 0 = max(5, 2 ceil(3 sigma-spatial) + 1)
   * @param boundary cells beyond the edge
   */
  public record Parameters(
      @Param(value = "spatial standard deviation, in cells (rows and columns alike)", min = 0.01, max = 100) double sigmaSpatial,
      @Param(value = "value standard deviation, in the values' unit (dB, ...); 0 = the input's standard deviation", min = 0)
      double sigmaColor,
      @Param(value = "window side in cells, odd; 0 = max(5, 2 ceil(3 sigma-spatial) + 1)", min = 0, max = 601) int window,
      @Param("cells beyond the edge") Boundary boundary) {}

  public static final FilterDefinition<Parameters> DEFINITION = new FilterDefinition<>("bilateral",
      "edge-preserving average weighted by distance and value difference",
      "skimage.restoration.denoise_bilateral (mode symmetric; exact weights)",
      new Parameters(1.0, 0.0, 0, Boundary.REFLECT), BilateralFilter::new);

  public BilateralFilter(Parameters p) {
    super(DEFINITION, p);
    if (p.window() != 0 && p.window() % 2 == 0) {
      throw new org.spectrolens.SpectrolensException(DEFINITION.id() + ".window", "must be odd (or 0), got " + p.window());
    }
  }

  /** The window side actually used. */
  public int window() {
    return p.window() > 0 ? p.window() : Math.max(5, 2 * (int) Math.ceil(3 * p.sigmaSpatial()) + 1);
  }

  @Override
  public int[] footprint() {
    return new int[] {window(), window()};
  }

  @Override
  public float[][] apply(float[][] values, SpectrogramSpec spec) {
    int rows = values.length;
    int cols = values[0].length;
    double sigmaColor = p.sigmaColor() > 0 ? p.sigmaColor() : std(values);
    float[][] out = new float[rows][cols];
    if (!(sigmaColor > 0)) { // a constant grid: nothing to smooth
      for (int r = 0; r < rows; r++) out[r] = values[r].clone();
      return out;
    }
    int w = window();
    int e = (w - 1) / 2;
    double[] spatial = new double[w * w];
    for (int i = -e; i <= e; i++) {
      for (int j = -e; j <= e; j++) spatial[(i + e) * w + j + e] = Math.exp(-0.5 * (i * i + j * j) / (p.sigmaSpatial() * p.sigmaSpatial()));
    }
    double colorScale = -0.5 / (sigmaColor * sigmaColor);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double v0 = values[r][c];
        double sum = 0;
        double weights = 0;
        for (int i = -e; i <= e; i++) {
          int rr = p.boundary().index(r + i, rows);
          for (int j = -e; j <= e; j++) {
            int cc = p.boundary().index(c + j, cols);
            double v = rr < 0 || cc < 0 ? 0.0 : values[rr][cc];
            double d = v - v0;
            double wt = spatial[(i + e) * w + j + e] * Math.exp(colorScale * d * d);
            sum += wt * v;
            weights += wt;
          }
        }
        out[r][c] = (float) (sum / weights);
      }
    }
    return out;
  }

  /** Population standard deviation of every cell. */
  static double std(float[][] x) {
    double sum = 0;
    long n = 0;
    for (float[] row : x) for (float v : row) {
      sum += v;
      n++;
    }
    double mean = sum / n;
    double ss = 0;
    for (float[] row : x) for (float v : row) ss += (v - mean) * (v - mean);
    return Math.sqrt(ss / n);
  }
}

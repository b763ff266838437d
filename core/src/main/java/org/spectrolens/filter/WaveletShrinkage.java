package org.spectrolens.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Wavelet shrinkage of the grid as an image, equal to {@code skimage.restoration.denoise_wavelet(x,
 * wavelet=..., mode='soft', method='BayesShrink', rescale_sigma=True)} on a float grid: a 2-D
 * Daubechies decomposition ({@link Daubechies}, symmetric extension, PyWavelets' {@code wavedecn})
 * over {@code levels} levels, every detail sub-band shrunk towards zero by a threshold, the
 * approximation kept, and the inverse transform cropped to the input's shape.
 *
 * <ul>
 *   <li>Noise sigma (when not given): Donoho and Johnstone's robust estimate, the median of the
 *       absolute non-zero diagonal details of the finest level divided by 0.6745 (the normal 75th
 *       percentile).
 *   <li>{@code bayes-shrink} (Chang, Yu and Vetterli 2000): per sub-band threshold
 *       {@code sigma^2 / sqrt(max(mean(d^2) - sigma^2, eps))}. {@code visu-shrink}: one universal
 *       threshold {@code sigma sqrt(2 ln(rows x columns))}.
 *   <li>Levels 0 (default) is scikit-image's rule: the largest level PyWavelets allows for the
 *       shorter side, less 3, at least 1.
 * </ul>
 * The default wavelet is db4 (scikit-image's is db1, the Haar wavelet, whose blocks show on
 * spectrograms). The decomposition mixes both axes, so it is not one size per axis: a level halves
 * rows (frequency bins) and columns (frames) alike.
 */
public final class WaveletShrinkage extends FilterBase<WaveletShrinkage.Parameters> {
  /** The threshold rule. */
  public enum Method { BAYES_SHRINK, VISU_SHRINK }

  /**
   * @param wavelet the Daubechies wavelet
   * @param levels decomposition levels; 0 = max(max level - 3, 1) as scikit-image
   * @param method threshold rule
   * @param sigma noise standard deviation in the values' unit; 0 = estimated from the finest diagonal details
   * @param soft soft thresholding (shrink by the threshold); false: hard (keep or zero)
   */
  public record Parameters(
      @Param("Daubechies wavelet, db1 (Haar) to db8") Daubechies wavelet,
      @Param(value = "decomposition levels; 0 = max(PyWavelets' max level - 3, 1)", min = 0, max = 16) int levels,
      @Param("threshold rule") Method method,
      @Param(value = "noise standard deviation, in the values' unit; 0 = estimated (median absolute finest diagonal detail / 0.6745)", min = 0)
      double sigma,
      @Param("soft thresholds (shrink); false = hard (keep or zero)") boolean soft) {}

  public static final FilterDefinition<Parameters> DEFINITION = new FilterDefinition<>("wavelet",
      "2-D Daubechies wavelet shrinkage with soft thresholds", "skimage.restoration.denoise_wavelet (PyWavelets wavedecn)",
      new Parameters(Daubechies.DB4, 0, Method.BAYES_SHRINK, 0.0, true), WaveletShrinkage::new);

  private static final double EPS = Math.ulp(1.0);
  private static final double NORMAL_Q75 = 0.6744897501960817;

  public WaveletShrinkage(Parameters p) {
    super(DEFINITION, p);
  }

  /** A side needs (F - 1) 2^L cells for L levels of a filter of length F (auto: one level). */
  @Override
  public int[] footprint() {
    int side = (p.wavelet().length() - 1) << Math.max(1, p.levels());
    return new int[] {side, side};
  }

  /** The levels used on a rows x columns grid. */
  public int levels(int rows, int columns) {
    if (p.levels() > 0) return p.levels();
    int max = Math.min(p.wavelet().maxLevel(rows), p.wavelet().maxLevel(columns));
    return Math.max(max - 3, 1);
  }

  @Override
  public float[][] apply(float[][] values, SpectrogramSpec spec) {
    int rows = values.length;
    int cols = values[0].length;
    Daubechies w = p.wavelet();
    double[][] a = new double[rows][cols];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) a[r][c] = values[r][c];
    int levels = levels(rows, cols);
    List<double[][][]> details = new ArrayList<>(); // finest first
    for (int l = 0; l < levels; l++) {
      double[][][] b = w.forward2(a);
      details.add(new double[][][] {b[1], b[2], b[3]});
      a = b[0];
    }
    double sigma = p.sigma() > 0 ? p.sigma() : estimateSigma(details.get(0)[2]);
    double var = sigma * sigma;
    double universal = sigma * Math.sqrt(2 * Math.log((double) rows * cols));
    for (double[][][] level : details) {
      for (double[][] band : level) {
        double t = p.method() == Method.VISU_SHRINK ? universal : bayesThreshold(band, var);
        shrink(band, t, p.soft());
      }
    }
    for (int l = levels - 1; l >= 0; l--) {
      double[][][] d = details.get(l);
      a = w.inverse2(a, d[0], d[1], d[2]);
    }
    float[][] out = new float[rows][cols];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[r][c] = (float) a[r][c];
    return out;
  }

  /** Median absolute non-zero coefficient / 0.6745 (0 when every coefficient is zero). */
  static double estimateSigma(double[][] diagonal) {
    double[] abs = Arrays.stream(diagonal).flatMapToDouble(Arrays::stream).filter(v -> v != 0).map(Math::abs).sorted().toArray();
    if (abs.length == 0) return 0;
    int n = abs.length;
    double median = n % 2 == 1 ? abs[n / 2] : 0.5 * (abs[n / 2 - 1] + abs[n / 2]);
    return median / NORMAL_Q75;
  }

  static double bayesThreshold(double[][] band, double var) {
    double ss = 0;
    long n = 0;
    for (double[] row : band) for (double v : row) {
      ss += v * v;
      n++;
    }
    return var / Math.sqrt(Math.max(ss / n - var, EPS));
  }

  static void shrink(double[][] band, double t, boolean soft) {
    for (double[] row : band) {
      for (int i = 0; i < row.length; i++) {
        double v = row[i];
        double m = Math.abs(v);
        if (soft) row[i] = m <= t ? 0 : Math.signum(v) * (m - t);
        else if (m < t) row[i] = 0;
      }
    }
  }
}

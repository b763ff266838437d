package org.spectrolens.filter;

import java.util.Arrays;

/**
 * The noise floor of a spectrogram, one level per frequency band: the {@code percentile}-th
 * percentile over time of that row's values (NumPy's default linear interpolation between order
 * statistics). For stationary noise under an intermittent source the low percentiles of each band
 * are frames of noise alone; a source present in more than (100 - percentile)% of a band's frames
 * (a steady tone) is taken for noise there. For stationary Gaussian noise every cell of a power
 * spectrogram is exponentially distributed about the band's mean power, so the p-th percentile
 * is {@code -ln(1 - p/100)} times that mean (the median: 0.693 times); {@link SpectralSubtraction}
 * divides by that factor.
 */
public final class NoiseFloor {
  private NoiseFloor() {}

  /** Per row of {@code values} ([rows][columns], linear units), the percentile over its columns. */
  public static double[] perBand(double[][] values, double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) throw new IllegalArgumentException("percentile outside [0, 100]: " + percentile);
    double[] out = new double[values.length];
    for (int r = 0; r < values.length; r++) out[r] = percentile(values[r], percentile);
    return out;
  }

  /** NumPy's {@code np.percentile(x, q)} (method 'linear'). */
  public static double percentile(double[] x, double q) {
    double[] s = x.clone();
    Arrays.sort(s);
    double pos = q / 100.0 * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }
}

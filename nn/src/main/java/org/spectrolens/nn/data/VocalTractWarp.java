package org.spectrolens.nn.data;

import java.util.SplittableRandom;

/**
 * Vocal-tract-length perturbation (VTLP, Jaitly &amp; Hinton 2013): each training item's frequency
 * axis is stretched by a factor {@code alpha ~ U(1 - maxWarp, 1 + maxWarp)}, as if a talker with a
 * vocal tract {@code 1/alpha} as long had said it. Formants move by {@code alpha}; the top row
 * stays where it is through their piecewise-linear map:
 *
 * <pre>
 *   f' = alpha f                                       for f &lt;= b = 0.8 top min(alpha, 1) / alpha
 *   f' = top - (top - alpha b) (top - f) / (top - b)   above
 * </pre>
 *
 * {@code top} is the highest row's frequency (Jaitly and Hinton warp to the Nyquist frequency; a
 * grid limited to 4000 Hz is warped within what it holds). The warped grid takes, at each row's
 * frequency, the value the item had at the frequency that maps there, interpolated linearly in
 * rows (values are log powers, as the grid holds them).
 *
 * @param maxWarp largest |alpha - 1| (Jaitly and Hinton: 0.1)
 * @param rowHz centre frequency of every row (Hz, row 0 the lowest), strictly increasing
 */
public record VocalTractWarp(double maxWarp, double[] rowHz) {
  public VocalTractWarp {
    if (!(maxWarp > 0 && maxWarp < 0.5)) throw new IllegalArgumentException("vtlp must be in (0, 0.5), found " + maxWarp);
    for (int i = 1; i < rowHz.length; i++) {
      if (!(rowHz[i] > rowHz[i - 1])) throw new IllegalArgumentException("row frequencies must increase (row " + i + ")");
    }
  }

  /** Draws alpha and warps the [H][W] grid (flat, row-major) in place. */
  public void apply(float[] g, int h, int w, SplittableRandom r) {
    warp(g, h, w, 1 + maxWarp * (2 * r.nextDouble() - 1));
  }

  /** Warps the grid by {@code alpha}. */
  void warp(float[] g, int h, int w, double alpha) {
    if (h != rowHz.length) throw new IllegalArgumentException(h + " rows for " + rowHz.length + " row frequencies");
    float[] copy = g.clone();
    for (int y = 0; y < h; y++) {
      double src = row(unwarp(rowHz[y], alpha));
      int lo = (int) Math.floor(src);
      double t = src - lo;
      if (lo >= h - 1) {
        lo = h - 1;
        t = 0;
      } else if (lo < 0) {
        lo = 0;
        t = 0;
      }
      int hi = Math.min(h - 1, lo + 1);
      for (int x = 0; x < w; x++) g[y * w + x] = (float) ((1 - t) * copy[lo * w + x] + t * copy[hi * w + x]);
    }
  }

  /** The warp: where frequency {@code f} goes. */
  double forward(double f, double alpha) {
    double top = rowHz[rowHz.length - 1];
    double b = 0.8 * top * Math.min(alpha, 1) / alpha;
    return f <= b ? alpha * f : top - (top - alpha * b) * (top - f) / (top - b);
  }

  /** Its inverse: the frequency that goes to {@code g} (the map is increasing and piecewise linear). */
  double unwarp(double g, double alpha) {
    double top = rowHz[rowHz.length - 1];
    double b = 0.8 * top * Math.min(alpha, 1) / alpha;
    return g <= alpha * b ? g / alpha : top - (top - g) * (top - b) / (top - alpha * b);
  }

  /** The fractional row at frequency {@code f} (linear between row centres, clamped to the grid). */
  private double row(double f) {
    if (f <= rowHz[0]) return 0;
    int n = rowHz.length;
    if (f >= rowHz[n - 1]) return n - 1;
    int i = java.util.Arrays.binarySearch(rowHz, f);
    if (i >= 0) return i;
    int hi = -i - 1;
    int lo = hi - 1;
    return lo + (f - rowHz[lo]) / (rowHz[hi] - rowHz[lo]);
  }
}

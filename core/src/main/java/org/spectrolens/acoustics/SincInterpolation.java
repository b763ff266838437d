package org.spectrolens.acoustics;

/**
 * Band-limited interpolation as Praat does it (pitch peaks, resampling): the sum of
 * {@code x[j] sinc(pi (t - j))} over {@code depth} samples each side of t, tapered by a raised
 * cosine. The taper's cosines advance by rotation, one sample per step, so the inner loop has no
 * trigonometric calls.
 */
final class SincInterpolation {
  private SincInterpolation() {}

  /**
   * Value at fractional index {@code t} (not an integer); samples outside {@code x} are zero, or,
   * when {@code even}, {@code x[-j] = x[j]} (an autocorrelation) and zero beyond its last element.
   */
  static double at(double[] x, double t, int depth, boolean even) {
    int left = (int) Math.floor(t);
    double frac = t - left;
    double taper = Math.PI / (depth + 0.5);
    double stepCos = Math.cos(taper), stepSin = Math.sin(taper);
    // left terms sit at distance frac + m, right terms at 1 - frac + m
    double lc = Math.cos(taper * frac), ls = Math.sin(taper * frac);
    double rc = Math.cos(taper * (1.0 - frac)), rs = Math.sin(taper * (1.0 - frac));
    double sum = 0.0;
    // sin(pi d) = (-1)^m sin(pi frac) on the left and (-1)^(m+1) sin(pi frac) on the right
    for (int m = 0; m < depth; m++) {
      double sign = (m & 1) == 0 ? 1.0 : -1.0;
      double l = sample(x, left - m, even);
      if (l != 0.0) sum += l * sign / (frac + m) * (0.5 + 0.5 * lc);
      double r = sample(x, left + 1 + m, even);
      if (r != 0.0) sum += r * sign / (1.0 - frac + m) * (0.5 + 0.5 * rc);
      double c = lc * stepCos - ls * stepSin;
      ls = ls * stepCos + lc * stepSin;
      lc = c;
      c = rc * stepCos - rs * stepSin;
      rs = rs * stepCos + rc * stepSin;
      rc = c;
    }
    return sum * Math.sin(Math.PI * frac) / Math.PI;
  }

  private static double sample(double[] x, int j, boolean even) {
    if (even) j = Math.abs(j);
    return j >= 0 && j < x.length ? x[j] : 0.0;
  }
}

package org.spectrolens.acoustics;

import java.util.Arrays;

/** Interpolation and medians over a frame grid with NaN for missing values. */
final class TrackMath {
  private TrackMath() {}

  /**
   * Linear interpolation between the two frames around t; NaN outside the frames or when either
   * neighbour is missing (a value is never invented across a gap). Exactly at a frame time the
   * frame's own value is returned.
   */
  static double interpolate(double[] times, double[] values, double t) {
    int n = times.length;
    if (n == 0 || !(t >= times[0] - 1e-9) || !(t <= times[n - 1] + 1e-9)) return Double.NaN;
    if (n == 1) return values[0];
    double step = (times[n - 1] - times[0]) / (n - 1);
    double pos = (t - times[0]) / step;
    int i = (int) Math.floor(pos);
    if (i < 0) i = 0;
    if (i >= n - 1) i = n - 2;
    double frac = pos - i;
    if (Math.abs(frac) < 1e-9) return values[i];
    if (Math.abs(frac - 1.0) < 1e-9) return values[i + 1];
    double a = values[i], b = values[i + 1];
    return a + frac * (b - a);
  }

  /** Median of the non-NaN values of frames whose times lie in [from, to]; NaN if none. */
  static double median(double[] times, double[] values, double from, double to) {
    double[] kept = new double[values.length];
    int k = 0;
    for (int i = 0; i < times.length; i++) {
      if (times[i] >= from && times[i] <= to && !Double.isNaN(values[i])) kept[k++] = values[i];
    }
    if (k == 0) return Double.NaN;
    Arrays.sort(kept, 0, k);
    return k % 2 == 1 ? kept[k / 2] : 0.5 * (kept[k / 2 - 1] + kept[k / 2]);
  }
}

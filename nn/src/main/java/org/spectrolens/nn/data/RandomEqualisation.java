package org.spectrolens.nn.data;

import java.util.SplittableRandom;

/**
 * Random equalisation: each training item's rows get a smooth gain curve over frequency, as
 * another microphone, room or line would give (Schlüter &amp; Grill 2015 filter training
 * excerpts with random smooth responses for singing-voice detection). The curve takes a gain
 * U(-maxDb, maxDb) at {@link #KNOTS} frequencies equally spaced in log frequency over the grid's
 * rows and is linear in log frequency between them (flat beyond the lowest knot), so no row's gain
 * passes {@code maxDb} and neighbouring rows move together. Every column of a row moves by the same
 * gain: an equaliser does not change with time.
 *
 * <p>The grid holds normalised dB, {@code (dB - mean) / std}: a gain of {@code G} dB adds
 * {@code G / std}.
 *
 * @param maxDb largest gain either way (dB)
 * @param rowHz centre frequency of every row (Hz, row 0 the lowest), strictly increasing
 * @param std the grid's normalisation: dB per unit of the values
 */
public record RandomEqualisation(double maxDb, double[] rowHz, double std) {
  /** Knots of the gain curve: six, about an octave and a half apart over 50-4000 Hz. */
  static final int KNOTS = 6;
  /** The lowest knot's frequency where the grid reaches down to 0 Hz (log frequency has no 0). */
  static final double LOWEST_HZ = 50;

  public RandomEqualisation {
    if (!(maxDb > 0 && maxDb <= 40)) throw new IllegalArgumentException("eq must be in (0, 40] dB, found " + maxDb);
    if (!(std > 0)) throw new IllegalArgumentException("std must be positive, found " + std);
    if (rowHz.length < 2 || !(rowHz[rowHz.length - 1] > LOWEST_HZ)) throw new IllegalArgumentException("rows must reach above 50 Hz");
  }

  /** Draws the knots' gains and adds the curve to the [H][W] grid (flat, row-major) in place. */
  public void apply(float[] g, int h, int w, SplittableRandom r) {
    double[] knotDb = new double[KNOTS];
    for (int k = 0; k < KNOTS; k++) knotDb[k] = maxDb * (2 * r.nextDouble() - 1);
    for (int y = 0; y < h; y++) {
      float add = (float) (gainDb(knotDb, rowHz[y]) / std);
      for (int x = 0; x < w; x++) g[y * w + x] += add;
    }
  }

  /** The frequency of knot {@code k}: equally spaced in log frequency from the lowest row (at least 50 Hz) to the top. */
  double knotHz(int k) {
    double lo = Math.log(Math.max(LOWEST_HZ, rowHz[0]));
    double hi = Math.log(rowHz[rowHz.length - 1]);
    return Math.exp(lo + (hi - lo) * k / (KNOTS - 1));
  }

  /** The curve through {@code knotDb} at {@code f} Hz: linear in log frequency between knots, flat outside. */
  double gainDb(double[] knotDb, double f) {
    if (f <= knotHz(0)) return knotDb[0];
    for (int k = 1; k < KNOTS; k++) {
      double a = knotHz(k - 1);
      double b = knotHz(k);
      if (f <= b) {
        double t = Math.log(f / a) / Math.log(b / a);
        return (1 - t) * knotDb[k - 1] + t * knotDb[k];
      }
    }
    return knotDb[KNOTS - 1];
  }
}

package org.spectrolens.filter;

/**
 * How a filter reads cells beyond the grid's edge, with scipy.ndimage's names and meanings (each
 * applied per axis, to any distance from the edge). For an edge {@code a b c d}:
 * <ul>
 *   <li>{@link #REFLECT}: {@code d c b a | a b c d | d c b a} (half-sample symmetric; ndimage's
 *       default, numpy's and scikit-image's {@code symmetric});
 *   <li>{@link #MIRROR}: {@code d c b | a b c d | c b a} (whole-sample; numpy's {@code reflect});
 *   <li>{@link #NEAREST}: {@code a a a | a b c d | d d d};
 *   <li>{@link #WRAP}: {@code a b c d | a b c d | a b c d};
 *   <li>{@link #CONSTANT}: zeros ({@code scipy.signal}'s {@code 'same'} correlation, scikit-image's
 *       bilateral default). In a dB spectrogram zero is not silence: prefer the others there.
 * </ul>
 */
public enum Boundary {
  REFLECT, MIRROR, NEAREST, WRAP, CONSTANT;

  /** The cell that stands for index {@code i} of a line of {@code n}, or -1 for a zero (CONSTANT). */
  public int index(int i, int n) {
    if (i >= 0 && i < n) return i;
    switch (this) {
      case REFLECT -> {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
      }
      case MIRROR -> {
        if (n == 1) return 0;
        int period = 2 * n - 2;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
      }
      case NEAREST -> {
        return i < 0 ? 0 : n - 1;
      }
      case WRAP -> {
        return Math.floorMod(i, n);
      }
      default -> {
        return -1;
      }
    }
  }

  /** Cell {@code (r, c)} of {@code x} under this boundary (0 outside for CONSTANT). */
  double at(float[][] x, int r, int c) {
    int rr = index(r, x.length);
    int cc = index(c, x[0].length);
    return rr < 0 || cc < 0 ? 0.0 : x[rr][cc];
  }
}

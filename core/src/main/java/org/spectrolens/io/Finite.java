package org.spectrolens.io;

import java.util.Arrays;
import org.spectrolens.SpectrolensException;

/**
 * The one check that numbers entering spectrolens are finite: NaN and infinities in an input
 * array, weights or statistics would come out as NaN probabilities reported as a result. Messages
 * name the file and the first bad position: {@code x.npy: value [3, 17] is NaN; ...}.
 */
public final class Finite {
  private Finite() {}

  /**
   * @param name the file (subject of the error)
   * @param what what the values are, e.g. "value" or "tensor 'fc.weight' value"
   * @param shape dimensions in C order (the position is reported as an index into them)
   */
  public static void check(String name, String what, long[] shape, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new SpectrolensException(name, what + " " + position(shape, i) + " is " + describe(values[i])
            + "; only finite numbers are accepted");
      }
    }
  }

  /** {@link #check(String, String, long[], float[])} for int shapes. */
  public static void check(String name, String what, int[] shape, float[] values) {
    check(name, what, Arrays.stream(shape).asLongStream().toArray(), values);
  }

  /** One number, e.g. a normalisation statistic: {@code config.json: normalization.std is NaN; ...}. */
  public static double check(String name, String what, double value) {
    if (!Double.isFinite(value)) {
      throw new SpectrolensException(name, what + " is " + describe(value) + "; only finite numbers are accepted");
    }
    return value;
  }

  private static String describe(double v) {
    return Double.isNaN(v) ? "NaN" : v > 0 ? "+inf" : "-inf";
  }

  /** The C-order index of flat position {@code i} in {@code shape}, as "[a, b, c]". */
  static String position(long[] shape, long i) {
    long[] idx = new long[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      if (shape[d] > 0) {
        idx[d] = i % shape[d];
        i /= shape[d];
      }
    }
    return Arrays.toString(idx);
  }
}

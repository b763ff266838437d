package org.spectrolens.nn.weights;

import java.util.Arrays;

/**
 * A named tensor as stored in a safetensors file: float values (F32, or F16/BF16 widened on read)
 * or 64-bit integers (I64, e.g. batch norm's {@code num_batches_tracked}).
 *
 * @param dtype the safetensors dtype it is written as: F32 or I64
 * @param shape dimensions, C order
 * @param floats values when dtype is F32, else null
 * @param longs values when dtype is I64, else null
 */
public record Tensor(String dtype, long[] shape, float[] floats, long[] longs) {
  public Tensor {
    long n = count(shape);
    int have = floats != null ? floats.length : longs.length;
    if (n != have) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + have);
  }

  public static Tensor f32(long[] shape, float[] values) {
    return new Tensor("F32", shape, values, null);
  }

  public static Tensor i64(long[] shape, long[] values) {
    return new Tensor("I64", shape, null, values);
  }

  public boolean isFloat() {
    return floats != null;
  }

  public static long count(long[] shape) {
    long n = 1;
    for (long d : shape) n *= d;
    return n;
  }
}

package org.spectrolens.spectrogram;

/**
 * Value scaling for model input. Only the values change; axes and spec are kept. Constant grids
 * (zero spread) map to all zeros instead of dividing by zero.
 */
public final class Normalisation {
  private Normalisation() {}

  /** (x - mean) / std over the whole grid (population std, as torch's {@code std(unbiased=False)}). */
  public static Spectrogram standardise(Spectrogram s) {
    return s.withValues(standardise(s.values()));
  }

  /** (x - min) / (max - min) over the whole grid, into [0, 1]. */
  public static Spectrogram minMax(Spectrogram s) {
    return s.withValues(minMax(s.values()));
  }

  public static float[][] standardise(float[][] v) {
    double sum = 0;
    long n = 0;
    for (float[] row : v) {
      for (float x : row) sum += x;
      n += row.length;
    }
    if (n == 0) return copy(v);
    double mean = sum / n;
    double ss = 0;
    for (float[] row : v) for (float x : row) ss += (x - mean) * (x - mean);
    double std = Math.sqrt(ss / n);
    float[][] out = new float[v.length][];
    for (int r = 0; r < v.length; r++) {
      out[r] = new float[v[r].length];
      for (int c = 0; c < v[r].length; c++) out[r][c] = std > 0 ? (float) ((v[r][c] - mean) / std) : 0f;
    }
    return out;
  }

  public static float[][] minMax(float[][] v) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float[] row : v) {
      for (float x : row) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
    }
    float[][] out = new float[v.length][];
    double range = max - min;
    for (int r = 0; r < v.length; r++) {
      out[r] = new float[v[r].length];
      for (int c = 0; c < v[r].length; c++) out[r][c] = range > 0 ? (float) ((v[r][c] - min) / range) : 0f;
    }
    return out;
  }

  private static float[][] copy(float[][] v) {
    float[][] out = new float[v.length][];
    for (int r = 0; r < v.length; r++) out[r] = v[r].clone();
    return out;
  }
}

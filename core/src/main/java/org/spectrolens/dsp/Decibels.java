package org.spectrolens.dsp;

/**
 * Power or amplitude to decibels as torchaudio's {@code AmplitudeToDB} and librosa's
 * {@code power_to_db} compute it: {@code multiplier * log10(max(amin, x)) - multiplier *
 * log10(max(amin, ref))}, then, if {@code topDb} is finite, values below {@code max - topDb} are
 * raised to it, the maximum taken over the whole grid (torchaudio for a 2-D input; librosa up to
 * 0.11). The multiplier is 10 for power and 20 for magnitude. torchaudio's amin is 1e-10 for
 * both (a magnitude floor of -200 dB); librosa's {@code amplitude_to_db} uses amin 1e-5 on
 * magnitudes, which is the same floor as 1e-10 on power.
 */
public final class Decibels {
  /** Both tools' default floor. */
  public static final double AMIN = 1e-10;

  private Decibels() {}

  /** dB of a grid; returns a new grid. {@code topDb} NaN or infinite means no clipping. */
  public static float[][] convert(float[][] x, double multiplier, double ref, double amin, double topDb) {
    if (!(amin > 0)) throw new IllegalArgumentException("amin must be positive: " + amin);
    if (!Double.isNaN(topDb) && topDb < 0) throw new IllegalArgumentException("top_db must be non-negative: " + topDb);
    double offset = multiplier * Math.log10(Math.max(amin, ref));
    float[][] out = new float[x.length][];
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < x.length; r++) {
      float[] in = x[r];
      float[] o = new float[in.length];
      for (int c = 0; c < in.length; c++) {
        double v = multiplier * Math.log10(Math.max(amin, in[c])) - offset;
        o[c] = (float) v;
        if (v > max) max = v;
      }
      out[r] = o;
    }
    if (Double.isFinite(topDb)) {
      float floor = (float) (max - topDb);
      for (float[] row : out) {
        for (int c = 0; c < row.length; c++) if (row[c] < floor) row[c] = floor;
      }
    }
    return out;
  }

  /** 10 log10 of power values. */
  public static float[][] fromPower(float[][] power, double ref, double amin, double topDb) {
    return convert(power, 10.0, ref, amin, topDb);
  }

  /** 20 log10 of magnitudes. */
  public static float[][] fromMagnitude(float[][] magnitude, double ref, double amin, double topDb) {
    return convert(magnitude, 20.0, ref, amin, topDb);
  }
}

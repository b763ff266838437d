package org.spectrolens.explain;

/**
 * What "removed" means when an input is masked or occluded: {@code x' = b + m * (x - b)}. In a dB
 * spectrogram (and after standardisation) zero is neither silence nor absence, so the baseline
 * is a choice, recorded with every map:
 * <ul>
 *   <li>{@link #FLOOR}: the input's minimum (the quietest cell; for a dB spectrogram clipped at
 *       top_db, the floor) per sample and channel. The default.
 *   <li>{@link #MEAN}: the input's mean per sample and channel.
 *   <li>{@link #FREQ_MEAN}: each row's (frequency's) mean over time, keeping the spectral shape
 *       and removing what is specific to a moment.
 *   <li>{@link #BLUR}: a Gaussian-blurred copy (kernel 11, sigma 5, as RISE's insertion start).
 *   <li>{@link #ZERO}: zero, only to reproduce the image libraries.
 * </ul>
 */
public enum Baseline {
  ZERO("zero"), FLOOR("floor"), MEAN("mean"), FREQ_MEAN("freq-mean"), BLUR("blur");

  static final int BLUR_KERNEL = 11;
  static final double BLUR_SIGMA = 5;

  private final String id;

  Baseline(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }


  /** The baseline of one input [c, h, w] (flat). */
  public float[] of(float[] x, int c, int h, int w) {
    float[] b = new float[x.length];
    int hw = h * w;
    for (int ch = 0; ch < c; ch++) {
      int o = ch * hw;
      switch (this) {
        case ZERO -> { }
        case FLOOR -> {
          float lo = Float.POSITIVE_INFINITY;
          for (int i = 0; i < hw; i++) lo = Math.min(lo, x[o + i]);
          java.util.Arrays.fill(b, o, o + hw, lo);
        }
        case MEAN -> {
          double s = 0;
          for (int i = 0; i < hw; i++) s += x[o + i];
          java.util.Arrays.fill(b, o, o + hw, (float) (s / hw));
        }
        case FREQ_MEAN -> {
          for (int r = 0; r < h; r++) {
            double s = 0;
            for (int t = 0; t < w; t++) s += x[o + r * w + t];
            java.util.Arrays.fill(b, o + r * w, o + (r + 1) * w, (float) (s / w));
          }
        }
        case BLUR -> blur(x, o, h, w, b);
      }
    }
    return b;
  }

  /** {@code b + m * (x - b)} for one input [c, h, w] and a mask [h, w] shared by the channels. */
  public static void mask(float[] x, float[] b, float[] m, int c, int hw, float[] out, int outOffset) {
    for (int ch = 0; ch < c; ch++) {
      int o = ch * hw;
      for (int i = 0; i < hw; i++) out[outOffset + o + i] = b[o + i] + m[i] * (x[o + i] - b[o + i]);
    }
  }

  /** Separable Gaussian blur with reflected edges (as scipy/torchvision's reflect padding). */
  private static void blur(float[] x, int o, int h, int w, float[] out) {
    int r = BLUR_KERNEL / 2;
    double[] k = new double[BLUR_KERNEL];
    double sum = 0;
    for (int i = 0; i < k.length; i++) {
      k[i] = Math.exp(-0.5 * (i - r) * (i - r) / (BLUR_SIGMA * BLUR_SIGMA));
      sum += k[i];
    }
    for (int i = 0; i < k.length; i++) k[i] /= sum;
    double[] tmp = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int t = 0; t < w; t++) {
        double s = 0;
        for (int i = -r; i <= r; i++) s += k[i + r] * x[o + y * w + reflect(t + i, w)];
        tmp[y * w + t] = s;
      }
    }
    for (int y = 0; y < h; y++) {
      for (int t = 0; t < w; t++) {
        double s = 0;
        for (int i = -r; i <= r; i++) s += k[i + r] * tmp[reflect(y + i, h) * w + t];
        out[o + y * w + t] = (float) s;
      }
    }
  }

  private static int reflect(int i, int n) {
    if (n == 1) return 0;
    int period = 2 * (n - 1);
    i = Math.floorMod(i, period);
    return i < n ? i : period - i;
  }
}

package org.spectrolens.features;

/**
 * Zero-crossing rate, librosa's {@code feature.zero_crossing_rate(frame_length=2048,
 * hop_length=512, center=True)} with frame length = the analysis's n_fft: the signal is padded by
 * n_fft/2 at both ends by repeating its edge samples, cut into frames of n_fft every hop, and per
 * frame the number of sign changes between consecutive samples (values with |x| <= 1e-10 count
 * as 0, and 0 as positive) is divided by the frame length. Units: crossings per sample (a sine of
 * f Hz gives 2 f / sr). Needs the samples. Column {@code zcr}.
 */
public final class ZeroCrossingRate implements Feature {
  /** librosa's {@code threshold}: smaller magnitudes are zero. */
  public static final double THRESHOLD = 1e-10;

  @Override
  public String id() {
    return "zcr";
  }

  @Override
  public String description() {
    return "zero-crossing rate (crossings per sample): sign changes per frame of n_fft samples, edge padding";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    float[] x = a.samples(id());
    int n = x.length;
    int len = a.nFft();
    int pad = len / 2;
    float[] v = new float[a.frames()];
    for (int t = 0; t < v.length; t++) {
      int start = t * a.hop() - pad;
      int count = 0;
      boolean prev = negative(x[clamp(start, n)]);
      for (int i = 1; i < len; i++) {
        boolean cur = negative(x[clamp(start + i, n)]);
        if (cur != prev) count++;
        prev = cur;
      }
      v[t] = (float) count / len;
    }
    return FeatureTrack.of(a.times(), "zcr", v);
  }

  private static boolean negative(float v) {
    return Math.abs(v) > THRESHOLD && v < 0;
  }

  private static int clamp(int i, int n) {
    return Math.min(n - 1, Math.max(0, i));
  }
}

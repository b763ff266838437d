package org.spectrolens.features;

/**
 * Root-mean-square level, librosa's {@code feature.rms(frame_length=2048, hop_length=512,
 * center=True, pad_mode="constant")} with frame length = n_fft: from the samples,
 * {@code sqrt(mean(x^2))} over each frame of n_fft samples (zero padding of n_fft/2 at both ends;
 * no window), so a sine of amplitude A gives A / sqrt 2. Without samples (magnitudes alone) it is
 * librosa's {@code rms(S=...)}: Parseval on the windowed frames, {@code sqrt(2 sum_k' |S_k|^2 /
 * n_fft^2)} with the 0 Hz and Nyquist bins halved: the window is included, so a Hann-windowed sine
 * of amplitude A gives {@code A sqrt(3/8) / sqrt 2} (3/8 being the Hann window's mean square). Units: the samples' (full
 * scale 1). Column {@code rms}.
 */
public final class Rms implements Feature {
  @Override
  public String id() {
    return "rms";
  }

  @Override
  public String description() {
    return "RMS level (full scale 1): root mean square of each frame of n_fft samples (Parseval on |STFT| without samples)";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    float[] v = a.clip() != null ? fromSamples(a) : fromMagnitude(a.magnitude(), a.nFft());
    return FeatureTrack.of(a.times(), "rms", v);
  }

  private static float[] fromSamples(Analysis a) {
    float[] x = a.samples("rms");
    int len = a.nFft();
    int pad = len / 2;
    float[] v = new float[a.frames()];
    for (int t = 0; t < v.length; t++) {
      int start = t * a.hop() - pad;
      double s = 0;
      for (int i = Math.max(0, start); i < Math.min(x.length, start + len); i++) s += (double) x[i] * x[i];
      v[t] = (float) Math.sqrt(s / len);
    }
    return v;
  }

  /** librosa's Parseval form on magnitudes [bin][frame] of an nFft-point STFT. */
  static float[] fromMagnitude(float[][] s, int nFft) {
    int frames = s[0].length;
    float[] v = new float[frames];
    for (int t = 0; t < frames; t++) {
      double sum = 0;
      for (int k = 0; k < s.length; k++) {
        double p = (double) s[k][t] * s[k][t];
        if (k == 0 || (nFft % 2 == 0 && k == s.length - 1)) p *= 0.5;
        sum += p;
      }
      v[t] = (float) Math.sqrt(2 * sum / ((double) nFft * nFft));
    }
    return v;
  }
}

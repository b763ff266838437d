package org.spectrolens.features;

/**
 * Spectral centroid, librosa's {@code feature.spectral_centroid} (and torchaudio's
 * {@code functional.spectral_centroid}): per frame, {@code c_t = sum_k f_k S[k,t] / sum_k S[k,t]}
 * on the magnitude STFT, f_k = k sr / n_fft. Units: Hz. A silent frame (all bins 0) gives 0, as
 * librosa (torchaudio gives NaN). Column {@code centroid}.
 */
public final class SpectralCentroid implements Feature {
  @Override
  public String id() {
    return "centroid";
  }

  @Override
  public String description() {
    return "spectral centroid (Hz): magnitude-weighted mean frequency per frame";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    double[] c = centroid(a);
    float[] v = new float[c.length];
    for (int t = 0; t < c.length; t++) v[t] = (float) c[t];
    return FeatureTrack.of(a.times(), "centroid", v);
  }

  /** The centroid of every frame in Hz, in double. */
  static double[] centroid(Analysis a) {
    float[][] s = a.magnitude();
    double[] sum = Analysis.columnSums(s);
    double[] out = new double[sum.length];
    for (int k = 0; k < s.length; k++) {
      double f = a.binHz(k);
      for (int t = 0; t < sum.length; t++) out[t] += f * s[k][t];
    }
    for (int t = 0; t < sum.length; t++) out[t] = sum[t] > 0 ? out[t] / sum[t] : 0.0;
    return out;
  }
}

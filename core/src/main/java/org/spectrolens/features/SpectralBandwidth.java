package org.spectrolens.features;

/**
 * Spectral bandwidth, librosa's {@code feature.spectral_bandwidth(p=2, norm=True)}: per frame,
 * {@code (sum_k S~[k,t] |f_k - c_t|^2)^(1/2)} with S~ the magnitude column normalised to sum 1
 * and c_t the {@link SpectralCentroid}: the spread of the spectrum around its centroid. Units: Hz.
 * A pure tone's bandwidth is that of its window's main lobe. Column {@code bandwidth}.
 */
public final class SpectralBandwidth implements Feature {
  @Override
  public String id() {
    return "bandwidth";
  }

  @Override
  public String description() {
    return "spectral bandwidth (Hz): magnitude-weighted standard deviation of frequency around the centroid (p=2)";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    float[][] s = a.magnitude();
    double[] c = SpectralCentroid.centroid(a);
    double[] sum = Analysis.columnSums(s);
    double[] acc = new double[c.length];
    for (int k = 0; k < s.length; k++) {
      double f = a.binHz(k);
      for (int t = 0; t < c.length; t++) acc[t] += s[k][t] * (f - c[t]) * (f - c[t]);
    }
    float[] v = new float[c.length];
    for (int t = 0; t < c.length; t++) v[t] = (float) Math.sqrt(sum[t] > 0 ? acc[t] / sum[t] : acc[t]);
    return FeatureTrack.of(a.times(), "bandwidth", v);
  }
}

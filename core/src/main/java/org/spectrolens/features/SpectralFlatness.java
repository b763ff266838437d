package org.spectrolens.features;

/**
 * Spectral flatness (Wiener entropy), librosa's {@code feature.spectral_flatness(amin=1e-10,
 * power=2.0)}: per frame, the geometric mean over bins of {@code max(amin, S^2)} divided by their
 * arithmetic mean, S the magnitude STFT. Unitless in (0, 1]: near 1 for white noise, near 0 for
 * a tone. Column {@code flatness}.
 */
public final class SpectralFlatness implements Feature {
  /** librosa's floor on S^2. */
  public static final double AMIN = 1e-10;

  @Override
  public String id() {
    return "flatness";
  }

  @Override
  public String description() {
    return "spectral flatness (0..1): geometric over arithmetic mean of the power spectrum (amin 1e-10)";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    float[][] s = a.magnitude();
    int frames = s[0].length;
    float[] v = new float[frames];
    for (int t = 0; t < frames; t++) {
      double logSum = 0;
      double sum = 0;
      for (float[] row : s) {
        double p = Math.max(AMIN, (double) row[t] * row[t]);
        logSum += Math.log(p);
        sum += p;
      }
      v[t] = (float) (Math.exp(logSum / s.length) / (sum / s.length));
    }
    return FeatureTrack.of(a.times(), "flatness", v);
  }
}

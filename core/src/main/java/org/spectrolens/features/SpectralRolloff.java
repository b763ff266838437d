package org.spectrolens.features;

/**
 * Spectral roll-off, librosa's {@code feature.spectral_rolloff(roll_percent=0.85)}: per frame, the
 * centre frequency of the lowest bin at which the cumulative magnitude (from 0 Hz) reaches 85 % of
 * the frame's total. Units: Hz, on the bin grid (k sr / n_fft); a silent frame gives 0 Hz.
 * Column {@code rolloff}.
 */
public final class SpectralRolloff implements Feature {
  /** librosa's {@code roll_percent}. */
  public static final double ROLL_PERCENT = 0.85;

  @Override
  public String id() {
    return "rolloff";
  }

  @Override
  public String description() {
    return "spectral roll-off (Hz): lowest bin frequency below which 85% of the frame's magnitude lies";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    float[][] s = a.magnitude();
    double[] total = Analysis.columnSums(s);
    float[] v = new float[total.length];
    for (int t = 0; t < total.length; t++) {
      double threshold = ROLL_PERCENT * total[t];
      double cum = 0;
      for (int k = 0; k < s.length; k++) {
        cum += s[k][t];
        if (cum >= threshold) {
          v[t] = (float) a.binHz(k);
          break;
        }
      }
    }
    return FeatureTrack.of(a.times(), "rolloff", v);
  }
}

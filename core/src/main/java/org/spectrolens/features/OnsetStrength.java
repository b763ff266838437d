package org.spectrolens.features;

import org.spectrolens.dsp.Decibels;

/**
 * Spectral flux as onset strength, librosa's {@code onset.onset_strength(lag=1, max_size=1,
 * detrend=False, center=True, aggregate=np.mean)}: the mel power spectrogram (128 Slaney bands,
 * see {@link Analysis#melPower}) in dB ({@code power_to_db}: ref 1, amin 1e-10, top_db 80), then
 * per frame the mean over bands of {@code max(0, X[b,t] - X[b,t-1])}; the envelope is shifted
 * right by {@code lag + n_fft / (2 hop)} frames (3 at librosa's defaults, zeros in front) to undo
 * the centred framing, and cut to the number of frames. Units: dB per frame (mean rise). Column
 * {@code flux}.
 */
public final class OnsetStrength implements Feature {
  @Override
  public String id() {
    return "flux";
  }

  @Override
  public String description() {
    return "spectral flux / onset strength (dB): mean positive rise of the log-mel spectrum, librosa's onset_strength";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    float[][] db = Decibels.fromPower(a.melPower(), 1.0, Decibels.AMIN, 80.0);
    int frames = db[0].length;
    int lag = 1;
    int shift = lag + a.nFft() / (2 * a.hop());
    float[] v = new float[frames];
    for (int t = lag; t < frames; t++) {
      int to = t - lag + shift; // the difference at t lands at (t - lag) + pad
      if (to >= frames) break;
      double sum = 0;
      for (float[] band : db) sum += Math.max(0.0, band[t] - band[t - lag]);
      v[to] = (float) (sum / db.length);
    }
    return FeatureTrack.of(a.times(), "flux", v);
  }
}

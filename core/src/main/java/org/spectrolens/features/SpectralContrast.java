package org.spectrolens.features;

import java.util.Arrays;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dsp.Decibels;

/**
 * Spectral contrast (Jiang et al. 2002), librosa's {@code feature.spectral_contrast(fmin=200,
 * n_bands=6, quantile=0.02, linear=False)}: the magnitude STFT is cut into 7 bands with edges
 * 0, 200, 400, 800, 1600, 3200, 6400 Hz, the last band running to the Nyquist frequency (a band
 * k > 0 also takes the bin just below its lower edge; bands below the last drop their top bin).
 * In each band and frame, peak and valley are the means of the top and bottom
 * {@code max(1, round(0.02 * bins in band))} magnitudes; the contrast is
 * {@code power_to_db(peak) - power_to_db(valley)}, each {@code power_to_db} with ref 1, amin 1e-10
 * and top_db 80 over its whole [band][frame] array (applied to magnitudes, as librosa does).
 * Units: dB. Columns {@code contrast_0 .. contrast_6}, lowest band first. Needs a sample rate
 * above 12,800 Hz (every lower band edge below Nyquist).
 */
public final class SpectralContrast implements Feature {
  public static final double FMIN = 200.0;
  public static final int BANDS = 6;
  public static final double QUANTILE = 0.02;

  @Override
  public String id() {
    return "contrast";
  }

  @Override
  public String description() {
    return "spectral contrast (dB): peak minus valley in 7 octave bands from 200 Hz (contrast_0..6)";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    float[][] s = a.magnitude();
    int frames = s[0].length;
    double[] edges = new double[BANDS + 2];
    for (int i = 1; i < edges.length; i++) edges[i] = FMIN * Math.pow(2.0, i - 1);
    if (edges[BANDS] >= a.sampleRate() / 2) {
      throw new SpectrolensException(a.source(), String.format(Locale.ROOT,
          "spectral contrast needs a sample rate above %.0f Hz (band edge %.0f Hz below Nyquist); this clip is %.0f Hz",
          2 * edges[BANDS], edges[BANDS], a.sampleRate()));
    }
    float[][] peak = new float[BANDS + 1][frames];
    float[][] valley = new float[BANDS + 1][frames];
    int bins = s.length;
    for (int b = 0; b <= BANDS; b++) {
      int lo = -1;
      int hi = -1;
      for (int k = 0; k < bins; k++) {
        double f = a.binHz(k);
        if (f >= edges[b] && f <= edges[b + 1]) {
          if (lo < 0) lo = k;
          hi = k;
        }
      }
      if (lo > 0 && b > 0) lo--;
      if (b == BANDS) hi = bins - 1;
      int count = hi - lo + 1; // bins in the band, before the top one is dropped
      int to = b < BANDS ? hi - 1 : hi;
      if (lo < 0 || to < lo) {
        throw new SpectrolensException(a.source(), String.format(Locale.ROOT,
            "spectral contrast band %d (%.0f-%.0f Hz) holds no STFT bin at n_fft %d (bins %.1f Hz apart); use a larger n_fft",
            b, edges[b], edges[b + 1], a.nFft(), a.sampleRate() / a.nFft()));
      }
      int n = Math.max(1, (int) Math.rint(QUANTILE * count));
      float[] col = new float[to - lo + 1];
      for (int t = 0; t < frames; t++) {
        for (int k = lo; k <= to; k++) col[k - lo] = s[k][t];
        Arrays.sort(col);
        double v = 0;
        double p = 0;
        for (int i = 0; i < n; i++) {
          v += col[i];
          p += col[col.length - 1 - i];
        }
        valley[b][t] = (float) (v / n);
        peak[b][t] = (float) (p / n);
      }
    }
    float[][] pdb = Decibels.fromPower(peak, 1.0, Decibels.AMIN, 80.0);
    float[][] vdb = Decibels.fromPower(valley, 1.0, Decibels.AMIN, 80.0);
    float[][] out = new float[BANDS + 1][frames];
    for (int b = 0; b <= BANDS; b++) for (int t = 0; t < frames; t++) out[b][t] = pdb[b][t] - vdb[b][t];
    return FeatureTrack.numbered(a.times(), "contrast", out);
  }
}

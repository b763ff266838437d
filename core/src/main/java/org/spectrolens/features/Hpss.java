package org.spectrolens.features;

import java.util.Arrays;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * Harmonic/percussive separation by median filtering (Fitzgerald 2010) with soft masks, as
 * {@code librosa.decompose.hpss(S, kernel_size=31, power=2.0, mask=False, margin=1.0)}: on
 * magnitudes S [bin][frame], H = median of S over {@code harmonicKernel} frames along time
 * (sustained tones are smooth in time), P = median over {@code percussiveKernel} bins along
 * frequency (clicks are smooth in frequency), both with scipy.ndimage's {@code mode="reflect"}
 * edges (the edge value repeated: d c b a | a b c d). Masks
 * {@code M_H = H^p / (H^p + (m_H P)^p)} and {@code M_P = P^p / (P^p + (m_P H)^p)}, p = {@code power};
 * where both medians vanish the masks are 1/2 each when both margins are 1 (librosa's
 * {@code split_zeros}), 0 otherwise. With margins 1 the masks sum to 1, so harmonic + percussive
 * = S (and, on a complex STFT, the two parts' inverse STFTs sum to the signal). Margins above 1
 * leave a residual. The grid may be any non-negative magnitude grid (librosa applies it to
 * |STFT|); kernels are in cells, odd.
 *
 * @param harmonicKernel median length along time (frames), odd, default 31
 * @param percussiveKernel median length along frequency (bins), odd, default 31
 * @param power mask exponent p, default 2
 * @param harmonicMargin m_H >= 1, default 1
 * @param percussiveMargin m_P >= 1, default 1
 */
public record Hpss(int harmonicKernel, int percussiveKernel, double power, double harmonicMargin, double percussiveMargin) {
  public Hpss {
    if (harmonicKernel < 1 || harmonicKernel % 2 == 0 || percussiveKernel < 1 || percussiveKernel % 2 == 0) {
      throw new IllegalArgumentException("HPSS kernels must be odd and positive: " + harmonicKernel + ", " + percussiveKernel);
    }
    if (!(power > 0) || Double.isInfinite(power)) throw new IllegalArgumentException("HPSS power must be positive and finite: " + power);
    if (!(harmonicMargin >= 1 && percussiveMargin >= 1)) {
      throw new IllegalArgumentException("HPSS margins must be >= 1: " + harmonicMargin + ", " + percussiveMargin);
    }
  }

  /** librosa's defaults: kernels 31, power 2, margins 1. */
  public static Hpss librosa() {
    return new Hpss(31, 31, 2.0, 1.0, 1.0);
  }

  /** The two soft masks, [bin][frame] each, values in [0, 1]. */
  public record Masks(float[][] harmonic, float[][] percussive) {}

  /** The masked magnitudes S * M_H and S * M_P. */
  public record Parts(float[][] harmonic, float[][] percussive) {}

  /** The masks of a magnitude grid [bin][frame]. */
  public Masks masks(float[][] s) {
    float[][] h = medianAlongTime(s, harmonicKernel);
    float[][] p = medianAlongFrequency(s, percussiveKernel);
    boolean split = harmonicMargin == 1 && percussiveMargin == 1;
    int rows = s.length;
    int cols = s[0].length;
    float[][] mh = new float[rows][cols];
    float[][] mp = new float[rows][cols];
    for (int k = 0; k < rows; k++) {
      for (int t = 0; t < cols; t++) {
        mh[k][t] = softmask(h[k][t], harmonicMargin * p[k][t], split);
        mp[k][t] = softmask(p[k][t], percussiveMargin * h[k][t], split);
      }
    }
    return new Masks(mh, mp);
  }

  /** The harmonic and percussive magnitudes. */
  public Parts split(float[][] s) {
    Masks m = masks(s);
    return new Parts(times(s, m.harmonic()), times(s, m.percussive()));
  }

  /** The harmonic and percussive parts of a magnitude spectrogram, same axes: [harmonic, percussive]. */
  public Spectrogram[] split(Spectrogram s) {
    Parts p = split(s.values());
    return new Spectrogram[] {s.withValues(p.harmonic()), s.withValues(p.percussive())};
  }

  /** librosa's {@code util.softmask(x, ref, power)}: (x/z)^p / ((x/z)^p + (ref/z)^p), z = max(x, ref). */
  private float softmask(double x, double ref, boolean splitZeros) {
    double z = Math.max(x, ref);
    if (z < Float.MIN_NORMAL) return splitZeros ? 0.5f : 0f;
    double a = Math.pow(x / z, power);
    double b = Math.pow(ref / z, power);
    return (float) (a / (a + b));
  }

  private static float[][] times(float[][] s, float[][] m) {
    float[][] out = new float[s.length][s[0].length];
    for (int k = 0; k < s.length; k++) for (int t = 0; t < s[k].length; t++) out[k][t] = s[k][t] * m[k][t];
    return out;
  }

  /** Median over {@code size} cells along each row, scipy.ndimage reflect edges. */
  static float[][] medianAlongTime(float[][] s, int size) {
    float[][] out = new float[s.length][];
    for (int k = 0; k < s.length; k++) out[k] = median(s[k], size);
    return out;
  }

  /** Median over {@code size} cells along each column. */
  static float[][] medianAlongFrequency(float[][] s, int size) {
    int rows = s.length;
    int cols = s[0].length;
    float[][] out = new float[rows][cols];
    float[] column = new float[rows];
    for (int t = 0; t < cols; t++) {
      for (int k = 0; k < rows; k++) column[k] = s[k][t];
      float[] m = median(column, size);
      for (int k = 0; k < rows; k++) out[k][t] = m[k];
    }
    return out;
  }

  /** Running median of odd length {@code size}; outside the ends, scipy's reflect: x[-1-i] = x[i]. */
  static float[] median(float[] x, int size) {
    int n = x.length;
    int half = size / 2;
    float[] out = new float[n];
    float[] w = new float[size];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < size; j++) w[j] = x[reflect(i - half + j, n)];
      Arrays.sort(w);
      out[i] = w[half];
    }
    return out;
  }

  /** scipy.ndimage "reflect" (half-sample symmetric) index, periodic with period 2n. */
  static int reflect(int i, int n) {
    int m = Math.floorMod(i, 2 * n);
    return m < n ? m : 2 * n - 1 - m;
  }
}

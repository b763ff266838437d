package org.spectrolens.dsp;

/**
 * Triangular mel filters over the bins of a real FFT, as {@code librosa.filters.mel} and
 * {@code torchaudio.functional.melscale_fbanks} build them: {@code nMels + 2} points equally
 * spaced in mel between mel(fmin) and mel(fmax), converted to Hz; band i rises from point i to
 * point i+1 and falls to point i+2, the weight of the bin at f being
 * {@code max(0, min((f - f_i)/(f_{i+1} - f_i), (f_{i+2} - f)/(f_{i+2} - f_{i+1})))}. Slaney
 * area normalisation multiplies band i by {@code 2 / (f_{i+2} - f_i)}.
 *
 * <p>Bin k sits at {@code k * sr / nFft} (librosa's {@code fft_frequencies}); torchaudio uses
 * {@code linspace(0, sr // 2, nFft/2 + 1)}, which is the same for an even sample rate. Defaults
 * differ between the tools: librosa uses Slaney + area norm, torchaudio HTK + no norm.
 */
public final class MelFilterBank {
  private final int nMels;
  private final int bins;
  private final MelScale scale;
  private final double[] pointsHz;
  private final double[][] weights;
  private final int[] first;
  private final int[] last;

  /**
   * @param slaneyNorm multiply each band by 2/(width in Hz) so that bands have equal area
   */
  public MelFilterBank(double sampleRate, int nFft, int nMels, double fmin, double fmax, MelScale scale,
      boolean slaneyNorm) {
    if (nMels < 1) throw new IllegalArgumentException("n_mels must be positive: " + nMels);
    if (!(fmin >= 0 && fmax > fmin)) {
      throw new IllegalArgumentException("need 0 <= fmin < fmax, got fmin " + fmin + ", fmax " + fmax);
    }
    this.nMels = nMels;
    this.bins = nFft / 2 + 1;
    this.scale = scale;
    double mMin = scale.hzToMel(fmin);
    double mMax = scale.hzToMel(fmax);
    pointsHz = new double[nMels + 2];
    for (int i = 0; i < pointsHz.length; i++) {
      pointsHz[i] = scale.melToHz(mMin + (mMax - mMin) * i / (nMels + 1));
    }
    weights = new double[nMels][bins];
    first = new int[nMels];
    last = new int[nMels];
    for (int m = 0; m < nMels; m++) {
      double lo = pointsHz[m];
      double mid = pointsHz[m + 1];
      double hi = pointsHz[m + 2];
      double norm = slaneyNorm ? 2.0 / (hi - lo) : 1.0;
      first[m] = bins;
      last[m] = -1;
      for (int k = 0; k < bins; k++) {
        double f = k * sampleRate / nFft;
        double w = Math.max(0.0, Math.min((f - lo) / (mid - lo), (hi - f) / (hi - mid)));
        if (w > 0) {
          weights[m][k] = w * norm;
          first[m] = Math.min(first[m], k);
          last[m] = k;
        }
      }
    }
  }

  public int nMels() {
    return nMels;
  }

  /** FFT bins the bank expects, nFft/2 + 1. */
  public int bins() {
    return bins;
  }

  public MelScale scale() {
    return scale;
  }

  /** The nMels + 2 triangle corners in Hz: band i spans points i..i+2 and peaks at point i+1. */
  public double[] pointsHz() {
    return pointsHz.clone();
  }

  /** Centre (peak) frequency of every band in Hz. */
  public double[] centresHz() {
    double[] c = new double[nMels];
    System.arraycopy(pointsHz, 1, c, 0, nMels);
    return c;
  }

  /** The filter matrix [band][bin] (librosa's layout; torchaudio's is its transpose). */
  public double[][] weights() {
    double[][] out = new double[nMels][];
    for (int m = 0; m < nMels; m++) out[m] = weights[m].clone();
    return out;
  }

  /** Bands that no FFT bin falls into (both reference tools warn about these). */
  public int emptyBands() {
    int n = 0;
    for (int m = 0; m < nMels; m++) if (last[m] < 0) n++;
    return n;
  }

  /** Mel spectrogram [band][frame] from an STFT [bin][frame]. */
  public float[][] apply(float[][] stft) {
    if (stft.length != bins) {
      throw new IllegalArgumentException("expected " + bins + " bins, got " + stft.length);
    }
    int frames = stft[0].length;
    float[][] out = new float[nMels][frames];
    double[] acc = new double[frames];
    for (int m = 0; m < nMels; m++) {
      java.util.Arrays.fill(acc, 0.0);
      double[] w = weights[m];
      for (int k = first[m]; k <= last[m]; k++) {
        double wk = w[k];
        float[] row = stft[k];
        for (int t = 0; t < frames; t++) acc[t] += wk * row[t];
      }
      float[] o = out[m];
      for (int t = 0; t < frames; t++) o[t] = (float) acc[t];
    }
    return out;
  }
}

package org.spectrolens.features;

import java.util.ArrayList;
import java.util.List;

/**
 * STFT chroma, librosa's {@code feature.chroma_stft(n_chroma=12, norm=inf, tuning=0.0)} on the
 * power STFT: the chroma filter bank of {@code filters.chroma(ctroct=5.0, octwidth=2, norm=2,
 * base_c=True)} (each FFT bin spread over the 12 pitch classes by a Gaussian of width about one
 * bin's span in semitones, columns L2-normalised, weighted by a Gaussian over octaves centred at
 * octave 5 (about 880 Hz) with half-width 2 octaves, row 0 = C), then each frame divided by its
 * largest class (frames of all zeros stay 0). Difference from librosa: the tuning is 0 (A = 440
 * Hz) where librosa's default estimates it from the signal. Unitless in [0, 1]. Columns
 * {@code chroma_C, chroma_C#, ..., chroma_B}.
 */
public final class Chroma implements Feature {
  public static final String[] CLASSES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
  private static final int N = 12;

  @Override
  public String id() {
    return "chroma";
  }

  @Override
  public String description() {
    return "STFT chroma (0..1): energy per pitch class, max-normalised per frame, tuning A=440 (chroma_C..chroma_B)";
  }

  @Override
  public FeatureTrack compute(Analysis a) {
    double[][] w = filterBank(a.sampleRate(), a.nFft());
    float[][] p = a.power();
    int frames = p[0].length;
    float[][] out = new float[N][frames];
    for (int t = 0; t < frames; t++) {
      double[] c = new double[N];
      for (int k = 0; k < p.length; k++) {
        double v = p[k][t];
        if (v == 0) continue;
        for (int i = 0; i < N; i++) c[i] += w[i][k] * v;
      }
      double max = 0;
      for (double v : c) max = Math.max(max, Math.abs(v));
      for (int i = 0; i < N; i++) out[i][t] = (float) (max > 0 ? c[i] / max : c[i]);
    }
    List<String> names = new ArrayList<>();
    for (String c : CLASSES) names.add("chroma_" + c);
    return new FeatureTrack(a.times(), names, out);
  }

  /**
   * librosa's {@code filters.chroma(sr, n_fft)} [class][bin] (row 0 = C): bin k > 0 sits at
   * {@code 12 log2(f_k / (440/16))} chroma steps (A0 = 27.5 Hz as 0); bin 0 is placed 1.5 octaves
   * below bin 1; its weight in class i is {@code exp(-0.5 (2 D / w_k)^2)}, D the distance from i
   * folded into [-6, 6), w_k the distance to the next bin (at least 1); each bin's column is then
   * L2-normalised and multiplied by {@code exp(-0.5 ((octs_k - 5) / 2)^2)}.
   */
  static double[][] filterBank(double sr, int nFft) {
    double[] bins = new double[nFft];
    for (int k = 1; k < nFft; k++) bins[k] = N * log2(k * sr / nFft / (440.0 / 16.0));
    bins[0] = bins[1] - 1.5 * N;
    double[] width = new double[nFft];
    for (int k = 0; k < nFft - 1; k++) width[k] = Math.max(bins[k + 1] - bins[k], 1.0);
    width[nFft - 1] = 1.0;
    int keep = nFft / 2 + 1;
    double[][] w = new double[N][keep];
    double half = Math.rint(N / 2.0);
    for (int k = 0; k < keep; k++) {
      double norm = 0;
      double[] col = new double[N];
      for (int i = 0; i < N; i++) {
        double d = bins[k] - i;
        d = ((d + half + 10 * N) % N + N) % N - half;
        col[i] = Math.exp(-0.5 * Math.pow(2 * d / width[k], 2));
        norm += col[i] * col[i];
      }
      norm = Math.sqrt(norm);
      double octave = Math.exp(-0.5 * Math.pow((bins[k] / N - 5.0) / 2.0, 2));
      for (int i = 0; i < N; i++) {
        // base_c: roll by -3 so that row 0 is C (A is class 0 before the roll)
        int row = Math.floorMod(i - 3, N);
        w[row][k] = (norm > 0 ? col[i] / norm : col[i]) * octave;
      }
    }
    return w;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }
}

package org.spectrolens.dsp;

/**
 * Mel-frequency cepstral coefficients from a log-mel (dB) grid: an orthonormal DCT-II along the
 * mel axis, {@code c_k = sqrt(2/N) * s_k * sum_n x_n cos(pi k (n + 1/2) / N)} with {@code s_0 =
 * 1/sqrt 2} and {@code s_k = 1} otherwise (torchaudio's {@code create_dct(norm="ortho")}, scipy's
 * {@code dct(type=2, norm="ortho")} that librosa uses), then optional liftering as librosa:
 * {@code c_k *= 1 + (L/2) sin(pi (k + 1) / L)}. torchaudio has no lifter.
 */
public final class Mfcc {
  private Mfcc() {}

  /** The DCT matrix [coefficient][mel band]. */
  public static double[][] dctMatrix(int nMfcc, int nMels) {
    if (nMfcc < 1 || nMfcc > nMels) {
      throw new IllegalArgumentException("n_mfcc must be in 1.." + nMels + ": " + nMfcc);
    }
    double[][] d = new double[nMfcc][nMels];
    double s = Math.sqrt(2.0 / nMels);
    for (int k = 0; k < nMfcc; k++) {
      double sk = k == 0 ? s / Math.sqrt(2.0) : s;
      for (int n = 0; n < nMels; n++) d[k][n] = sk * Math.cos(Math.PI / nMels * (n + 0.5) * k);
    }
    return d;
  }

  /** Lifter weights {@code 1 + (L/2) sin(pi (k+1) / L)}; all ones for L = 0. */
  public static double[] lifter(int nMfcc, double lifter) {
    if (lifter < 0) throw new IllegalArgumentException("lifter must be non-negative: " + lifter);
    double[] w = new double[nMfcc];
    for (int k = 0; k < nMfcc; k++) w[k] = lifter > 0 ? 1.0 + lifter / 2.0 * Math.sin(Math.PI * (k + 1) / lifter) : 1.0;
    return w;
  }

  /** Coefficients [coefficient][frame] of a log-mel grid [band][frame]. */
  public static float[][] apply(float[][] logMel, int nMfcc, double lifter) {
    int nMels = logMel.length;
    double[][] dct = dctMatrix(nMfcc, nMels);
    double[] lift = lifter(nMfcc, lifter);
    int frames = logMel[0].length;
    float[][] out = new float[nMfcc][frames];
    double[] acc = new double[frames];
    for (int k = 0; k < nMfcc; k++) {
      java.util.Arrays.fill(acc, 0.0);
      for (int n = 0; n < nMels; n++) {
        double w = dct[k][n];
        float[] row = logMel[n];
        for (int t = 0; t < frames; t++) acc[t] += w * row[t];
      }
      for (int t = 0; t < frames; t++) out[k][t] = (float) (acc[t] * lift[k]);
    }
    return out;
  }
}

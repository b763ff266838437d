package org.spectrolens.dsp;

/**
 * A complex short-time spectrum, {@code re[bin][frame] + i im[bin][frame]}, bin k at
 * {@code k * sr / nFft} (as {@code torch.stft(..., return_complex=True)} and librosa's {@code stft}
 * lay it out). Arrays are shared, not copied: treat them as read-only unless a method says so.
 */
public record Spectrum(double[][] re, double[][] im) {
  public Spectrum {
    if (re.length != im.length || re.length == 0 || re[0].length != im[0].length) {
      throw new IllegalArgumentException("real and imaginary parts must have the same non-empty shape");
    }
  }

  /** A zero spectrum of {@code bins} x {@code frames}. */
  public static Spectrum zeros(int bins, int frames) {
    return new Spectrum(new double[bins][frames], new double[bins][frames]);
  }

  public int bins() {
    return re.length;
  }

  public int frames() {
    return re[0].length;
  }

  /** |X| as [bin][frame]. */
  public float[][] magnitude() {
    float[][] out = new float[bins()][frames()];
    for (int k = 0; k < bins(); k++) {
      for (int t = 0; t < frames(); t++) out[k][t] = (float) Math.hypot(re[k][t], im[k][t]);
    }
    return out;
  }

  /** |X|^2 as [bin][frame]. */
  public float[][] power() {
    float[][] out = new float[bins()][frames()];
    for (int k = 0; k < bins(); k++) {
      for (int t = 0; t < frames(); t++) out[k][t] = (float) (re[k][t] * re[k][t] + im[k][t] * im[k][t]);
    }
    return out;
  }

  /** A new spectrum: each cell multiplied by a real gain [bin][frame] (a mask keeps the phase). */
  public Spectrum times(float[][] gain) {
    if (gain.length != bins() || gain[0].length != frames()) {
      throw new IllegalArgumentException("gain " + gain.length + "x" + gain[0].length + " for a spectrum of " + bins() + "x" + frames());
    }
    double[][] r = new double[bins()][frames()];
    double[][] i = new double[bins()][frames()];
    for (int k = 0; k < bins(); k++) {
      for (int t = 0; t < frames(); t++) {
        r[k][t] = re[k][t] * gain[k][t];
        i[k][t] = im[k][t] * gain[k][t];
      }
    }
    return new Spectrum(r, i);
  }

  /** A new spectrum with this one's phase and the given magnitudes [bin][frame] (zero phase where |X| is 0). */
  public Spectrum withMagnitude(float[][] magnitude) {
    double[][] r = new double[bins()][frames()];
    double[][] i = new double[bins()][frames()];
    for (int k = 0; k < bins(); k++) {
      for (int t = 0; t < frames(); t++) {
        double a = Math.hypot(re[k][t], im[k][t]);
        if (a > 0) {
          r[k][t] = magnitude[k][t] * re[k][t] / a;
          i[k][t] = magnitude[k][t] * im[k][t] / a;
        } else {
          r[k][t] = magnitude[k][t];
        }
      }
    }
    return new Spectrum(r, i);
  }
}

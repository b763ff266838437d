package org.spectrolens.dsp;

/**
 * A second-order section from Bristow-Johnson's audio-EQ cookbook (bilinear transform with the
 * frequency prewarped, so the analogue prototype's response holds exactly at {@code f0}). A cascade
 * of low-pass (or high-pass) sections with the Butterworth Qs {@code 1 / (2 sin((2k - 1) pi / 2N))}
 * is the bilinear-transformed Butterworth filter of order N: {@code |H(f)|^2 = 1 / (1 + (tan(pi f /
 * fs) / tan(pi f0 / fs))^(+-2N))}.
 *
 * <p>One section, shared by the synthesiser's channels (microphone, telephone line) and the
 * scene's sound sources. The channel filters run forwards then backwards ({@link #filtfilt}): zero phase, so nothing in
 * the audio moves against the alignments and truth tracks; the magnitude is {@code |H|^2}.
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {
  public static Biquad lowPass(double f0, double q, int sampleRate) {
    double w = 2 * Math.PI * f0 / sampleRate;
    double alpha = Math.sin(w) / (2 * q);
    double c = Math.cos(w);
    return normalised((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
  }

  public static Biquad highPass(double f0, double q, int sampleRate) {
    double w = 2 * Math.PI * f0 / sampleRate;
    double alpha = Math.sin(w) / (2 * q);
    double c = Math.cos(w);
    return normalised((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
  }

  /** A peaking EQ: {@code gainDb} at {@code f0}, 0 dB far from it. */
  public static Biquad peaking(double f0, double gainDb, double q, int sampleRate) {
    double a = Math.pow(10, gainDb / 40);
    double w = 2 * Math.PI * f0 / sampleRate;
    double alpha = Math.sin(w) / (2 * q);
    double c = Math.cos(w);
    return normalised(1 + alpha * a, -2 * c, 1 - alpha * a, 1 + alpha / a, -2 * c, 1 - alpha / a);
  }

  /** A band-pass with a constant 0 dB peak gain at {@code f0} (the cookbook's second band-pass). */
  public static Biquad bandPass(double f0, double q, int sampleRate) {
    double w = 2 * Math.PI * f0 / sampleRate;
    double alpha = Math.sin(w) / (2 * q);
    return normalised(alpha, 0, -alpha, 1 + alpha, -2 * Math.cos(w), 1 - alpha);
  }

  /** The Butterworth sections of order {@code order} (even) at {@code f0}. */
  public static Biquad[] butterworth(boolean highPass, int order, double f0, int sampleRate) {
    Biquad[] s = new Biquad[order / 2];
    for (int k = 1; k <= s.length; k++) {
      double q = 1 / (2 * Math.sin((2 * k - 1) * Math.PI / (2 * order)));
      s[k - 1] = highPass ? highPass(f0, q, sampleRate) : lowPass(f0, q, sampleRate);
    }
    return s;
  }

  private static Biquad normalised(double b0, double b1, double b2, double a0, double a1, double a2) {
    return new Biquad(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
  }

  /** |H(f)| of one pass. */
  public double magnitude(double f, int sampleRate) {
    double w = 2 * Math.PI * f / sampleRate;
    double nr = b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w);
    double ni = -b1 * Math.sin(w) - b2 * Math.sin(2 * w);
    double dr = 1 + a1 * Math.cos(w) + a2 * Math.cos(2 * w);
    double di = -a1 * Math.sin(w) - a2 * Math.sin(2 * w);
    return Math.hypot(nr, ni) / Math.hypot(dr, di);
  }

  /** One causal pass in place (direct form I). */
  public void filter(double[] x) {
    double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
    for (int i = 0; i < x.length; i++) {
      double y = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x[i];
      y2 = y1;
      y1 = y;
      x[i] = y;
    }
  }

  /** Every section forwards, then every section backwards, in place: zero phase, magnitude squared. */
  public static void filtfilt(double[] x, Biquad... sections) {
    for (Biquad s : sections) s.filter(x);
    reverse(x);
    for (Biquad s : sections) s.filter(x);
    reverse(x);
  }

  /** The forward-backward magnitude of the sections at {@code f}: the product of {@code |H|^2}. */
  public static double filtfiltMagnitude(double f, int sampleRate, Biquad... sections) {
    double m = 1;
    for (Biquad s : sections) m *= s.magnitude(f, sampleRate) * s.magnitude(f, sampleRate);
    return m;
  }

  private static void reverse(double[] x) {
    for (int i = 0, j = x.length - 1; i < j; i++, j--) {
      double t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }
}

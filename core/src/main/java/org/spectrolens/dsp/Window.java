package org.spectrolens.dsp;

/**
 * Periodic analysis windows, value for value as {@code torch.hann_window(n)} (and
 * {@code hamming_window}, {@code blackman_window}) with {@code periodic=True}, which are also
 * scipy's {@code get_window(..., fftbins=True)} that librosa uses: the symmetric window of
 * {@code n + 1} points with the last point dropped, so that overlapped frames sum smoothly.
 */
public enum Window {
  /** w[i] = 0.5 - 0.5 cos(2 pi i / n). */
  HANN {
    @Override double at(int i, int n) { return 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / n); }
  },
  /** w[i] = 0.54 - 0.46 cos(2 pi i / n). */
  HAMMING {
    @Override double at(int i, int n) { return 0.54 - 0.46 * Math.cos(2.0 * Math.PI * i / n); }
  },
  /** w[i] = 0.42 - 0.5 cos(2 pi i / n) + 0.08 cos(4 pi i / n). */
  BLACKMAN {
    @Override double at(int i, int n) {
      return 0.42 - 0.5 * Math.cos(2.0 * Math.PI * i / n) + 0.08 * Math.cos(4.0 * Math.PI * i / n);
    }
  },
  /** All ones (torch's {@code window=None}, librosa's {@code "ones"}/{@code "boxcar"}). */
  RECTANGULAR {
    @Override double at(int i, int n) { return 1.0; }
  };

  abstract double at(int i, int n);

  /** The periodic window of {@code length} points (a single point is 1, as torch returns). */
  public double[] periodic(int length) {
    if (length <= 0) throw new IllegalArgumentException("window length must be positive: " + length);
    double[] w = new double[length];
    if (length == 1) {
      w[0] = 1.0;
      return w;
    }
    for (int i = 0; i < length; i++) w[i] = at(i, length);
    return w;
  }

  /**
   * The window of {@code winLength} points zero-padded to {@code nFft}, centred with
   * {@code (nFft - winLength) / 2} zeros on the left, as {@code torch.stft} and librosa's
   * {@code pad_center} place a short window in the frame.
   */
  public double[] framed(int winLength, int nFft) {
    if (winLength > nFft) {
      throw new IllegalArgumentException("win_length " + winLength + " exceeds n_fft " + nFft);
    }
    double[] out = new double[nFft];
    System.arraycopy(periodic(winLength), 0, out, (nFft - winLength) / 2, winLength);
    return out;
  }

  /** Sum of the window's values (the gain of a sinusoid at a bin centre is A * sum / 2). */
  public static double sum(double[] w) {
    double s = 0;
    for (double v : w) s += v;
    return s;
  }

  // Praat's own (symmetric) windows for its formant and pitch analyses, formulas from its manual.

  /**
   * Praat's Gaussian: w_i = (exp(-48 (i - mid)^2 / (N + 1)^2) - e^-12) / (1 - e^-12), i = 1..N,
   * mid = (N + 1) / 2; it reaches zero at the ends and its effective length is half of N.
   */
  public static double[] praatGaussian(int n) {
    double[] w = new double[n];
    double mid = 0.5 * (n + 1), edge = Math.exp(-12.0), denom = (n + 1.0) * (n + 1.0);
    for (int i = 1; i <= n; i++) {
      double d = i - mid;
      w[i - 1] = (Math.exp(-48.0 * d * d / denom) - edge) / (1.0 - edge);
    }
    return w;
  }

  /** Hanning as in Boersma (1993): w_i = 0.5 - 0.5 cos(2 pi i / (N + 1)), i = 1..N. */
  public static double[] praatHanning(int n) {
    double[] w = new double[n];
    for (int i = 1; i <= n; i++) w[i - 1] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / (n + 1.0));
    return w;
  }
}

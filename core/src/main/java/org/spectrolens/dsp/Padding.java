package org.spectrolens.dsp;

/** How a signal is extended at both ends before centred framing. */
public enum Padding {
  /**
   * Mirror without repeating the edge sample: x[-1] = x[1] (torch's and numpy's "reflect";
   * torchaudio's default). torch refuses pads as long as the signal; here the reflection then
   * repeats (numpy's behaviour) so that very short clips still give frames.
   */
  REFLECT,
  /** Zeros (librosa's default since 0.9). */
  CONSTANT;

  /** {@code x} converted to double with {@code pad} samples added at each end. */
  public double[] apply(float[] x, int pad) {
    int n = x.length;
    double[] out = new double[n + 2 * pad];
    for (int i = 0; i < n; i++) out[pad + i] = x[i];
    if (pad == 0 || this == CONSTANT) return out;
    for (int i = 1; i <= pad; i++) {
      out[pad - i] = x[reflect(-i, n)];
      out[pad + n - 1 + i] = x[reflect(n - 1 + i, n)];
    }
    return out;
  }

  /** Index of the sample that reflect padding copies to position {@code i} (may be outside [0, n)). */
  static int reflect(int i, int n) {
    if (n == 1) return 0;
    int period = 2 * (n - 1);
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }
}

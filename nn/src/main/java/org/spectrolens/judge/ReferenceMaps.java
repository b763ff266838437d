package org.spectrolens.judge;

import java.util.SplittableRandom;
import org.spectrolens.nn.model.Network;

/**
 * The two maps every method is measured against. {@link #random}: independent uniform values per
 * cell (chance). {@link #energy}: the input itself, averaged over channels and min-max scaled to
 * [0, 1], a map that only says where the spectrogram is loud. A method that cannot beat the
 * energy map has told us nothing the spectrogram did not.
 */
public final class ReferenceMaps {
  public static final String RANDOM = "random";
  public static final String ENERGY = "energy";

  private ReferenceMaps() {}

  /** Uniform [0, 1) values, [n][h*w], seeded. */
  public static float[][] random(int n, int h, int w, long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    float[][] out = new float[n][h * w];
    for (float[] m : out) for (int p = 0; p < m.length; p++) m[p] = (float) rng.nextDouble();
    return out;
  }

  /** The channel mean of each input, min-max scaled to [0, 1] (all zeros for a constant input); [n][h*w]. */
  public static float[][] energy(float[] inputs, int n, int c, int h, int w) {
    return energy(inputs, n, c, h, w, false);
  }

  /**
   * The energy map of the inputs of {@code net}: for a complex STFT input (a raw-waveform model,
   * {@link Network#complexInput}) each cell's power in dB, {@code 10 log10(re^2 + im^2 + 1e-10)}
   * (the mean of a real and an imaginary part says nothing about loudness); else {@link #energy}.
   */
  public static float[][] energy(Network net, float[] inputs, int n) {
    int[] s = net.inputShape();
    return energy(inputs, n, s[0], s[1], s[2], net.complexInput());
  }

  private static float[][] energy(float[] inputs, int n, int c, int h, int w, boolean complex) {
    int hw = h * w;
    float[][] out = new float[n][hw];
    for (int i = 0; i < n; i++) {
      if (complex) {
        for (int p = 0; p < hw; p++) {
          double re = inputs[i * 2 * hw + p];
          double im = inputs[(i * 2 + 1) * hw + p];
          out[i][p] = (float) (10 * Math.log10(re * re + im * im + 1e-10));
        }
      }
      for (int ch = 0; ch < c && !complex; ch++) for (int p = 0; p < hw; p++) out[i][p] += inputs[(i * c + ch) * hw + p] / c;
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (float v : out[i]) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      for (int p = 0; p < hw; p++) out[i][p] = hi > lo ? (out[i][p] - lo) / (hi - lo) : 0;
    }
    return out;
  }

  /** The energy map as a method for the sanity checks: it ignores the network. */
  public static MapMaker energyMaker() {
    return (net, inputs, n, targets) -> energy(net, inputs, n);
  }
}

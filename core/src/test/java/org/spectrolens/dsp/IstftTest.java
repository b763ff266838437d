package org.spectrolens.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** ISTFT inverts the STFT; Griffin-Lim's convergence falls with iterations. */
class IstftTest {
  private static float[] noise(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian() * 0.3f;
    return x;
  }

  @Test
  void inverseOfTheStftIsTheSignal() {
    float[] x = noise(5000, 1);
    for (Padding pad : Padding.values()) {
      for (int[] p : new int[][] {{2048, 2048, 512}, {512, 400, 128}, {511, 511, 100}}) {
        Stft stft = new Stft(p[0], p[1], p[2], Window.HANN, true, pad);
        Spectrum s = stft.transform(x);
        float[][] mag = stft.spectrogram(x, 1.0);
        float[][] fromComplex = s.magnitude();
        for (int k = 0; k < mag.length; k += 7) assertEquals(mag[k][3], fromComplex[k][3], 1e-4 * (1 + mag[k][3]));
        float[] y = new Istft(stft).invert(s, x.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
        assertTrue(worst < 1e-5, pad + " " + p[0] + "/" + p[1] + "/" + p[2] + ": max error " + worst);
      }
    }
  }

  @Test
  void griffinLimImprovesWithIterationsAndMomentum() {
    float[] x = noise(8000, 2);
    for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 16000.0)) + 0.1f * x[i];
    Stft stft = new Stft(512, 512, 128, Window.HANN, true, Padding.REFLECT);
    float[][] mag = stft.spectrogram(x, 1.0);
    double none = new GriffinLim(stft, 0, 0.0, GriffinLim.Init.ZERO, 0).reconstruct(mag, x.length).spectralConvergence();
    double plain = new GriffinLim(stft, 32, 0.0, GriffinLim.Init.ZERO, 0).reconstruct(mag, x.length).spectralConvergence();
    double fast = GriffinLim.defaults(stft).reconstruct(mag, x.length).spectralConvergence();
    double random = new GriffinLim(stft, 32, 0.99, GriffinLim.Init.RANDOM, 7).reconstruct(mag, x.length).spectralConvergence();
    assertTrue(plain < none && fast < plain && random < none, none + " > " + plain + " > " + fast + " (random start " + random + ")");
    assertEquals(0.0, GriffinLim.spectralConvergence(stft, mag, x), 1e-6);
  }
}

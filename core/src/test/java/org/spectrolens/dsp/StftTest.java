package org.spectrolens.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StftTest {
  @Test
  void toneAtABinCentrePeaksThereAtHalfTheWindowSum() {
    int n = 2048;
    int k0 = 100;
    double a = 0.7;
    float[] x = new float[22050];
    for (int i = 0; i < x.length; i++) x[i] = (float) (a * Math.cos(2 * Math.PI * k0 * i / n + 0.3));
    Stft stft = new Stft(n, n, 512, Window.HANN, true, Padding.REFLECT);
    float[][] mag = stft.spectrogram(x, 1.0);
    double sumW = n / 2.0; // periodic Hann
    for (int t = 4; t < 38; t++) { // interior frames (the edges see the padding)
      int peak = 0;
      for (int k = 0; k < mag.length; k++) if (mag[k][t] > mag[peak][t]) peak = k;
      assertEquals(k0, peak);
      assertEquals(a * sumW / 2, mag[k0][t], 1e-4 * a * sumW);
      // Hann's DFT is -1/4, 1/2, -1/4: the neighbours get half the peak, the rest nothing
      assertEquals(a * sumW / 4, mag[k0 - 1][t], 1e-4 * a * sumW);
      assertEquals(a * sumW / 4, mag[k0 + 1][t], 1e-4 * a * sumW);
      assertEquals(0.0, mag[k0 + 2][t], 1e-4 * a * sumW);
    }
    float[][] pow = stft.spectrogram(x, 2.0);
    assertEquals(mag[k0][10] * (double) mag[k0][10], pow[k0][10], 1e-6 * pow[k0][10]);
  }

  @Test
  void parsevalHoldsForOneRectangularFrame() {
    Random rnd = new Random(7);
    for (int n : new int[] {512, 401}) { // even and odd FFT sizes
      float[] x = new float[n];
      double energy = 0;
      for (int i = 0; i < n; i++) {
        x[i] = (float) rnd.nextGaussian();
        energy += x[i] * (double) x[i];
      }
      float[][] p = new Stft(n, n, n, Window.RECTANGULAR, false, Padding.CONSTANT).spectrogram(x, 2.0);
      assertEquals(1, p[0].length);
      double sum = p[0][0];
      int last = n / 2;
      for (int k = 1; k <= last; k++) sum += (n % 2 == 0 && k == last ? 1 : 2) * (double) p[k][0];
      assertEquals(energy, sum / n, 1e-5 * energy, "n = " + n);
    }
  }

  @Test
  void frameCountsFollowTorch() {
    Stft centred = new Stft(2048, 2048, 512, Window.HANN, true, Padding.REFLECT);
    assertEquals(1 + 22050 / 512, centred.frames(22050));
    Stft plain = new Stft(2048, 2048, 512, Window.HANN, false, Padding.REFLECT);
    assertEquals(1 + (22050 - 2048) / 512, plain.frames(22050));
    assertEquals(0, plain.frames(2047));
    assertThrows(IllegalArgumentException.class, () -> plain.spectrogram(new float[100], 2));
    assertEquals(1 + 11 / 4, new Stft(9, 9, 4, Window.HANN, true, Padding.REFLECT).frames(11)); // odd n_fft pads 4 + 4
  }

  @Test
  void longSignalsAreSplitOverThreadsWithTheSameResult() {
    Random rnd = new Random(3);
    float[] x = new float[22050 * 30];
    for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextGaussian();
    Stft stft = new Stft(1024, 1024, 256, Window.HANN, true, Padding.REFLECT);
    float[][] all = stft.spectrogram(x, 2);
    float[] head = java.util.Arrays.copyOf(x, 256 * 100);
    float[][] part = stft.spectrogram(head, 2);
    for (int k = 0; k < all.length; k += 37) {
      for (int t = 0; t < 95; t++) assertEquals(all[k][t], part[k][t], 1e-6f * Math.max(1f, all[k][t]));
    }
  }
}

package org.spectrolens.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CqtTest {
  private static final double SR = 22050;
  private static final double C1 = 32.703195662574764;

  @Test
  void binsAndLengthsFollowLibrosa() {
    Cqt cqt = new Cqt(SR, 512, C1, 84, 12, 1.0);
    double r2 = Math.pow(2, 2.0 / 12);
    double q = (r2 + 1) / (r2 - 1); // 1 / alpha = 17.33
    assertEquals(17.3316, q, 1e-4);
    assertEquals(C1 * Math.pow(2, 83 / 12.0), cqt.frequencies()[83], 1e-9);
    assertEquals(q * SR / C1, cqt.lengths()[0], 1e-9);
    assertEquals(16384, cqt.nFft()); // 2^ceil(log2(11686))
  }

  @Test
  void toneAtABinCentrePeaksThereAtAmplitudeTimesSqrtLengthOverTwo() {
    Cqt cqt = new Cqt(SR, 512, 110.0, 48, 12, 1.0);
    double a = 0.5;
    for (int k : new int[] {0, 17, 40}) {
      double f = cqt.frequencies()[k];
      float[] x = new float[(int) SR];
      for (int i = 0; i < x.length; i++) x[i] = (float) (a * Math.sin(2 * Math.PI * f * i / SR));
      float[][] c = cqt.spectrogram(x, 1.0, Padding.CONSTANT, true);
      int t = c[0].length / 2;
      int peak = 0;
      for (int b = 0; b < c.length; b++) if (c[b][t] > c[peak][t]) peak = b;
      assertEquals(k, peak, "tone at bin " + k);
      double expected = a * Math.sqrt(cqt.lengths()[k]) / 2;
      assertEquals(expected, c[k][t], 0.01 * expected, "level at bin " + k);
      // the next bin's kernel sees the tone d = Q (1 - 2^(-1/12)) = 0.973 of its resolution away:
      // Hann response sin(pi d) / (pi d (1 - d^2)), times sqrt(l_{k+1} / l_k) = 2^(-1/24)
      double q = cqt.lengths()[0] * cqt.frequencies()[0] / SR;
      double d = q * (1 - Math.pow(2, -1 / 12.0));
      double leak = Math.sin(Math.PI * d) / (Math.PI * d * (1 - d * d)) * Math.pow(2, -1 / 24.0);
      assertEquals(leak, c[k + 1][t] / c[k][t], 0.005, "leak into bin " + (k + 1));
    }
  }

  @Test
  void framesAreCentredEveryHop() {
    Cqt cqt = new Cqt(SR, 512, C1, 84, 12, 1.0);
    assertEquals(1 + 22050 / 512, cqt.frames(22050));
  }

  @Test
  void refusesBinsBeyondNyquist() {
    assertThrows(IllegalArgumentException.class, () -> new Cqt(SR, 512, C1, 120, 12, 1.0));
  }
}

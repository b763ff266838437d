package org.spectrolens.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;

class VocalTractWarpTest {
  /** 64 rows, 0-4000 Hz, equally spaced (a linear STFT axis cropped to 4 kHz). */
  private static final double[] LINEAR = rows(64, 4000);

  private static double[] rows(int n, double top) {
    double[] hz = new double[n];
    for (int i = 0; i < n; i++) hz[i] = top * i / (n - 1);
    return hz;
  }

  @Test
  void theMapScalesByAlphaBelowTheBendKeepsTheTopAndIsInvertedExactly() {
    VocalTractWarp v = new VocalTractWarp(0.1, LINEAR);
    for (double alpha : new double[] {0.9, 0.95, 1.0, 1.05, 1.1}) {
      double bend = 0.8 * 4000 * Math.min(alpha, 1) / alpha;
      assertEquals(alpha * 1000, v.forward(1000, alpha), 1e-9, "alpha f below the bend");
      assertEquals(alpha * bend, v.forward(bend, alpha), 1e-9, "continuous at the bend");
      assertEquals(4000, v.forward(4000, alpha), 1e-9, "the top row stays");
      assertEquals(0, v.forward(0, alpha), 1e-12);
      for (double f = 0; f <= 4000; f += 37) assertEquals(f, v.unwarp(v.forward(f, alpha), alpha), 1e-9, "inverse at " + f);
    }
  }

  @Test
  void aFormantPeakMovesToAlphaTimesItsFrequency() {
    int h = LINEAR.length;
    int w = 3;
    VocalTractWarp v = new VocalTractWarp(0.2, LINEAR);
    for (double alpha : new double[] {0.85, 1.1, 1.2}) {
      // a triangular peak at 1500 Hz (row 23.625) over a floor: its centroid moves to 1500 alpha
      float[] g = new float[h * w];
      for (int y = 0; y < h; y++) {
        float val = (float) Math.max(0, 1 - Math.abs(LINEAR[y] - 1500) / 300);
        for (int x = 0; x < w; x++) g[y * w + x] = val;
      }
      v.warp(g, h, w, alpha);
      double num = 0;
      double den = 0;
      for (int y = 0; y < h; y++) {
        num += LINEAR[y] * g[y * w];
        den += g[y * w];
      }
      assertEquals(1500 * alpha, num / den, 8, "centroid for alpha " + alpha);
      assertEquals(g[30 * w], g[30 * w + 2], 0, "every column warps alike");
    }
  }

  @Test
  void alphaOneLeavesTheGridAndDrawsStayInRange() {
    FrequencyAxis mel = FrequencyAxis.of(FrequencyScale.MEL_SLANEY, FrequencyScale.MEL_SLANEY.warp(0),
        (FrequencyScale.MEL_SLANEY.warp(4000) - FrequencyScale.MEL_SLANEY.warp(0)) / 63, 64);
    VocalTractWarp v = new VocalTractWarp(0.1, mel.hz());
    SplittableRandom r = new SplittableRandom(2);
    float[] g = new float[64 * 5];
    for (int i = 0; i < g.length; i++) g[i] = (float) r.nextGaussian();
    float[] same = g.clone();
    v.warp(same, 64, 5, 1.0);
    assertArrayEquals(g, same, 1e-6f);
    // apply draws alpha in [0.9, 1.1]: a ramp in Hz stays within 10 % of itself on every row
    float[] ramp = new float[64];
    for (int y = 0; y < 64; y++) ramp[y] = (float) mel.hz()[y];
    for (int k = 0; k < 50; k++) {
      float[] x = ramp.clone();
      v.apply(x, 64, 1, r);
      for (int y = 1; y < 64; y++) {
        double ratio = mel.hz()[y] / x[y]; // the value is the source frequency f; the row is alpha f
        assertTrue(ratio >= 0.9 - 5e-3 && ratio <= 1.1 + 5e-3, "row " + y + " ratio " + ratio);
      }
    }
  }

  @Test
  void refusesAWarpOutOfRangeAndRowsThatDoNotIncrease() {
    assertThrows(IllegalArgumentException.class, () -> new VocalTractWarp(0, LINEAR));
    assertThrows(IllegalArgumentException.class, () -> new VocalTractWarp(0.6, LINEAR));
    assertThrows(IllegalArgumentException.class, () -> new VocalTractWarp(0.1, new double[] {0, 100, 100}));
  }
}

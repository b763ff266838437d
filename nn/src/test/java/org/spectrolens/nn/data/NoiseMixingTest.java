package org.spectrolens.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseMixingTest {
  private static final double[] LINEAR = new double[32];

  static {
    for (int i = 0; i < LINEAR.length; i++) LINEAR[i] = 4000.0 * i / (LINEAR.length - 1);
  }

  private static final double MEAN = -40;
  private static final double STD = 15;

  private static float norm(double db) {
    return (float) ((db - MEAN) / STD);
  }

  private static double db(float v) {
    return v * STD + MEAN;
  }

  @Test
  void equalPowersAddToThreeDecibelsMore() {
    // a flat grid at -30 dB and flat noise at 0 dB SNR: every cell 10 log10(2) = 3.0103 dB up
    int h = LINEAR.length;
    int w = 4;
    float[] g = new float[h * w];
    java.util.Arrays.fill(g, norm(-30));
    new NoiseMixing(0, LINEAR, MEAN, STD).mix(g, h, w, 0, false, null);
    for (float v : g) assertEquals(-30 + 10 * Math.log10(2), db(v), 1e-4);
  }

  @Test
  void theItemsSnrInPowerIsTheDrawnOne() {
    int h = LINEAR.length;
    int w = 40;
    SplittableRandom r = new SplittableRandom(2);
    NoiseMixing noise = new NoiseMixing(-5, LINEAR, MEAN, STD);
    for (double snr : new double[] {-5, 0, 12.5, 25}) {
      for (boolean pink : new boolean[] {false, true}) {
        float[] g = new float[h * w];
        for (int q = 0; q < g.length; q++) g[q] = norm(-70 + 50 * r.nextDouble());
        float[] before = g.clone();
        noise.mix(g, h, w, snr, pink, r);
        double speech = 0;
        double added = 0;
        for (int q = 0; q < g.length; q++) {
          double p0 = Math.pow(10, db(before[q]) / 10);
          speech += p0;
          added += Math.pow(10, db(g[q]) / 10) - p0;
          assertTrue(g[q] >= before[q] - 1e-5, "noise only adds power");
        }
        assertEquals(snr, 10 * Math.log10(speech / added), 0.02, (pink ? "pink" : "white") + " at " + snr + " dB");
      }
    }
  }

  @Test
  void pinkNoiseFallsAsOneOverFrequencyAndWhiteIsFlat() {
    int h = LINEAR.length;
    int w = 2000;
    float floor = norm(-200); // no speech to speak of under the noise: the cells read the noise itself
    for (boolean pink : new boolean[] {false, true}) {
      float[] g = new float[h * w];
      java.util.Arrays.fill(g, floor);
      g[0] = norm(0); // the item's power: one loud cell
      new NoiseMixing(0, LINEAR, MEAN, STD).mix(g, h, w, 10, pink, new SplittableRandom(8));
      double[] rowPower = new double[h];
      for (int y = 0; y < h; y++) for (int x = 1; x < w; x++) rowPower[y] += Math.pow(10, db(g[y * w + x]) / 10) / (w - 1);
      // rows 4 and 16 lie at 516 and 2065 Hz: pink's power a quarter, white's the same (exponential draws average 1)
      double ratio = rowPower[16] / rowPower[4];
      assertEquals(pink ? LINEAR[4] / LINEAR[16] : 1, ratio, 0.1 * (pink ? 0.25 : 1), pink ? "pink" : "white");
    }
  }

  @Test
  void drawsTheSnrFromItsRange() {
    int h = LINEAR.length;
    NoiseMixing noise = new NoiseMixing(5, LINEAR, MEAN, STD);
    SplittableRandom r = new SplittableRandom(4);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 400; i++) {
      float[] g = new float[h];
      java.util.Arrays.fill(g, norm(-20));
      float[] before = g.clone();
      noise.apply(g, h, 1, r);
      double speech = 0;
      double added = 0;
      for (int q = 0; q < h; q++) {
        double p0 = Math.pow(10, db(before[q]) / 10);
        speech += p0;
        added += Math.pow(10, db(g[q]) / 10) - p0;
      }
      double snr = 10 * Math.log10(speech / added);
      lo = Math.min(lo, snr);
      hi = Math.max(hi, snr);
    }
    assertTrue(lo >= 5 - 0.05 && lo < 6, "lowest " + lo);
    assertTrue(hi <= 35 + 0.05 && hi > 34, "highest " + hi);
  }

  @Test
  void refusesOutOfRangeParameters() {
    assertThrows(IllegalArgumentException.class, () -> new NoiseMixing(-40, LINEAR, MEAN, STD));
    assertThrows(IllegalArgumentException.class, () -> new NoiseMixing(Double.NaN, LINEAR, MEAN, STD));
    assertThrows(IllegalArgumentException.class, () -> new NoiseMixing(5, LINEAR, MEAN, 0));
    assertThrows(IllegalArgumentException.class, () -> new NoiseMixing(5, LINEAR, MEAN, STD).mix(new float[6], 3, 2, 0, false, null));
  }
}

package org.spectrolens.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomEqualisationTest {
  /** 64 rows, 0-4000 Hz (a linear STFT axis cropped to 4 kHz). */
  private static final double[] LINEAR = new double[64];

  static {
    for (int i = 0; i < 64; i++) LINEAR[i] = 4000.0 * i / 63;
  }

  @Test
  void theCurvePassesItsKnotsAndIsLinearInLogFrequencyBetweenThem() {
    RandomEqualisation eq = new RandomEqualisation(6, LINEAR, 1);
    assertEquals(50, eq.knotHz(0), 1e-9, "the lowest knot at 50 Hz for a grid from 0 Hz");
    assertEquals(4000, eq.knotHz(RandomEqualisation.KNOTS - 1), 1e-9);
    double[] knots = {3, -2, 5, 0, -6, 1};
    for (int k = 0; k < knots.length; k++) assertEquals(knots[k], eq.gainDb(knots, eq.knotHz(k)), 1e-9);
    // half-way between knots 1 and 2 in log frequency: the mean of their gains
    double mid = Math.sqrt(eq.knotHz(1) * eq.knotHz(2));
    assertEquals(1.5, eq.gainDb(knots, mid), 1e-9);
    assertEquals(3, eq.gainDb(knots, 0), 0, "flat below the lowest knot");
  }

  @Test
  void everyColumnOfARowMovesByTheRowsGainInNormalisedUnits() {
    int h = LINEAR.length;
    int w = 5;
    double std = 12.5;
    RandomEqualisation eq = new RandomEqualisation(10, LINEAR, std);
    SplittableRandom r = new SplittableRandom(3);
    float[] g = new float[h * w];
    for (int q = 0; q < g.length; q++) g[q] = (float) r.nextGaussian();
    float[] before = g.clone();
    eq.apply(g, h, w, new SplittableRandom(11));
    // the same draws: the knots are U(-10, 10) from the generator, in order
    SplittableRandom same = new SplittableRandom(11);
    double[] knots = new double[RandomEqualisation.KNOTS];
    for (int k = 0; k < knots.length; k++) knots[k] = 10 * (2 * same.nextDouble() - 1);
    for (int y = 0; y < h; y++) {
      double gain = eq.gainDb(knots, LINEAR[y]);
      assertTrue(Math.abs(gain) <= 10);
      for (int x = 0; x < w; x++) assertEquals(gain / std, g[y * w + x] - before[y * w + x], 1e-5, "row " + y + " column " + x);
    }
  }

  @Test
  void gainsAverageZeroWithTheUniformsVarianceAtTheKnots() {
    RandomEqualisation eq = new RandomEqualisation(6, LINEAR, 1);
    int h = LINEAR.length;
    int top = h - 1; // the top row is the last knot
    SplittableRandom r = new SplittableRandom(5);
    int n = 20000;
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      float[] g = new float[h];
      eq.apply(g, h, 1, r);
      sum += g[top];
      sq += g[top] * g[top];
    }
    assertEquals(0, sum / n, 0.1);
    assertEquals(36.0 / 3, sq / n, 0.3, "U(-6, 6) has variance 12");
  }

  @Test
  void refusesGainsOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new RandomEqualisation(0, LINEAR, 1));
    assertThrows(IllegalArgumentException.class, () -> new RandomEqualisation(6, LINEAR, 0));
    assertThrows(IllegalArgumentException.class, () -> new RandomEqualisation(6, new double[] {0, 40}, 1));
  }
}

package org.spectrolens.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomGainTest {
  @Test
  void everyCellMovesByTheDrawnGainInNormalisedUnits() {
    double std = 12.5;
    RandomGain gain = new RandomGain(10, std);
    SplittableRandom r = new SplittableRandom(5);
    float[] g = new float[6 * 7];
    for (int q = 0; q < g.length; q++) g[q] = (float) r.nextGaussian();
    float[] before = g.clone();
    double db = gain.apply(g, new SplittableRandom(9));
    // the draw is U(-10, 10) dB from the generator's first double
    assertEquals(10 * (2 * new SplittableRandom(9).nextDouble() - 1), db, 0);
    for (int q = 0; q < g.length; q++) assertEquals(before[q] + db / std, g[q], 1e-5);
  }

  @Test
  void gainsSpreadUniformlyOverTheRange() {
    RandomGain gain = new RandomGain(8, 1);
    SplittableRandom r = new SplittableRandom(2);
    int n = 20000;
    double sum = 0;
    double sumSq = 0;
    double lo = 0;
    double hi = 0;
    for (int i = 0; i < n; i++) {
      double db = gain.apply(new float[1], r);
      sum += db;
      sumSq += db * db;
      lo = Math.min(lo, db);
      hi = Math.max(hi, db);
    }
    assertEquals(0, sum / n, 0.15);
    // U(-a, a): variance a^2 / 3
    assertEquals(64.0 / 3, sumSq / n, 0.5);
    assertTrue(lo >= -8 && lo < -7.9 && hi <= 8 && hi > 7.9, lo + " " + hi);
  }

  @Test
  void refusesRangesOutsideItsDomain() {
    assertThrows(IllegalArgumentException.class, () -> new RandomGain(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new RandomGain(41, 1));
    assertThrows(IllegalArgumentException.class, () -> new RandomGain(6, 0));
  }
}

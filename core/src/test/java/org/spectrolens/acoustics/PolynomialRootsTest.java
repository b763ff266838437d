package org.spectrolens.acoustics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PolynomialRootsTest {
  /** Multiplies out prod (z - p_k)(z - conj p_k) for poles given by radius and angle. */
  private static double[] fromPoles(double[] radius, double[] angle) {
    double[] c = {1.0};
    for (int k = 0; k < radius.length; k++) {
      double[] q = {1.0, -2 * radius[k] * Math.cos(angle[k]), radius[k] * radius[k]};
      double[] n = new double[c.length + 2];
      for (int i = 0; i < c.length; i++) for (int j = 0; j < 3; j++) n[i + j] += c[i] * q[j];
      c = n;
    }
    return c;
  }

  @Test
  void findsKnownConjugatePairs() {
    Random random = new Random(1);
    for (int trial = 0; trial < 200; trial++) {
      int pairs = 1 + random.nextInt(6);
      double[] radius = new double[pairs], angle = new double[pairs];
      for (int k = 0; k < pairs; k++) {
        radius[k] = 0.8 + 0.199 * random.nextDouble();
        angle[k] = 0.05 + 3.0 * random.nextDouble();
      }
      double[][] roots = PolynomialRoots.monic(fromPoles(radius, angle));
      for (int k = 0; k < pairs; k++) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < 2 * pairs; j++) {
          best = Math.min(best, Math.hypot(roots[0][j] - radius[k] * Math.cos(angle[k]),
              roots[1][j] - radius[k] * Math.sin(angle[k])));
        }
        assertTrue(best < 1e-7, "trial " + trial + " pole " + k + " off by " + best);
      }
    }
  }

  @Test
  void realRootsStayReal() {
    // (z - 0.5)(z + 0.25)(z - 0.9) = z^3 - 1.15 z^2 + 0.1 z + 0.1125
    double[][] roots = PolynomialRoots.monic(new double[] {1, -1.15, 0.1, 0.1125});
    double[] sorted = roots[0].clone();
    java.util.Arrays.sort(sorted);
    assertEquals(-0.25, sorted[0], 1e-12);
    assertEquals(0.5, sorted[1], 1e-12);
    assertEquals(0.9, sorted[2], 1e-12);
    for (double v : roots[1]) assertEquals(0.0, v, 1e-12);
  }
}

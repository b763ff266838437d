package org.spectrolens.judge;

import org.spectrolens.judge.metric.complexity.Entropy;
import org.spectrolens.judge.metric.complexity.Sparseness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sparseness (Gini) and entropy against their closed forms. */
class ComplexityTest {
  @Test
  void giniIsZeroWhenUniformAndOneMinusOneOverNForOneCell() {
    assertEquals(0, Sparseness.gini(new float[] {2, 2, 2, 2}), 1e-12);
    assertEquals(1 - 1 / 8.0, Sparseness.gini(new float[] {0, 0, 0, 5, 0, 0, 0, 0}), 1e-12);
    // {1, 2, 3, 4}: sum (2i - n - 1) a_i = -3 - 2 + 3 + 12 = 10; / (4 * 10) = 0.25
    assertEquals(0.25, Sparseness.gini(new float[] {4, 1, 3, -2}), 1e-12);
    assertTrue(Double.isNaN(Sparseness.gini(new float[4])));
  }

  @Test
  void entropyIsLnNWhenUniformAndZeroForOneCell() {
    assertEquals(Math.log(6), Entropy.entropy(new float[] {1, 1, 1, 1, 1, 1}), 1e-12);
    assertEquals(0, Entropy.entropy(new float[] {0, 0, 3, 0}), 1e-12);
    // {1, 3}: -(1/4 ln 1/4 + 3/4 ln 3/4)
    assertEquals(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), Entropy.entropy(new float[] {1, -3}), 1e-12);
  }
}

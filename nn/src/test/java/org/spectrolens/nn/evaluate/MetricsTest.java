package org.spectrolens.nn.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void matchesHandComputedFigures() {
    // truth a a a b b c, predicted a a b b c c; class d never occurs
    Metrics m = Metrics.of(List.of("a", "b", "c", "d"), new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2},
        "smallcnn", "ds", "test", null);
    assertArrayEquals(new int[][] {{2, 1, 0, 0}, {0, 1, 1, 0}, {0, 0, 1, 0}, {0, 0, 0, 0}}, m.confusionMatrix());
    assertEquals(4.0 / 6, m.accuracy(), 1e-12);
    // mean recall over the classes that occur: (2/3 + 1/2 + 1) / 3
    assertEquals((2.0 / 3 + 0.5 + 1) / 3, m.balancedAccuracy(), 1e-12);
    assertEquals(1.0, m.perClass().get("a").precision(), 1e-12);
    assertEquals(2.0 / 3, m.perClass().get("a").recall(), 1e-12);
    assertEquals(0.8, m.perClass().get("a").f1(), 1e-12);
    assertEquals(0.5, m.perClass().get("b").f1(), 1e-12);
    assertEquals(2.0 / 3, m.perClass().get("c").f1(), 1e-12);
    assertEquals(0.0, m.perClass().get("d").precision());
    assertEquals(0, m.perClass().get("d").support());
    assertArrayEquals(new double[] {0, 0.5, 0.5, 0}, m.confusionMatrixNormalized()[1], 1e-12);
  }

  @Test
  void crossEntropyIsMinusLogSoftmax() {
    // logits (0, ln 3): softmax (1/4, 3/4)
    assertEquals(Math.log(4), Evaluator.crossEntropy(new float[] {0f, (float) Math.log(3)}, 0), 1e-6);
    assertEquals(Math.log(4.0 / 3), Evaluator.crossEntropy(new float[] {1000f, 1000f + (float) Math.log(3)}, 1), 1e-4);
  }
}

package org.spectrolens.explain;

import org.spectrolens.explain.method.Explainers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TinyNets;

/**
 * The contract every registered method keeps (Captum's test_config.py style: one table, every
 * member): on a small network whose last block is followed by pooling and a dense layer (so CAM
 * applies too), each method explains a batch of two inputs, for the requested classes, with one
 * processed map per input on the input grid in [0, 1], a raw map of the size it declares, finite
 * values, and the same maps when run twice with the same seed.
 */
class MethodContractTest {
  static final int C = 2;
  static final int H = 32;
  static final int W = 40;

  static float[] inputs() {
    float[] x = new float[2 * C * H * W];
    for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(0.7 * i) + (i % 5) * 0.1f;
    return x;
  }

  @Test
  void everyMethodExplainsABatchOnTheInputGrid() {
    try (Network net = TinyNets.gap(C, H, W, new float[] {1, -0.5f, -0.3f, 0.8f}, new float[] {0.1f, -0.1f})) {
      for (MethodDefinition<?> d : Explainers.all()) {
        Request r = Request.of(net, inputs(), 2).withTargets(1, 0).withLayer("features");
        Explanation e = d.create().explain(r);
        assertEquals(2, e.maps().length, d.id());
        assertArrayEquals(new int[] {1, 0}, e.targets(), d.id());
        for (int i = 0; i < 2; i++) {
          assertEquals(H * W, e.maps()[i].length, d.id() + ": processed map on the input grid");
          assertEquals(e.rawHeight() * e.rawWidth(), e.raw()[i].length, d.id() + ": raw map of its declared size");
          for (float v : e.maps()[i]) assertTrue(v >= 0 && v <= 1, d.id() + ": processed values in [0, 1], got " + v);
          for (float v : e.raw()[i]) assertTrue(Float.isFinite(v), d.id() + ": finite raw values");
        }
        Explanation again = d.create().explain(r);
        for (int i = 0; i < 2; i++) assertArrayEquals(e.maps()[i], again.maps()[i], d.id() + ": seeded, so repeatable");
      }
    }
  }
}

package org.spectrolens.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectrolens.nn.Engines;

/** The gradient-free max pooling must give torch's max_pool2d values exactly, for every window the models use. */
class MaxPoolTest {
  @Test
  void shiftedMaxEqualsTorchMaxPool() {
    Engines.get();
    int[][] cases = {{3, 2, 1}, {2, 2, 0}, {3, 1, 1}, {3, 3, 0}};
    int[][] sizes = {{12, 12}, {13, 9}, {7, 8}, {5, 5}, {1030, 1030}};
    SplittableRandom r = new SplittableRandom(5);
    try (NDManager m = NDManager.newBaseManager()) {
      for (int[] c : cases) {
        for (int[] hw : sizes) {
          float[] v = new float[2 * 3 * hw[0] * hw[1]];
          // ties (zeros after a relu) and negative values both occur in networks
          for (int i = 0; i < v.length; i++) v[i] = r.nextInt(4) == 0 ? 0f : (float) r.nextGaussian();
          NDArray x = m.create(v, new Shape(2, 3, hw[0], hw[1]));
          NDArray expected = Pool.maxPool2d(x, new Shape(c[0], c[0]), new Shape(c[1], c[1]), new Shape(c[2], c[2]), false);
          NDArray actual = Layers.shiftedMax(x, c[0], c[1], c[2]);
          String what = "kernel " + c[0] + " stride " + c[1] + " pad " + c[2] + " on " + hw[0] + "x" + hw[1];
          assertEquals(expected.getShape(), actual.getShape(), what);
          assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 0f, what);
        }
      }
    }
  }

  @Test
  void gradientsStillFlowThroughTorchsPool() {
    Engines.get();
    try (NDManager m = NDManager.newBaseManager();
        ai.djl.training.GradientCollector gc = Engines.get().newGradientCollector()) {
      NDArray x = m.create(new float[] {1, 1, 0, 2}, new Shape(1, 1, 2, 2));
      x.setRequiresGradient(true);
      NDArray y = Layers.maxPool(2, 2, 0).apply(x, false);
      gc.backward(y.sum());
      // max_pool2d routes the whole gradient to the first maximum (a tie split would give 0.5, 0.5)
      assertArrayEquals(new float[] {0, 0, 0, 1}, x.getGradient().toFloatArray(), 0f);
    }
  }
}

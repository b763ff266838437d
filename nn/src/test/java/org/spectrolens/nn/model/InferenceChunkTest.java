package org.spectrolens.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.spectrolens.nn.Engines;

/**
 * A gradient-free inference pass runs a large batch a few samples at a time (and pools with
 * {@link Layers#shiftedMax}); its outputs must be those of the one whole-batch pass that a
 * gradient-carrying input takes.
 */
class InferenceChunkTest {
  @Test
  void chunkedInferenceEqualsWholeBatch() {
    Engines.get();
    int n = 21;
    int[] shape = {1, 128, 128};
    long perSample = shape[0] * shape[1] * shape[2];
    // the batch must be split for the test to mean anything
    assertEquals(true, n * perSample > Network.INFERENCE_CHUNK_VALUES);
    try (Network net = Models.create("smallcnn", shape, 5, 3); NDManager m = net.manager().newSubManager()) {
      net.setFrozen(name -> true);
      float[] x = new float[(int) (n * perSample)];
      SplittableRandom r = new SplittableRandom(9);
      for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
      NDArray chunked = net.forwardTo(m.create(x, new Shape(n, 1, 128, 128)), "conv3", false);
      NDArray in = m.create(x, new Shape(n, 1, 128, 128));
      in.setRequiresGradient(true);
      NDArray whole = net.forwardTo(in, "conv3", false);
      assertEquals(whole.getShape(), chunked.getShape());
      float[] a = whole.toFloatArray();
      float[] b = chunked.toFloatArray();
      for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-5f * Math.max(1f, Math.abs(a[i])), "value " + i);
      NDArray logits = net.forward(m.create(x, new Shape(n, 1, 128, 128)), false);
      assertEquals(new Shape(n, 5), logits.getShape());
    }
  }
}

package org.spectrolens.nn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.weights.SafeTensors;
import org.spectrolens.nn.weights.Tensor;

class TorchWeightsTest {
  @TempDir Path dir;

  static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
    return v;
  }

  static float[] logits(Network net, float[] input, int n) {
    int[] s = net.inputShape();
    NDArray x = net.manager().create(input, new Shape(n, s[0], s[1], s[2]));
    NDArray y = net.forward(x, false);
    float[] out = y.toFloatArray();
    y.close();
    x.close();
    return out;
  }

  /** Trains nothing but moves the batch-norm running stats away from their init, so export must carry them. */
  static void warmBatchNorms(Network net) {
    int[] s = net.inputShape();
    NDArray x = net.manager().create(random(4 * s[0] * s[1] * s[2], 7), new Shape(4, s[0], s[1], s[2])).mul(3).add(1);
    net.forward(x, true).close();
  }

  @Test
  void exportThenLoadGivesIdenticalOutputs() {
    for (String arch : List.of("smallcnn", "resnet18")) {
      int[] shape = {1, 32, 32};
      Path f = dir.resolve(arch + ".safetensors");
      float[] input = random(2 * 32 * 32, 3);
      float[] expected;
      try (Network a = Models.create(arch, shape, 4, 1)) {
        warmBatchNorms(a);
        expected = logits(a, input, 2);
        TorchWeights.export(a, f);
      }
      try (Network b = Models.create(arch, shape, 4, 2)) {
        assertNotEquals(expected[0], logits(b, input, 2)[0], arch + ": another seed must differ before loading");
        TorchWeights.load(b, f);
        assertArrayEquals(expected, logits(b, input, 2), arch);
        assertEquals(1, b.batchesTracked());
      }
    }
  }

  @Test
  void forwardSplitsAtEveryStage() {
    try (Network net = Models.create("resnet18", new int[] {1, 32, 32}, 3, 5)) {
      float[] input = random(32 * 32, 4);
      NDArray x = net.manager().create(input, new Shape(1, 1, 32, 32));
      float[] whole = net.forward(x, false).toFloatArray();
      for (String stage : net.stageNames()) {
        NDArray a = net.forwardTo(x, stage, false);
        assertArrayEquals(whole, net.forwardFrom(a, stage, false).toFloatArray(), 0f, stage);
      }
      assertArrayEquals(new long[] {1, 512, 1, 1}, net.forwardTo(x, "avgpool", false).getShape().getShape());
    }
  }

  @Test
  void pretrainedLoadsAllButFcAndFoldsRgbOntoOneChannel() {
    Path f = dir.resolve("imagenet.safetensors");
    Map<String, float[]> source;
    try (Network rgb = Models.create("resnet18", new int[] {3, 32, 32}, 10, 11)) {
      warmBatchNorms(rgb);
      source = rgb.snapshot();
      TorchWeights.export(rgb, f);
    }
    try (Network mono = Models.create("resnet18", new int[] {1, 32, 32}, 5, 12)) {
      float[] fcBefore = mono.tensors().get("fc.weight").toFloatArray();
      TorchWeights.loadPretrained(mono, f, TorchWeights.ChannelReduction.SUM);
      assertArrayEquals(fcBefore, mono.tensors().get("fc.weight").toFloatArray());
      assertArrayEquals(source.get("layer3.1.conv2.weight"), mono.tensors().get("layer3.1.conv2.weight").toFloatArray());
      assertArrayEquals(source.get("bn1.running_var"), mono.tensors().get("bn1.running_var").toFloatArray());
      float[] rgbConv = source.get("conv1.weight");
      float[] monoConv = mono.tensors().get("conv1.weight").toFloatArray();
      for (int o : new int[] {0, 63}) {
        for (int p : new int[] {0, 24, 48}) {
          float sum = rgbConv[(o * 3) * 49 + p] + rgbConv[(o * 3 + 1) * 49 + p] + rgbConv[(o * 3 + 2) * 49 + p];
          assertEquals(sum, monoConv[o * 49 + p], 1e-6f);
        }
      }
      mono.setFrozen(n -> !n.startsWith("fc."));
      assertEquals(List.of("fc.weight", "fc.bias"), List.copyOf(mono.trainable().keySet()));
    }
    try (Network mono = Models.create("resnet18", new int[] {1, 32, 32}, 5, 12)) {
      TorchWeights.loadPretrained(mono, f, TorchWeights.ChannelReduction.MEAN);
      assertEquals((rgbSum(source.get("conv1.weight")) / 3), sum(mono.tensors().get("conv1.weight").toFloatArray()), 1e-3);
    }
  }

  private static double rgbSum(float[] v) {
    return sum(v);
  }

  private static double sum(float[] v) {
    double s = 0;
    for (float x : v) s += x;
    return s;
  }

  @Test
  void wrongArchitectureIsAClearError() {
    Path f = dir.resolve("r18.safetensors");
    try (Network a = Models.create("resnet18", new int[] {1, 32, 32}, 4, 1)) {
      TorchWeights.export(a, f);
    }
    try (Network b = Models.create("resnet34", new int[] {1, 32, 32}, 4, 1)) {
      SpectrolensException e = assertThrows(SpectrolensException.class, () -> TorchWeights.load(b, f));
      assertEquals(true, e.getMessage().contains("missing tensor"), e.getMessage());
    }
    LinkedHashMap<String, Tensor> bad = new LinkedHashMap<>(SafeTensors.read(f));
    bad.put("layer1.0.conv1.weight", Tensor.f32(new long[] {2}, new float[2]));
    Path g = dir.resolve("bad.safetensors");
    SafeTensors.write(g, bad, null);
    try (Network b = Models.create("resnet18", new int[] {1, 32, 32}, 4, 1)) {
      SpectrolensException e = assertThrows(SpectrolensException.class, () -> TorchWeights.load(b, g));
      assertEquals(true, e.getMessage().contains("has shape [2]"), e.getMessage());
    }
  }
}

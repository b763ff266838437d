package org.spectrolens.judge;

import org.spectrolens.judge.metric.Sanity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.Request;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.Network;

/** The randomisation tests: maps that ignore the weights fail them, gradients pass. */
class SanityTest {
  static final MapMaker SALIENCY = (net, x, n, t) -> Explainers.explain("saliency", Request.of(net, x, n).withTargets(t)).maps();

  @Test
  void aMethodWhoseMapsIgnoreTheWeightsFailsAndSaliencyPasses() {
    try (Network net = BandToy.network()) {
      int n = 3;
      float[] x = BandToy.inputs(n, 1);
      int[] targets = new int[n];
      float[] before = net.tensors().get("head.weight").toFloatArray();
      Sanity energy = Sanity.check(net, ReferenceMaps.energyMaker(), x, n, targets, null, 1);
      assertEquals(List.of("head"), energy.cascading().stream().map(LayerStep::layer).toList());
      assertEquals(1, energy.cascading().get(0).spearman(), 1e-9);
      assertEquals(1, energy.cascading().get(0).ssim(), 1e-9);
      assertFalse(energy.passes());
      assertEquals(List.of("cascading"), energy.failures());
      Sanity saliency = Sanity.check(net, SALIENCY, x, n, targets, null, 1);
      assertTrue(saliency.passes(), "saliency: " + saliency.cascading());
      // the weights are back after the checks
      org.junit.jupiter.api.Assertions.assertArrayEquals(before, net.tensors().get("head.weight").toFloatArray(), 0f);
    }
  }

  @Test
  void cascadingGoesFromTheOutputDownAndIndependentRestoresEachLayer() {
    try (Network net = Models.create("smallcnn", new int[] {1, 16, 16}, 2, 3)) {
      int n = 1;
      float[] x = BandToy.inputs(n, 2);
      float[] fc = net.tensors().get("fc.weight").toFloatArray();
      // data randomisation against the network itself: identical maps, similarity 1, a failure
      Sanity self = Sanity.check(net, SALIENCY, x, n, new int[n], net, 5);
      assertEquals(List.of("fc", "fc2", "fc1", "conv4", "conv3", "conv2", "conv1"), self.cascading().stream().map(LayerStep::layer).toList());
      assertEquals(7, self.independent().size());
      org.junit.jupiter.api.Assertions.assertArrayEquals(fc, net.tensors().get("fc.weight").toFloatArray(), 0f);
      assertEquals(1, self.data().spearman(), 1e-9);
      assertTrue(self.failures().contains("data_randomisation"));
    }
  }
}

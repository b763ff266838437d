package org.spectrolens.explain.method;

import org.spectrolens.explain.Baseline;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.params.ParameterRecords;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TinyNets;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.segment.Felzenszwalb;

/**
 * Region occlusion on tiny networks with hand-set weights: the exact map on a linear network, and
 * Captum's {@code FeatureAblation} definition (each feature group of the mask replaced by the
 * baseline, the drop of the output assigned to every cell of the group) on a quadratic one.
 */
class RegionOcclusionTest {
  /**
   * 2 channels of 3x4, logits {@code V . x}: k-means with 2 clusters on channel 0 finds two bright
   * blobs (regions 1, 2 in raster order) and the background (region 0); occluding a region with
   * the floor baseline drops the logit by {@code sum over its cells and both channels of V (x - b)}.
   */
  @Test
  void linearNetworkMapIsEachRegionsLogitDrop() {
    float[] x = {
      9, 9, 0, 0, //
      9, 0, 0, 8, //
      0, 0, 1, 8, //
      /* channel 1 */ 2, 3, 4, 5, //
      1, 1, 1, 1, //
      6, 7, 8, 9};
    float[] v = new float[2 * 2 * 12];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < v.length; i++) v[i] = (float) (rng.nextInt(7) - 3);
    int[] region = {1, 1, 0, 0, 1, 0, 0, 2, 0, 0, 0, 2};
    float[] floor = {0, 1}; // each channel's minimum
    try (Network net = TinyNets.linear(2, 3, 4, v, new float[] {0.5f, -1})) {
      RegionOcclusion m = new RegionOcclusion(new RegionOcclusion.Params(RegionOcclusion.SegmentationMethod.KMEANS, 1, 0.8, 20, 2,
          RegionOcclusion.Score.LOGIT));
      Explanation e = m.explain(Request.of(net, x, 1).withTargets(1).withOptions(Options.defaults()));
      double[] drop = new double[3];
      for (int ch = 0; ch < 2; ch++) {
        for (int p = 0; p < 12; p++) drop[region[p]] += v[12 * 2 + ch * 12 + p] * (x[ch * 12 + p] - floor[ch]);
      }
      float[] want = new float[12];
      for (int p = 0; p < 12; p++) want[p] = (float) drop[region[p]];
      assertArrayEquals(want, e.raw()[0], 1e-5f);
      assertEquals("region-occlusion", e.method());
      assertEquals("kmeans", e.options().get("segmentation"));
    }
  }

  @Test
  void everySegmentationChoiceIsARegisteredSegmenter() {
    for (RegionOcclusion.SegmentationMethod m : RegionOcclusion.SegmentationMethod.values()) {
      assertTrue(org.spectrolens.segment.Segmenters.IDS.contains(ParameterRecords.id(m)), ParameterRecords.id(m));
      RegionOcclusion.Params p = new RegionOcclusion.Params(m, 1, 0.8, 20, 3, RegionOcclusion.Score.LOGIT);
      assertEquals(ParameterRecords.id(m), RegionOcclusion.segmenter(p).definition().id());
    }
  }

  /**
   * Felzenszwalb superpixels (skimage's scale and sigma, smallest region 5 cells) on a random 1x8x10 input, probability score, mean
   * baseline, on {@code logits_k = V_k . x^2 / 2}: the map equals FeatureAblation computed here
   * region by region, whatever the batch size.
   */
  @Test
  void equalsCaptumsFeatureAblationWithTheSegmentationAsFeatureMask() {
    int h = 8;
    int w = 10;
    SplittableRandom rng = new SplittableRandom(5);
    float[] x = new float[h * w];
    for (int i = 0; i < x.length; i++) x[i] = (float) (rng.nextDouble() + (i % w < 4 ? 1.5 : 0));
    float[] v = new float[3 * h * w];
    for (int i = 0; i < v.length; i++) v[i] = (float) (rng.nextDouble() - 0.5);
    try (Network net = TinyNets.quadratic(1, h, w, v, new float[] {0, 0.2f, -0.1f})) {
      Options o = Options.defaults().withBaseline(Baseline.MEAN);
      RegionOcclusion.Params p = new RegionOcclusion.Params(RegionOcclusion.SegmentationMethod.FELZENSZWALB, 1, 0.8, 5, 3,
          RegionOcclusion.Score.PROBABILITY);
      float[][] grid = new float[h][w];
      for (int r = 0; r < h; r++) System.arraycopy(x, r * w, grid[r], 0, w);
      int[][] mask = new Felzenszwalb(new Felzenszwalb.Params(1, 0.8, 5, true, Double.NEGATIVE_INFINITY)).label(grid);
      // FeatureAblation: for every feature id, x * (1 - m) + baseline * m, attribution = f(x) - f(ablated)
      float[] b = Baseline.MEAN.of(x, 1, h, w);
      int target = 2;
      double f0 = TrainedModel.softmax(Tap.logits(net, x, 1, 1)[0])[target];
      TreeSet<Integer> ids = new TreeSet<>();
      for (int[] row : mask) for (int id : row) ids.add(id);
      float[] want = new float[h * w];
      for (int id : ids) {
        float[] ablated = x.clone();
        for (int q = 0; q < h * w; q++) if (mask[q / w][q % w] == id) ablated[q] = b[q];
        double f = TrainedModel.softmax(Tap.logits(net, ablated, 1, 1)[0])[target];
        for (int q = 0; q < h * w; q++) if (mask[q / w][q % w] == id) want[q] = (float) (f0 - f);
      }
      assertTrue(ids.size() > 3, "regions: " + ids.size());
      for (int batch : new int[] {1, 3, 64}) {
        Explanation e = new RegionOcclusion(p).explain(Request.of(net, x, 1).withTargets(target).withOptions(o.withBatchSize(batch)));
        assertArrayEquals(want, e.raw()[0], 1e-6f, "batch " + batch);
      }
    }
  }
}

package org.spectrolens.judge.metric.randomisation;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.MapMaker;
import org.spectrolens.judge.Metric;
import org.spectrolens.judge.Similarity;
import java.util.Set;
import java.util.SplittableRandom;
import org.spectrolens.nn.model.Network;

/**
 * Random-logit test (Sixt et al. 2020; Quantus's {@code RandomLogit}): the mean SSIM between the
 * map for the explained class and the map for another class drawn uniformly (seeded) from the
 * rest. A class-discriminative method gives different maps. Lower is better.
 */
public final class RandomLogit extends Described implements Metric {
  public RandomLogit() {
    super("random_logit_ssim", Category.RANDOMISATION, Direction.LOWER, Set.of(Need.MODEL, Need.EXPLAINER),
        "SSIM between the map of the explained class and the map of a random other class (Sixt 2020).");
  }

  public double run(Network net, MapMaker maker, float[] inputs, int n, int[] targets, float[][] trained, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int classes = net.numClasses();
    int[] other = new int[n];
    for (int i = 0; i < n; i++) {
      int k = rng.nextInt(classes - 1);
      other[i] = k >= targets[i] ? k + 1 : k;
    }
    float[][] maps = maker.maps(net, inputs, n, other);
    int[] s = net.inputShape();
    return Similarity.mean(trained, maps, s[1], s[2]).ssim();
  }
}

package org.spectrolens.judge.metric.randomisation;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.MapMaker;
import org.spectrolens.judge.Metric;
import org.spectrolens.judge.Similarity;
import java.util.Set;
import org.spectrolens.nn.model.Network;

/**
 * Data randomisation (Adebayo et al. 2018): the maps of a model trained on shuffled labels
 * ({@code train --shuffle-labels}) compared with the real model's, for the same inputs and
 * classes: mean Spearman (absolute) and SSIM. A method that explains what the model learnt gives
 * different maps for a model that learnt nothing. Lower is better.
 */
public final class DataRandomisation extends Described implements Metric {
  public DataRandomisation() {
    super("data_randomisation", Category.RANDOMISATION, Direction.LOWER, Set.of(Need.MODEL, Need.EXPLAINER),
        "Spearman (absolute) and SSIM between the maps of the model and of one trained on shuffled labels (Adebayo 2018).");
  }

  /** Mean Spearman and SSIM against the shuffled-label model's maps. */
  public Similarity.Mean run(Network shuffled, MapMaker maker, float[] inputs, int n, int[] targets, float[][] trained) {
    float[][] maps = maker.maps(shuffled, inputs, n, targets);
    int[] s = shuffled.inputShape();
    return Similarity.mean(trained, maps, s[1], s[2]);
  }
}

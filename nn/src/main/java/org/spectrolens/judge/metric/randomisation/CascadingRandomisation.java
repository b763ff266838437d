package org.spectrolens.judge.metric.randomisation;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.LayerStep;
import org.spectrolens.judge.MapMaker;
import org.spectrolens.judge.Metric;
import org.spectrolens.judge.ParameterRandomisation;
import java.util.List;
import java.util.Set;
import org.spectrolens.nn.model.Network;

/**
 * Cascading model-parameter randomisation (Adebayo et al. 2018): the layers are re-initialised
 * one after another from the output down, keeping the earlier ones randomised, and after each
 * step the maps are compared with the trained network's. A method that explains the model loses
 * its similarity; one whose maps stay put does not depend on the weights. Lower is better.
 */
public final class CascadingRandomisation extends Described implements Metric {
  public CascadingRandomisation() {
    super("cascading", Category.RANDOMISATION, Direction.LOWER, Set.of(Need.MODEL, Need.EXPLAINER),
        "Re-initialise layers from the output down, cumulatively; Spearman (absolute) and SSIM to the trained maps (Adebayo 2018).");
  }

  /** The steps, top layer first; the network's weights are restored afterwards. */
  public List<LayerStep> run(Network net, MapMaker maker, float[] inputs, int n, int[] targets, float[][] trained, long seed) {
    return ParameterRandomisation.steps(net, maker, inputs, n, targets, trained, seed, true);
  }
}

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
 * Independent (layer by layer) model-parameter randomisation (Adebayo et al. 2018): each layer is
 * re-initialised on its own, the others trained, and the maps are compared with the trained
 * network's. Shows which layers a method's maps depend on. Lower is better.
 */
public final class IndependentRandomisation extends Described implements Metric {
  public IndependentRandomisation() {
    super("independent", Category.RANDOMISATION, Direction.LOWER, Set.of(Need.MODEL, Need.EXPLAINER),
        "Re-initialise one layer at a time; Spearman (absolute) and SSIM to the trained maps (Adebayo 2018).");
  }

  /** The steps, top layer first; the network's weights are restored after each. */
  public List<LayerStep> run(Network net, MapMaker maker, float[] inputs, int n, int[] targets, float[][] trained, long seed) {
    return ParameterRandomisation.steps(net, maker, inputs, n, targets, trained, seed, false);
  }
}

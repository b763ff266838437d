package org.spectrolens.judge;

import java.util.ArrayList;
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
    int[] s = net.inputShape();
    List<LayerStep> out = new ArrayList<>();
    try (ParameterRandomisation r = new ParameterRandomisation(net, seed)) {
      for (String layer : ParameterRandomisation.layersTopDown(net)) {
        r.randomise(layer);
        float[][] maps = maker.maps(net, inputs, n, targets);
        double[] sim = Similarity.mean(trained, maps, s[1], s[2]);
        out.add(new LayerStep(layer, sim[0], sim[1], maps[0]));
      }
    }
    return out;
  }
}

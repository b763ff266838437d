package org.spectrolens.explain.method;

import org.spectrolens.explain.ElementwiseCam;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.params.ParameterRecords;

/**
 * Layer-CAM (Jiang et al. 2021): {@code sum_k relu(g^k) * A^k}, each position weighted by its own
 * positive gradient, which keeps the detail of earlier layers. The paper's tanh rescaling for
 * shallow layers is not applied (neither library applies it).
 */
public final class LayerCam extends ElementwiseCam<ParameterRecords.None> {
  public static final MethodDefinition<ParameterRecords.None> DEFINITION = MethodDefinition.of("layercam",
      "Layer-CAM: activations times positive gradients, elementwise", "1 forward + 1 backward", LayerCam::new);

  public LayerCam() {
    super(DEFINITION, null);
  }

  /** {@code relu(g)}. */
  @Override
  protected double gradientWeight(double gradient) {
    return Math.max(0, gradient);
  }
}

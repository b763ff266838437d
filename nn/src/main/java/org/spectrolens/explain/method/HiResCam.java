package org.spectrolens.explain.method;

import org.spectrolens.explain.ElementwiseCam;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.params.ParameterRecords;

/** HiResCAM (Draelos and Carin 2020): {@code sum_k g^k * A^k}, elementwise, gradients unclipped. */
public final class HiResCam extends ElementwiseCam<ParameterRecords.None> {
  public static final MethodDefinition<ParameterRecords.None> DEFINITION = MethodDefinition.of("hirescam",
      "HiResCAM: activations times gradients, elementwise", "1 forward + 1 backward", HiResCam::new);

  public HiResCam() {
    super(DEFINITION, null);
  }

  /** {@code g}. */
  @Override
  protected double gradientWeight(double gradient) {
    return gradient;
  }
}

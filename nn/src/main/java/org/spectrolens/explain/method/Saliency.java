package org.spectrolens.explain.method;

import org.spectrolens.explain.InputMethod;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.params.ParameterRecords;

/**
 * Vanilla saliency (Simonyan et al. 2014): {@code max_channels |dS/dx|}, min-max scaled (tf-keras-vis);
 * on a complex STFT input (a raw-waveform model) {@code |dS/dX|}, the modulus per cell.
 */
public final class Saliency extends InputMethod<ParameterRecords.None> {
  public static final MethodDefinition<ParameterRecords.None> DEFINITION = MethodDefinition.of("saliency",
      "Vanilla saliency: the largest absolute input gradient over channels", "1 forward + 1 backward", Saliency::new);

  public Saliency() {
    super(DEFINITION, null);
  }

  @Override
  protected Maps rawMaps(Request r) {
    Tap.Input g = Tap.input(r.network(), r.inputs(), r.n(), r.targets());
    return new Maps(gradientMaps(r, g.gradients()), g.logits(), g.targets());
  }
}

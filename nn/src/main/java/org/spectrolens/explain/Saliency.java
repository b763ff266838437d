package org.spectrolens.explain;

/** Vanilla saliency (Simonyan et al. 2014): {@code max_channels |dS/dx|}, min-max scaled (tf-keras-vis). */
public final class Saliency extends InputMethod {
  @Override
  public String id() {
    return "saliency";
  }

  @Override
  float[][] rawMaps(Request r, int[] targets, float[][][] logitsOut) {
    Tap.Input g = Tap.input(r.network(), r.inputs(), r.n(), targets);
    logitsOut[0] = g.logits();
    return maxAbsOverChannels(g.gradients(), r.n(), r.channels(), r.height() * r.width());
  }
}

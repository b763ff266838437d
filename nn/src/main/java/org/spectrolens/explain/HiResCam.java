package org.spectrolens.explain;

/** HiResCAM (Draelos and Carin 2020): {@code sum_k g^k * A^k}, elementwise, gradients unclipped. */
public final class HiResCam extends LayerMethod {
  @Override
  public String id() {
    return "hirescam";
  }

  @Override
  boolean needsGradients() {
    return true;
  }

  @Override
  float[] rawMap(Request r, Tap.Layer a, int i, int target, String layer) {
    return LayerCam.elementwise(a, i, false);
  }
}

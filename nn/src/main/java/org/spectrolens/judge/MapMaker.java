package org.spectrolens.judge;

import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import org.spectrolens.nn.model.Network;

/**
 * Makes one method's maps for a network: what the sanity checks re-run after every change of
 * the weights. Maps are [n][H*W] on the input grid, in [0, 1].
 */
@FunctionalInterface
public interface MapMaker {
  float[][] maps(Network network, float[] inputs, int n, int[] targets);

  /** An explanation method of {@code explain} by id (a one-line error for an unknown id), with its options. */
  static MapMaker method(String id, Options options) {
    return method(id, options, null);
  }

  /** As {@link #method(String, Options)}, the CAM family reading {@code layer} (null: the last convolutional block). */
  static MapMaker method(String id, Options options, String layer) {
    Explainers.of(id);
    return (net, x, n, targets) -> Explainers.explain(id, Request.of(net, x, n).withTargets(targets).withOptions(options).withLayer(layer)).maps();
  }
}

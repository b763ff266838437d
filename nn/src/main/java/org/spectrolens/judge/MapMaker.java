package org.spectrolens.judge;

import org.spectrolens.nn.model.Network;

/**
 * Makes one method's maps for a network: what the sanity checks re-run after every change of
 * the weights. Maps are [n][H*W] on the input grid, in [0, 1].
 */
@FunctionalInterface
public interface MapMaker {
  float[][] maps(Network network, float[] inputs, int n, int[] targets);
}

package org.spectrolens.explain;

import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.model.Network;

/**
 * What to explain: a batch of model inputs (flat [n, C, H, W], exactly what the network sees),
 * the class to explain for each (null: the predicted one), the layer (null: the last
 * convolutional block), the options, and the input grid's axes (needed only by occlusion
 * windows given in Hz and seconds).
 */
public record Request(Network network, float[] inputs, int n, int[] targets, String layer, Options options, MapAxes axes) {
  public Request {
    int[] s = network.inputShape();
    if (inputs.length != n * s[0] * s[1] * s[2]) {
      throw new IllegalArgumentException("inputs hold " + inputs.length + " values, expected " + n + " x " + s[0] + "x" + s[1] + "x" + s[2]);
    }
    if (targets != null) {
      if (targets.length != n) throw new IllegalArgumentException("one target per input expected");
      for (int t : targets) {
        if (t < 0 || t >= network.numClasses()) throw new SpectrolensException("--target", "class " + t + " out of range 0.." + (network.numClasses() - 1));
      }
    }
    if (options == null) options = Options.defaults();
  }

  public static Request of(Network net, float[] inputs, int n) {
    return new Request(net, inputs, n, null, null, Options.defaults(), null);
  }

  public Request withTargets(int... t) {
    return new Request(network, inputs, n, t, layer, options, axes);
  }

  public Request withLayer(String l) {
    return new Request(network, inputs, n, targets, l, options, axes);
  }

  public Request withOptions(Options o) {
    return new Request(network, inputs, n, targets, layer, o, axes);
  }

  public Request withAxes(MapAxes a) {
    return new Request(network, inputs, n, targets, layer, options, a);
  }

  public int channels() {
    return network.inputShape()[0];
  }

  public int height() {
    return network.inputShape()[1];
  }

  public int width() {
    return network.inputShape()[2];
  }

  /** Values of one input [C*H*W]. */
  public float[] input(int i) {
    int size = channels() * height() * width();
    float[] x = new float[size];
    System.arraycopy(inputs, i * size, x, 0, size);
    return x;
  }

  /** The layer to use: the one asked for, else the last convolutional block. */
  public String resolvedLayer() {
    if (layer != null) {
      network.indexOf(layer);
      return layer;
    }
    return Layers.lastConvolutional(network);
  }

  /** The targets asked for, else the predicted classes (one forward pass). */
  public int[] resolvedTargets() {
    if (targets != null) return targets.clone();
    float[][] logits = Tap.logits(network, inputs, n, options.batchSize());
    int[] t = new int[n];
    for (int i = 0; i < n; i++) t[i] = argmax(logits[i]);
    return t;
  }

  static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
    return best;
  }
}

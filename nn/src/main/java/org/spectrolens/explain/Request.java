package org.spectrolens.explain;

import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainedModel;

/**
 * What to explain: a batch of model inputs (flat [n, C, H, W], exactly what the network sees),
 * the class to explain for each (null: the predicted one), the layer (null: the last
 * convolutional block), the shared options, the input grid's axes (needed only by windows given in
 * Hz and seconds) and a key per input (the seed of its random streams: the same key gives the same
 * noise whatever batch the input is in; null: 0..n-1).
 */
public record Request(Network network, float[] inputs, int n, int[] targets, String layer, Options options, MapAxes axes,
    long[] keys) {
  public Request {
    int[] s = network.inputShape();
    if (inputs.length != (long) n * s[0] * s[1] * s[2]) {
      throw new IllegalArgumentException("inputs hold " + inputs.length + " values, expected " + n + " x " + s[0] + "x" + s[1] + "x" + s[2]);
    }
    if (targets != null) {
      if (targets.length != n) throw new IllegalArgumentException("one target per input expected");
      for (int t : targets) {
        if (t < 0 || t >= network.numClasses()) throw new SpectrolensException("target", "class " + t + " out of range 0.." + (network.numClasses() - 1));
      }
    }
    if (keys != null && keys.length != n) throw new IllegalArgumentException("one key per input expected");
    if (options == null) options = Options.defaults();
    // a complex STFT input (a raw-waveform model) is removed by silence, zero in both parts: the
    // floor or mean of a real or imaginary part is no absence of sound
    if (network.complexInput() && options.baseline() != Baseline.ZERO) options = options.withBaseline(Baseline.ZERO);
  }

  public Request(Network network, float[] inputs, int n, int[] targets, String layer, Options options, MapAxes axes) {
    this(network, inputs, n, targets, layer, options, axes, null);
  }

  public static Request of(Network net, float[] inputs, int n) {
    return new Request(net, inputs, n, null, null, Options.defaults(), null, null);
  }

  public Request withTargets(int... t) {
    return new Request(network, inputs, n, t, layer, options, axes, keys);
  }

  public Request withLayer(String l) {
    return new Request(network, inputs, n, targets, l, options, axes, keys);
  }

  public Request withOptions(Options o) {
    return new Request(network, inputs, n, targets, layer, o, axes, keys);
  }

  public Request withAxes(MapAxes a) {
    return new Request(network, inputs, n, targets, layer, options, a, keys);
  }

  public Request withKeys(long... k) {
    return new Request(network, inputs, n, targets, layer, options, axes, k);
  }

  /** The same request on other inputs of the same count (a wrapper's noisy copies). */
  public Request withInputs(float[] x) {
    return new Request(network, x, n, targets, layer, options, axes, keys);
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

  /** Values of input {@code i} [C*H*W]. */
  public float[] input(int i) {
    int size = channels() * height() * width();
    float[] x = new float[size];
    System.arraycopy(inputs, i * size, x, 0, size);
    return x;
  }

  /** The key of input {@code i}. */
  public long key(int i) {
    return keys == null ? i : keys[i];
  }

  /** The layer to use: the one asked for, else the last convolutional block. */
  public String resolvedLayer() {
    return TargetLayers.resolve(network, layer);
  }

  /** The targets asked for, else the predicted classes (one forward pass). */
  public int[] resolvedTargets() {
    if (targets != null) return targets.clone();
    return predicted(Tap.logits(network, inputs, n, options.batchSize()));
  }

  /** The targets asked for, else the classes these logits predict. */
  public int[] resolvedTargets(float[][] logits) {
    return targets != null ? targets.clone() : predicted(logits);
  }

  private static int[] predicted(float[][] logits) {
    int[] t = new int[logits.length];
    for (int i = 0; i < t.length; i++) t[i] = TrainedModel.argmax(logits[i]);
    return t;
  }
}

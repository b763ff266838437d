package org.spectrolens.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashSet;
import java.util.Set;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.Network;

/**
 * The one place explainers touch the engine: a named layer's activations and the gradient of the
 * target score with respect to them, gradients with respect to the input, and batched forward
 * passes. Everything comes back as flat float arrays so weighting rules are plain arithmetic.
 *
 * <p>The target score is the target class's logit (pytorch-grad-cam's {@code ClassifierOutputTarget},
 * tf-keras-vis with {@code ReplaceToLinear}); networks here return logits, so no softmax is
 * differentiated. Forward passes use inference mode (running batch-norm statistics). While a tap
 * runs, the network's parameters are frozen so no weight gradients are computed.
 */
public final class Tap {
  private Tap() {}

  /**
   * Activations [n, k, h, w] of a layer, the target score's gradient with respect to them (null
   * when not asked for), the logits, and the targets (as given, or the predicted classes).
   */
  public record Layer(int n, int k, int h, int w, float[] activations, float[] gradients, float[][] logits, int[] targets) {
    public int plane() {
      return h * w;
    }
  }

  /**
   * Runs {@code x} ([n, C, H, W] flat) to {@code layer}; with gradients of the targets' logits when
   * asked. Null targets mean the predicted classes, read from the same forward pass.
   */
  public static Layer layer(Network net, float[] x, int n, String layer, int[] targets, boolean gradients) {
    if (gradients) requireGradients(net);
    int[] s = net.inputShape();
    Engine engine = Engines.get();
    try (Frozen f = new Frozen(net); NDManager m = net.manager().newSubManager()) {
      NDArray in = m.create(x, new Shape(n, s[0], s[1], s[2]));
      NDArray a = net.forwardTo(in, layer, false);
      long[] shape = a.getShape().getShape();
      if (shape.length != 4) {
        throw new org.spectrolens.SpectrolensException(layer, "layer output has shape " + a.getShape()
            + "; a map needs a convolutional layer with output [N, K, h, w]");
      }
      int k = (int) shape[1];
      int h = (int) shape[2];
      int w = (int) shape[3];
      float[] g = null;
      NDArray logits;
      if (gradients) {
        a = a.stopGradient();
        a.setRequiresGradient(true);
        float[][] z;
        try (GradientCollector gc = engine.newGradientCollector()) {
          logits = net.forwardFrom(a, layer, false);
          z = rows(logits.toFloatArray(), n, net.numClasses());
          targets = targetsOr(targets, z);
          gc.backward(logits.mul(oneHot(m, targets, net.numClasses())).sum());
        }
        g = a.getGradient().toFloatArray();
        return new Layer(n, k, h, w, a.toFloatArray(), g, z, targets);
      }
      logits = net.forwardFrom(a, layer, false);
      float[][] z = rows(logits.toFloatArray(), n, net.numClasses());
      return new Layer(n, k, h, w, a.toFloatArray(), null, z, targetsOr(targets, z));
    }
  }

  /** Gradients [n, C, H, W] of the targets' logits with respect to the input, the logits, and the targets. */
  public record Input(float[] gradients, float[][] logits, int[] targets) {}

  /** Input gradients of the targets' logits (null targets: the predicted classes, from the same forward pass). */
  public static Input input(Network net, float[] x, int n, int[] targets) {
    requireGradients(net);
    int[] s = net.inputShape();
    Engine engine = Engines.get();
    try (Frozen f = new Frozen(net); NDManager m = net.manager().newSubManager()) {
      NDArray in = m.create(x, new Shape(n, s[0], s[1], s[2]));
      in.setRequiresGradient(true);
      NDArray logits;
      float[][] z;
      try (GradientCollector gc = engine.newGradientCollector()) {
        logits = net.forward(in, false);
        z = rows(logits.toFloatArray(), n, net.numClasses());
        targets = targetsOr(targets, z);
        gc.backward(logits.mul(oneHot(m, targets, net.numClasses())).sum());
      }
      return new Input(in.getGradient().toFloatArray(), z, targets);
    }
  }

  /** Logits of {@code n} inputs, in chunks of at most {@code batch}. */
  public static float[][] logits(Network net, float[] x, int n, int batch) {
    int[] s = net.inputShape();
    return chunked(net, x, n, batch, new long[] {s[0], s[1], s[2]}, null);
  }

  /** Logits from {@code n} activations of {@code layer} (shape [k, h, w] each), in chunks of at most {@code batch}. */
  public static float[][] logitsFrom(Network net, String layer, float[] a, int n, int k, int h, int w, int batch) {
    return chunked(net, a, n, batch, new long[] {k, h, w}, layer);
  }

  private static float[][] chunked(Network net, float[] data, int n, int batch, long[] item, String layer) {
    int size = (int) (item[0] * item[1] * item[2]);
    int c = net.numClasses();
    float[][] out = new float[n][];
    batch = Math.max(1, batch);
    try (Frozen f = new Frozen(net)) {
      for (int from = 0; from < n; from += batch) {
        int len = Math.min(batch, n - from);
        try (NDManager m = net.manager().newSubManager()) {
          float[] part = new float[len * size];
          System.arraycopy(data, from * size, part, 0, len * size);
          NDArray in = m.create(part, new Shape(len, item[0], item[1], item[2]));
          NDArray logits = layer == null ? net.forward(in, false) : net.forwardFrom(in, layer, false);
          float[][] r = rows(logits.toFloatArray(), len, c);
          System.arraycopy(r, 0, out, from, len);
        }
      }
    }
    return out;
  }

  /** Refuses a network that runs inference only (an imported ONNX graph) before any gradient is asked of it. */
  static void requireGradients(Network net) {
    if (!net.hasGradients()) {
      throw new org.spectrolens.SpectrolensException(net.architecture(), "the engine runs this model for inference only, so it has no"
          + " gradients for this method; use a gradient-free method (occlusion) or import the model as TorchScript");
    }
  }

  private static int[] targetsOr(int[] targets, float[][] logits) {
    if (targets != null) return targets;
    int[] t = new int[logits.length];
    for (int i = 0; i < t.length; i++) t[i] = org.spectrolens.nn.model.TrainedModel.argmax(logits[i]);
    return t;
  }

  private static NDArray oneHot(NDManager m, int[] targets, int classes) {
    float[] oh = new float[targets.length * classes];
    for (int i = 0; i < targets.length; i++) oh[i * classes + targets[i]] = 1;
    return m.create(oh, new Shape(targets.length, classes));
  }

  static float[][] rows(float[] flat, int n, int c) {
    float[][] out = new float[n][c];
    for (int i = 0; i < n; i++) System.arraycopy(flat, i * c, out[i], 0, c);
    return out;
  }

  /** Freezes every parameter while a tap runs and restores the previous state after. */
  private static final class Frozen implements AutoCloseable {
    private final Network net;
    private final Set<String> was = new HashSet<>();

    Frozen(Network net) {
      this.net = net;
      for (String name : net.tensors().keySet()) if (net.isFrozen(name)) was.add(name);
      net.setFrozen(name -> true);
    }

    @Override
    public void close() {
      net.setFrozen(was::contains);
    }
  }
}

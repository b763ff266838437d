package org.spectrolens.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.spectrolens.nn.Engines;

/**
 * Tiny networks with hand-set weights for exact explainer tests (Captum's style). Their first
 * stage, {@code features}, is the identity, so the layer's activations are the input itself and
 * every gradient has a closed form:
 * <ul>
 *   <li>{@link #gap}: features, {@code avgpool} (global average), {@code fc} (W, b): logits
 *       {@code W . mean(A) + b}, gradient {@code W_c / (h w)} everywhere.
 *   <li>{@link #quadratic}: features, {@code head}: logits {@code V . (A^2 / 2) + b}, gradient
 *       {@code V_c * A} (position by position).
 *   <li>{@link #linear}: features, {@code head}: logits {@code V . A + b}, gradient {@code V_c}.
 * </ul>
 */
public final class TinyNets {
  private TinyNets() {}

  private static Network network(String name, int c, int h, int w, int classes) {
    NDManager m = NDManager.newBaseManager(Engines.device(), Engines.get().getEngineName());
    Network net = new Network(name, new int[] {c, h, w}, classes, m);
    net.addStage("features", (x, training) -> x);
    return net;
  }

  /** features -> avgpool -> fc with weight {@code w} [classes * c] and bias {@code b}. */
  public static Network gap(int c, int h, int w, float[] weight, float[] bias) {
    int classes = bias.length;
    Network net = network("tiny-gap", c, h, w, classes);
    net.addStage("avgpool", Layers.globalAvgPool());
    NDArray wt = net.add("fc.weight", Network.Kind.PARAMETER, new Shape(classes, c));
    NDArray bt = net.add("fc.bias", Network.Kind.PARAMETER, new Shape(classes));
    wt.set(weight);
    bt.set(bias);
    net.addStage("fc", Layers.chain(Layers.flatten(), (x, t) -> Linear.linear(x, wt, bt).singletonOrThrow()));
    net.ready();
    return net;
  }

  /** features -> head: {@code V . (A^2 / 2) + b}, V [classes * c*h*w]. */
  public static Network quadratic(int c, int h, int w, float[] v, float[] bias) {
    int classes = bias.length;
    Network net = network("tiny-quadratic", c, h, w, classes);
    NDArray vt = net.add("head.weight", Network.Kind.PARAMETER, new Shape(classes, (long) c * h * w));
    NDArray bt = net.add("head.bias", Network.Kind.PARAMETER, new Shape(classes));
    vt.set(v);
    bt.set(bias);
    net.addStage("head", (x, t) -> Linear.linear(x.mul(x).mul(0.5f).reshape(x.getShape().get(0), -1), vt, bt).singletonOrThrow());
    net.ready();
    return net;
  }

  /** features -> head: {@code V . A + b}, V [classes * c*h*w]. */
  public static Network linear(int c, int h, int w, float[] v, float[] bias) {
    int classes = bias.length;
    Network net = network("tiny-linear", c, h, w, classes);
    NDArray vt = net.add("head.weight", Network.Kind.PARAMETER, new Shape(classes, (long) c * h * w));
    NDArray bt = net.add("head.bias", Network.Kind.PARAMETER, new Shape(classes));
    vt.set(v);
    bt.set(bias);
    net.addStage("head", (x, t) -> Linear.linear(x.reshape(x.getShape().get(0), -1), vt, bt).singletonOrThrow());
    net.ready();
    return net;
  }
}

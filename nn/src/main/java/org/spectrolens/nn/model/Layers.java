package org.spectrolens.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.SplittableRandom;

/**
 * PyTorch layers as functions over a {@link Network}'s named tensors: each method registers the
 * layer's tensors under torchvision's names and returns its computation. Initialisation follows
 * PyTorch's defaults (or torchvision's ResNet overrides), drawn from one seeded generator in
 * registration order, so a seed gives the same network on any machine.
 */
final class Layers {
  /** PyTorch's BatchNorm2d eps and momentum (DJL's momentum is 1 - PyTorch's). */
  static final float BN_EPS = 1e-5f;
  static final float BN_MOMENTUM_DJL = 0.9f;
  /** Values of the input pooled at once by {@link #shiftedMax} (8 MB of floats). */
  static final long POOL_CHUNK_VALUES = 1 << 21;

  private final Network net;
  private final SplittableRandom random;

  Layers(Network net, long seed) {
    this.net = net;
    this.random = new SplittableRandom(seed);
  }

  Network net() {
    return net;
  }

  /** Weight init of a conv layer. */
  enum ConvInit {
    /** PyTorch's default: kaiming_uniform(a=sqrt 5), i.e. U(+-1/sqrt(fan_in)), bias likewise. */
    PYTORCH_DEFAULT,
    /** torchvision ResNet: kaiming_normal(mode=fan_out, relu), i.e. N(0, 2/fan_out). */
    KAIMING_FAN_OUT
  }

  /**
   * Conv2d named {@code name} ({@code name.weight} [out, in, kh, kw], {@code name.bias} if bias);
   * padding (top, bottom, left, right) allows PyTorch's asymmetric {@code padding='same'} for even kernels.
   */
  Stage.Fn conv(String name, int in, int out, int kh, int kw, int stride, int[] pad, boolean bias, ConvInit init) {
    NDArray w = net.add(name + ".weight", Network.Kind.PARAMETER, new Shape(out, in, kh, kw));
    NDArray b = bias ? net.add(name + ".bias", Network.Kind.PARAMETER, new Shape(out)) : null;
    int fanIn = in * kh * kw;
    if (init == ConvInit.KAIMING_FAN_OUT) {
      w.set(normal(w.size(), Math.sqrt(2.0 / (out * kh * kw))));
    } else {
      w.set(uniform(w.size(), 1.0 / Math.sqrt(fanIn)));
    }
    if (b != null) b.set(uniform(b.size(), 1.0 / Math.sqrt(fanIn)));
    Shape strides = new Shape(stride, stride);
    boolean symmetric = pad[0] == pad[1] && pad[2] == pad[3];
    Shape padding = symmetric ? new Shape(pad[0], pad[2]) : new Shape(0, 0);
    // DJL's pad takes (last-dim before, after, next-dim before, after), like torch.nn.functional.pad
    Shape explicit = symmetric ? null : new Shape(pad[2], pad[3], pad[0], pad[1]);
    return (x, training) -> {
      NDArray input = explicit == null ? x : x.pad(explicit, 0);
      return b == null ? Conv2d.conv2d(input, w, null, strides, padding).singletonOrThrow()
          : Conv2d.conv2d(input, w, b, strides, padding).singletonOrThrow();
    };
  }

  /** BatchNorm2d named {@code name}: weight (1), bias (0), running_mean (0), running_var (1). */
  Stage.Fn batchNorm(String name, int channels) {
    NDArray gamma = net.add(name + ".weight", Network.Kind.PARAMETER, new Shape(channels));
    NDArray beta = net.add(name + ".bias", Network.Kind.PARAMETER, new Shape(channels));
    NDArray mean = net.add(name + ".running_mean", Network.Kind.BUFFER, new Shape(channels));
    NDArray var = net.add(name + ".running_var", Network.Kind.BUFFER, new Shape(channels));
    gamma.set(fill(channels, 1f));
    var.set(fill(channels, 1f));
    net.addBatchNorm(name);
    String weightName = name + ".weight";
    return (x, training) -> {
      // a frozen batch norm is part of a fixed feature extractor: it keeps its running statistics
      boolean batchStats = training && !net.isFrozen(weightName);
      // axis -1 is DJL's "PyTorch default" path: torch.batch_norm over dim 1, running stats updated in place
      return BatchNorm.batchNorm(x, mean, var, gamma, beta, -1, BN_MOMENTUM_DJL, BN_EPS, batchStats).singletonOrThrow();
    };
  }

  /** Linear named {@code name}: weight [out, in] and bias [out], PyTorch's default init. */
  Stage.Fn linear(String name, int in, int out) {
    NDArray w = net.add(name + ".weight", Network.Kind.PARAMETER, new Shape(out, in));
    NDArray b = net.add(name + ".bias", Network.Kind.PARAMETER, new Shape(out));
    w.set(uniform(w.size(), 1.0 / Math.sqrt(in)));
    b.set(uniform(b.size(), 1.0 / Math.sqrt(in)));
    return (x, training) -> Linear.linear(x, w, b).singletonOrThrow();
  }

  static Stage.Fn relu() {
    return (x, training) -> x.getNDArrayInternal().relu();
  }

  static Stage.Fn maxPool(int kernel, int stride, int padding) {
    Shape k = new Shape(kernel, kernel);
    Shape s = new Shape(stride, stride);
    Shape p = new Shape(padding, padding);
    return (x, training) -> x.hasGradient() || x.getDevice().isGpu() ? Pool.maxPool2d(x, k, s, p, false)
        : shiftedMax(x, kernel, stride, padding);
  }

  /**
   * Max pooling (floor mode, implicit -inf padding) as the element-wise maximum of the window's
   * strided shifts, first along the width, then along the height. Equal to torch's max_pool2d
   * value for value (a maximum is exact), but two to three times faster on the CPU than its NCHW
   * kernel, which also computes the argmax indices. Used only on the CPU where no gradient flows:
   * the gradient of a maximum splits ties, max_pool2d's does not.
   */
  static NDArray shiftedMax(NDArray x, int kernel, int stride, int padding) {
    long n = x.getShape().get(0);
    long chunk = Math.max(1, POOL_CHUNK_VALUES / Math.max(1, x.getShape().size() / n));
    if (n <= chunk) return shiftedMaxWhole(x, kernel, stride, padding);
    // a few samples at a time: the temporaries stay small enough to be reused, not freshly mapped
    try (NDList parts = new NDList()) {
      for (long i = 0; i < n; i += chunk) {
        try (NDArray part = x.get(i + ":" + Math.min(n, i + chunk))) {
          parts.add(shiftedMaxWhole(part, kernel, stride, padding));
        }
      }
      return NDArrays.concat(parts, 0);
    }
  }

  private static NDArray shiftedMaxWhole(NDArray x, int kernel, int stride, int padding) {
    NDArray padded = padding == 0 ? x : x.pad(new Shape(padding, padding, padding, padding), Float.NEGATIVE_INFINITY);
    NDArray alongW = maxOfShifts(padded, 3, kernel, stride);
    if (padded != x) padded.close();
    NDArray out = maxOfShifts(alongW, 2, kernel, stride);
    alongW.close();
    return out;
  }

  /** Maximum over {@code kernel} shifts, {@code stride} apart, along dimension {@code dim} of a 4-d array. */
  private static NDArray maxOfShifts(NDArray x, int dim, int kernel, int stride) {
    long len = x.getShape().get(dim);
    long out = (len - kernel) / stride + 1;
    NDArray m = shift(x, dim, 0, out, stride);
    if (kernel == 1) {
      NDArray copy = m.duplicate();
      m.close();
      return copy;
    }
    for (int j = 1; j < kernel; j++) {
      try (NDArray s = shift(x, dim, j, out, stride)) {
        NDArray next = m.maximum(s);
        m.close();
        m = next;
      }
    }
    return m;
  }

  /** The view of {@code out} elements {@code stride} apart from {@code start} along {@code dim}. */
  private static NDArray shift(NDArray x, int dim, int start, long out, int stride) {
    String slice = start + ":" + (start + stride * (out - 1) + 1) + ":" + stride;
    return x.get(dim == 3 ? ":, :, :, " + slice : ":, :, " + slice);
  }

  /** Adaptive average pooling to 1x1, keeping [N, C, 1, 1] as torchvision's avgpool does. */
  static Stage.Fn globalAvgPool() {
    return (x, training) -> {
      Shape s = x.getShape();
      return Pool.globalAvgPool2d(x).reshape(s.get(0), s.get(1), 1, 1);
    };
  }

  static Stage.Fn flatten() {
    return (x, training) -> x.reshape(x.getShape().get(0), -1);
  }

  /**
   * Runs functions one after the other, releasing each intermediate as soon as the next one is
   * computed. Autograd keeps its own references to what backward needs, so this only returns
   * memory early, as Python's reference counting does; without it every intermediate of a step
   * lives until the step's manager closes, and the allocator keeps faulting in fresh pages.
   */
  static Stage.Fn chain(Stage.Fn... fns) {
    return (x, training) -> {
      NDArray a = x;
      for (Stage.Fn f : fns) {
        NDArray next = f.apply(a, training);
        if (a != x && a != next) a.close();
        a = next;
      }
      return a;
    };
  }

  private float[] uniform(long n, double bound) {
    float[] v = new float[Math.toIntExact(n)];
    for (int i = 0; i < v.length; i++) v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
    return v;
  }

  private float[] normal(long n, double std) {
    float[] v = new float[Math.toIntExact(n)];
    for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * std);
    return v;
  }

  private static float[] fill(int n, float value) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, value);
    return v;
  }
}

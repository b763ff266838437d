package org.spectrolens.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Locale;
import java.util.SplittableRandom;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.train.Adam;

/**
 * Times one training epoch (forward, cross-entropy, backward, Adam) of a network on random data,
 * the same work {@code scripts/bench/torch_train_bench.py} does in plain PyTorch; run both with
 * {@code scripts/bench/train_bench.sh}, which prints the ratio. Not a test: timings depend on the machine.
 *
 * <p>Usage: {@code TrainBench [model=smallcnn] [items=512] [size=128] [batch=32] [threads=2] [classes=5]}
 */
public final class TrainBench {
  private TrainBench() {}

  public static void main(String[] args) {
    String model = args.length > 0 ? args[0] : "smallcnn";
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 512;
    int size = args.length > 2 ? Integer.parseInt(args[2]) : 128;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 32;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    int classes = args.length > 5 ? Integer.parseInt(args[5]) : 5;
    Engine engine = Engines.init(threads);
    SplittableRandom r = new SplittableRandom(1);
    float[] data = new float[items * size * size];
    for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
    int[] labels = new int[items];
    for (int i = 0; i < items; i++) labels[i] = r.nextInt(classes);
    try (Network net = Models.create(model, new int[] {1, size, size}, classes, 1)) {
      Adam adam = new Adam(0f);
      step(engine, net, adam, data, labels, 0, batch, size, classes); // warm-up: first calls allocate and pick kernels
      step(engine, net, adam, data, labels, batch, batch, size, classes);
      long t0 = System.nanoTime();
      java.util.List<Double> steps = new java.util.ArrayList<>();
      for (int from = 0; from < items; from += batch) {
        long s0 = System.nanoTime();
        step(engine, net, adam, data, labels, from, Math.min(batch, items - from), size, classes);
        steps.add((System.nanoTime() - s0) / 1e9);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      if (Boolean.getBoolean("bench.steps")) System.out.println("steps " + steps);
      java.util.Collections.sort(steps);
      System.out.printf(Locale.ROOT, "spectrolens-djl model=%s items=%d input=1x%dx%d batch=%d threads=%d epoch_seconds=%.3f median_step_seconds=%.4f%n",
          model, items, size, size, batch, Engines.threads(), secs, steps.get(steps.size() / 2));
    }
  }

  private static void step(Engine engine, Network net, Adam adam, float[] data, int[] labels, int from, int n, int size, int k) {
    int hw = size * size;
    float[] x = new float[n * hw];
    System.arraycopy(data, from * hw, x, 0, n * hw);
    float[] onehot = new float[n * k];
    for (int i = 0; i < n; i++) onehot[i * k + labels[from + i]] = 1;
    try (NDManager m = net.manager().newSubManager()) {
      NDArray xs = m.create(x, new Shape(n, 1, size, size));
      NDArray ys = m.create(onehot, new Shape(n, k));
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray loss = net.forward(xs, true).logSoftmax(1).mul(ys).sum().div(-n);
        gc.backward(loss);
      }
      adam.step(net.trainable(), 1e-4);
    }
  }
}

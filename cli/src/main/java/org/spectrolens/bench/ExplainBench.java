package org.spectrolens.bench;

import org.spectrolens.explain.method.ScoreCam;
import org.spectrolens.explain.method.SmoothGrad;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.Network;
import org.spectrolens.stats.Correlation;

/**
 * Maps per second of every method on smallcnn and resnet18 (random weights, batch norms warmed
 * by two training-mode passes) for spectrogram-like inputs (a few formant-like bands drifting in
 * time over a noise floor, standardised); Faster Score-CAM's speed-up over Score-CAM and the
 * Pearson correlation of their maps; and Grad-CAM's throughput against the same computation in
 * PyTorch ({@code scripts/bench/torch_explain_bench.py}) on the same machine and threads. Not a
 * test: timings depend on the machine.
 *
 * <p>Arguments (key=value): {@code models=smallcnn,resnet18 size=224x224 threads=2 batch=8
 * rounds=2 heavy=2 methods=all torch=true train=0}; {@code train=STEPS} first trains the networks
 * on five synthetic classes. Cheap methods time the best of {@code rounds}
 * batches of {@code batch} inputs after a warm-up; the masking methods (Score-CAM, Ablation-CAM,
 * occlusion, Integrated Gradients, SmoothGrad) one batch of {@code heavy} inputs.
 */
public final class ExplainBench {
  static final List<String> HEAVY = List.of("scorecam", "faster-scorecam", "ablationcam", "occlusion", "region-occlusion", "integrated-gradients", "smoothgrad");

  private ExplainBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new LinkedHashMap<>(Map.of("models", "smallcnn,resnet18", "size", "224x224", "threads", "2",
        "batch", "8", "rounds", "2", "heavy", "2", "methods", "all", "torch", "true"));
    a.put("train", "0");
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0 || !a.containsKey(arg.substring(0, eq))) throw new SpectrolensException(arg, "expected key=value with key in " + a.keySet());
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    String[] size = a.get("size").split("x");
    int h = Integer.parseInt(size[0]);
    int w = Integer.parseInt(size[1]);
    int threads = Integer.parseInt(a.get("threads"));
    int batch = Integer.parseInt(a.get("batch"));
    int rounds = Integer.parseInt(a.get("rounds"));
    int heavy = Integer.parseInt(a.get("heavy"));
    int train = Integer.parseInt(a.get("train"));
    List<String> methods = a.get("methods").equals("all") ? Explainers.IDS : List.of(a.get("methods").split(","));
    Engines.init(threads);
    System.out.printf(Locale.ROOT, "explain bench: input 1x%dx%d, %d threads, batch %d (masking methods %d), %s%n",
        h, w, Engines.threads(), batch, heavy, train > 0 ? "trained " + train + " steps on synthetic classes" : "random weights");
    for (String model : a.get("models").split(",")) {
      try (Network net = Models.create(model, new int[] {1, h, w}, 5, 1)) {
        warm(net);
        if (train > 0) train(net, train, h, w);
        float[] x = inputs(Math.max(batch, heavy), h, w, 11);
        Map<String, Explanation> kept = new LinkedHashMap<>();
        for (String m : methods) {
          boolean isHeavy = HEAVY.contains(m);
          int n = isHeavy ? heavy : batch;
          float[] xs = java.util.Arrays.copyOf(x, n * h * w);
          int[] targets = new int[n];
          for (int i = 0; i < n; i++) targets[i] = i % 5;
          Request r = Request.of(net, xs, n).withTargets(targets);
          try {
            if (!isHeavy) Explainers.explain(m, r);
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < (isHeavy ? 1 : rounds); k++) {
              Explanation e = Explainers.explain(m, r);
              best = Math.min(best, e.seconds());
              kept.put(m, e);
            }
            System.out.printf(Locale.ROOT, "spectrolens %-9s %-21s layer=%-8s maps_per_second=%9.3f seconds_per_map=%8.4f%n",
                model, m, kept.get(m).layer(), n / best, best / n);
          } catch (SpectrolensException ex) {
            System.out.printf(Locale.ROOT, "spectrolens %-9s %-21s n/a (%s)%n", model, m, ex.getMessage());
          }
        }
        if (kept.containsKey("scorecam") && kept.containsKey("faster-scorecam")) {
          Explanation full = kept.get("scorecam");
          Explanation fast = kept.get("faster-scorecam");
          List<String> rs = new ArrayList<>();
          double min = 1;
          for (int i = 0; i < full.maps().length; i++) {
            double rr = pearson(full.maps()[i], fast.maps()[i]);
            min = Math.min(min, rr);
            rs.add(String.format(Locale.ROOT, "%.4f", rr));
          }
          System.out.printf(Locale.ROOT, "faster-scorecam %s: speed-up %.1fx over scorecam (N = %d of the layer's channels), pearson per input %s, min %.4f%n",
              model, full.seconds() / fast.seconds(), org.spectrolens.explain.method.ScoreCam.FASTER.spectrolens().channels(), rs, min);
        }
      }
      if (Boolean.parseBoolean(a.get("torch")) && methods.contains("gradcam")) torch(model, h, w, batch, threads, rounds);
    }
  }

  private static void torch(String model, int h, int w, int batch, int threads, int rounds) throws Exception {
    Path script = script();
    if (script == null || !Files.isExecutable(Path.of("/usr/bin/python3"))) {
      System.out.println("pytorch: skipped (no /usr/bin/python3 or scripts/bench/torch_explain_bench.py)");
      return;
    }
    Process p = new ProcessBuilder("/usr/bin/python3", "-W", "ignore", script.toString(), model, "" + h, "" + w, "" + batch,
        "" + threads, "" + rounds).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    System.out.print(out);
  }

  private static Path script() {
    String home = System.getProperty("spectrolens.home");
    for (Path base : new Path[] {home == null ? null : Path.of(home), Path.of("."), Path.of("..")}) {
      if (base == null) continue;
      Path s = base.resolve("scripts/bench/torch_explain_bench.py");
      if (Files.isRegularFile(s)) return s;
    }
    return null;
  }

  static void warm(Network net) {
    int[] s = net.inputShape();
    SplittableRandom r = new SplittableRandom(3);
    for (int k = 0; k < 2; k++) {
      float[] v = new float[4 * s[0] * s[1] * s[2]];
      for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
      try (NDArray x = net.manager().create(v, new Shape(4, s[0], s[1], s[2]))) {
        net.forward(x, true).close();
      }
    }
  }

  /**
   * Trains the network for {@code steps} Adam steps (batch 8, lr 1e-3) on inputs of five classes
   * told apart by the positions of their two lowest bands, so that maps come from a network that
   * has learnt something rather than from random weights.
   */
  static void train(Network net, int steps, int h, int w) {
    ai.djl.engine.Engine engine = Engines.get();
    org.spectrolens.nn.train.Adam adam = new org.spectrolens.nn.train.Adam(0f);
    int n = 8;
    long t0 = System.nanoTime();
    double loss = Double.NaN;
    int correct = 0;
    for (int step = 0; step < steps; step++) {
      float[] x = inputs(n, h, w, 1000 + step, step * n);
      float[] onehot = new float[n * 5];
      for (int i = 0; i < n; i++) onehot[i * 5 + (step * n + i) % 5] = 1;
      try (ai.djl.ndarray.NDManager m = net.manager().newSubManager()) {
        NDArray xs = m.create(x, new Shape(n, 1, h, w));
        NDArray ys = m.create(onehot, new Shape(n, 5));
        NDArray out;
        NDArray l;
        try (ai.djl.training.GradientCollector gc = engine.newGradientCollector()) {
          out = net.forward(xs, true);
          l = out.logSoftmax(1).mul(ys).sum().div(-n);
          gc.backward(l);
        }
        loss = l.getFloat();
        if (step >= steps - 5) {
          float[] o = out.toFloatArray();
          for (int i = 0; i < n; i++) {
            if (org.spectrolens.nn.model.TrainedModel.argmax(o, i * 5, 5) == (step * n + i) % 5) correct++;
          }
        }
        adam.step(net.trainable(), 1e-3);
      }
    }
    System.out.printf(Locale.ROOT, "trained %s: %d steps in %.1f s, last loss %.3f, training accuracy of the last 5 batches %.2f%n",
        net.architecture(), steps, (System.nanoTime() - t0) / 1e9, loss, correct / (double) (Math.min(5, steps) * n));
  }

  /** Spectrogram-like inputs of classes 0, 1, 2, ... in turn (see {@link #inputs(int, int, int, long, int)}). */
  static float[] inputs(int n, int h, int w, long seed) {
    return inputs(n, h, w, seed, 0);
  }

  /**
   * Spectrogram-like inputs: three bands drifting in time over a noise floor, standardised per
   * input; input i belongs to class {@code (first + i) % 5}, which sets where its two lowest bands lie.
   */
  static float[] inputs(int n, int h, int w, long seed, int first) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * h * w];
    for (int i = 0; i < n; i++) {
      int cls = (first + i) % 5;
      double[] centre = {h * (0.06 + 0.03 * cls + 0.02 * r.nextDouble()), h * (0.25 + 0.07 * cls + 0.03 * r.nextDouble()),
          h * (0.7 + 0.1 * r.nextDouble())};
      double drift = (r.nextDouble() - 0.5) * 0.2 * h;
      double on = w * 0.2 * r.nextDouble();
      double off = w * (0.6 + 0.4 * r.nextDouble());
      double sum = 0;
      double sq = 0;
      for (int y = 0; y < h; y++) {
        for (int t = 0; t < w; t++) {
          double v = -70 + 4 * r.nextGaussian();
          if (t >= on && t < off) {
            for (int b = 0; b < 3; b++) {
              double c = centre[b] + drift * (t - on) / Math.max(1, off - on);
              v += (40 - 10 * b) * Math.exp(-0.5 * Math.pow((y - c) / (0.02 * h + 1), 2));
            }
          }
          x[i * h * w + y * w + t] = (float) v;
          sum += v;
          sq += v * v;
        }
      }
      double mean = sum / (h * w);
      double sd = Math.sqrt(Math.max(1e-12, sq / (h * w) - mean * mean));
      for (int p = 0; p < h * w; p++) x[i * h * w + p] = (float) ((x[i * h * w + p] - mean) / sd);
    }
    return x;
  }

  /** Pearson's r of two maps; for constant maps 1 when both are, else 0 (a printed figure, never NaN). */
  static double pearson(float[] u, float[] v) {
    double[] a = new double[u.length];
    double[] b = new double[v.length];
    for (int i = 0; i < u.length; i++) a[i] = u[i];
    for (int i = 0; i < v.length; i++) b[i] = v[i];
    double r = Correlation.pearson(a, b);
    if (!Double.isNaN(r)) return r;
    return constant(u) && constant(v) ? 1 : 0; // r is NaN only when a side is constant
  }

  private static boolean constant(float[] u) {
    for (float x : u) if (x != u[0]) return false;
    return true;
  }
}

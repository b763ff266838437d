package org.spectrolens.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.TargetLayers;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainedModel;

/**
 * An imported model against the same architecture built by spectrolens: seconds for saliency and
 * Grad-CAM over {@code inputs} spectrogram-like inputs of the imported model's shape, in batches,
 * best of {@code rounds} (the two networks alternate within each round, so drift in the machine's
 * load falls on both), and the ratio imported / built. The built network is {@code architecture}
 * (resnet18) with random weights, warmed as {@link ExplainBench} warms its networks; weights do not
 * change the work. Not a test: timings depend on the machine.
 */
public final class ImportBench {
  private ImportBench() {}

  /** Arguments: MODEL [inputs=512] [batch=32] [rounds=2] [threads=2] [methods=saliency,gradcam] [architecture=resnet18]. */
  public static void main(String[] args) {
    if (args.length < 1) throw new SpectrolensException("bench import", "needs the imported model folder");
    java.util.Map<String, String> a = new java.util.LinkedHashMap<>(java.util.Map.of("inputs", "512", "batch", "32", "rounds", "2",
        "threads", "2", "methods", "saliency,gradcam", "architecture", "resnet18"));
    for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
      int eq = arg.indexOf('=');
      if (eq < 0 || !a.containsKey(arg.substring(0, eq))) throw new SpectrolensException(arg, "expected key=value with key in " + a.keySet());
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int n = Integer.parseInt(a.get("inputs"));
    int batch = Integer.parseInt(a.get("batch"));
    int rounds = Integer.parseInt(a.get("rounds"));
    Engines.init(Integer.parseInt(a.get("threads")));
    try (TrainedModel imported = TrainedModel.open(Path.of(args[0]))) {
      Network in = imported.network();
      int[] s = in.inputShape();
      try (Network built = Models.create(a.get("architecture"), s, in.numClasses(), 1)) {
        ExplainBench.warm(built);
        float[] x = ExplainBench.inputs(n, s[1], s[2], 5);
        if (s[0] > 1) throw new SpectrolensException(args[0], "the bench feeds one-channel inputs; the model takes " + s[0]);
        System.out.printf(Locale.ROOT, "%d inputs of %s in batches of %d, %d threads; imported %s (layer %s) vs %s built by spectrolens%n",
            n, Arrays.toString(s), batch, Engines.threads(), imported.config().model(), TargetLayers.lastConvolutional(in),
            a.get("architecture"));
        for (String method : List.of(a.get("methods").split(","))) {
          double bestIn = Double.POSITIVE_INFINITY;
          double bestBuilt = Double.POSITIVE_INFINITY;
          seconds(in, method, x, Math.min(n, batch), batch); // warm-up of both
          seconds(built, method, x, Math.min(n, batch), batch);
          for (int r = 0; r < rounds; r++) {
            bestIn = Math.min(bestIn, seconds(in, method, x, n, batch));
            bestBuilt = Math.min(bestBuilt, seconds(built, method, x, n, batch));
          }
          System.out.printf(Locale.ROOT, "%-10s imported %.2f s (%.1f maps/s), built %.2f s (%.1f maps/s), ratio imported/built %.3f%n",
              method, bestIn, n / bestIn, bestBuilt, n / bestBuilt, bestIn / bestBuilt);
        }
      }
    }
  }

  /** Seconds to explain the first {@code n} inputs of {@code x} with {@code method}, {@code batch} at a time. */
  private static double seconds(Network net, String method, float[] x, int n, int batch) {
    int[] s = net.inputShape();
    int per = s[0] * s[1] * s[2];
    long t0 = System.nanoTime();
    for (int from = 0; from < n; from += batch) {
      int len = Math.min(batch, n - from);
      float[] part = Arrays.copyOfRange(x, from * per, (from + len) * per);
      Explainers.explain(method, Request.of(net, part, len));
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}

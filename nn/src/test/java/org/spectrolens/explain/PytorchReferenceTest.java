package org.spectrolens.explain;

import org.spectrolens.explain.method.Explainers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TorchWeights;

/**
 * The same resnet18 (exported weights) in torchvision: Grad-CAM, Grad-CAM++, Score-CAM and
 * LayerCAM computed from the published formulas in PyTorch (scripts/reference/gradcam_reference.py)
 * agree with spectrolens's maps (Pearson r >= 0.999 per input; Score-CAM on the first input) under
 * both compatibility profiles.
 * Skipped where /usr/bin/python3 lacks torch and torchvision. The input size is 1x64x96 (layer4
 * 2x3), or {@code -Dspectrolens.reference.size=224x224}.
 */
class PytorchReferenceTest {
  static final List<String> METHODS = List.of("gradcam", "gradcam++", "layercam", "scorecam");
  @TempDir Path dir;

  @Test
  void mapsAgreeWithPytorch() throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    Path script = Path.of("../scripts/reference/gradcam_reference.py").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isExecutable(python) && Files.isRegularFile(script), "no /usr/bin/python3 or script");
    Process probe = new ProcessBuilder(python.toString(), "-c", "import torch, torchvision").redirectErrorStream(true).start();
    Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "torch/torchvision not installed");

    String[] size = System.getProperty("spectrolens.reference.size", "64x96").split("x");
    int h = Integer.parseInt(size[0]);
    int w = Integer.parseInt(size[1]);
    int n = 2;
    SplittableRandom r = new SplittableRandom(4);
    float[] x = new float[n * h * w];
    for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
    try (Network net = Models.create("resnet18", new int[] {1, h, w}, 3, 5)) {
      warmBatchNorms(net, r);
      TorchWeights.export(net, dir.resolve("w.safetensors"));
      Npy.write(dir.resolve("x.npy"), new Npy.Array(new int[] {n, 1, h, w}, x));
      Request base = Request.of(net, x, n).withLayer("layer4");
      int[] targets = base.resolvedTargets();
      targets[1] = (targets[1] + 1) % 3; // one input explained for a class it did not predict
      float[] t = {targets[0], targets[1]};
      Npy.write(dir.resolve("t.npy"), new Npy.Array(new int[] {n}, t));
      for (Profile compat : List.of(Profile.PYTORCH_GRAD_CAM, Profile.TF_KERAS_VIS)) {
        Path maps = Files.createDirectories(dir.resolve(compat.id()));
        Request req = base.withTargets(targets).withOptions(Options.of(compat));
        for (String m : METHODS) {
          // Score-CAM (512 masked forward passes per map, on both sides) on the first input only, to keep the test short
          int k = m.equals("scorecam") ? 1 : n;
          Request q = k == n ? req : new Request(net, java.util.Arrays.copyOf(x, h * w), 1, new int[] {targets[0]}, "layer4",
              req.options(), null);
          Explanation e = Explainers.explain(m, q);
          float[] all = new float[k * h * w];
          for (int i = 0; i < k; i++) System.arraycopy(e.maps()[i], 0, all, i * h * w, h * w);
          Npy.write(maps.resolve(m + ".npy"), new Npy.Array(new int[] {k, h, w}, all));
        }
        Process p = new ProcessBuilder(python.toString(), script.toString(), dir.resolve("w.safetensors").toString(),
            dir.resolve("x.npy").toString(), dir.resolve("t.npy").toString(), maps.toString(), compat.id())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        System.out.print("pytorch reference (" + h + "x" + w + "):\n" + out);
        for (String m : METHODS) {
          String line = out.lines().filter(l -> l.startsWith(m + " ")).findFirst().orElseThrow(() -> new AssertionError(out));
          double rMin = Double.parseDouble(line.split("\\s+")[2]);
          assertTrue(rMin >= 0.999, compat.id() + " " + line);
        }
      }
    }
  }

  /** Training-mode passes so the batch norms' running statistics are not the identity. */
  static void warmBatchNorms(Network net, SplittableRandom r) {
    int[] s = net.inputShape();
    float[] v = new float[4 * s[0] * s[1] * s[2]];
    for (int i = 0; i < v.length; i++) v[i] = (float) (3 * r.nextGaussian() + 1);
    try (NDArray x = net.manager().create(v, new Shape(4, s[0], s[1], s[2]))) {
      net.forward(x, true).close();
    }
  }
}

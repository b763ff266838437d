package org.spectrolens.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Npy;

/**
 * Exported weights load into torchvision's resnet18 with strict=True and give the same logits
 * (within 1e-4). Runs scripts/reference/torchvision_logits.py with /usr/bin/python3; skipped
 * where torch and torchvision are not installed.
 */
class TorchvisionLogitsTest {
  @TempDir Path dir;

  @Test
  void torchvisionResnet18GivesTheSameLogits() throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    Path script = Path.of("../scripts/reference/torchvision_logits.py").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isExecutable(python) && Files.isRegularFile(script), "no /usr/bin/python3 or script");
    Process probe = new ProcessBuilder(python.toString(), "-c", "import torch, torchvision").redirectErrorStream(true).start();
    Assumptions.assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "torch/torchvision not installed");

    int n = 2;
    int[] shape = {1, 64, 64};
    float[] input = TorchWeightsTest.random(n * 64 * 64, 21);
    float[] logits;
    Path weights = dir.resolve("r18.safetensors");
    try (Network net = Models.create("resnet18", shape, 5, 3)) {
      TorchWeightsTest.warmBatchNorms(net);
      logits = TorchWeightsTest.logits(net, input, n);
      TorchWeights.export(net, weights);
    }
    Npy.write(dir.resolve("x.npy"), new Npy.Array(new int[] {n, 1, 64, 64}, input));
    Npy.write(dir.resolve("logits.npy"), new Npy.Array(new int[] {n, 5}, logits));
    Process p = new ProcessBuilder(python.toString(), script.toString(), weights.toString(),
        dir.resolve("x.npy").toString(), dir.resolve("logits.npy").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    String line = out.lines().filter(l -> l.startsWith("max_abs_diff")).findFirst().orElseThrow(() -> new AssertionError(out));
    double diff = Double.parseDouble(line.split("\\s+")[1]);
    System.out.println("torchvision resnet18 vs spectrolens: " + line);
    assertTrue(diff <= 1e-4, out);
  }
}

package org.spectrolens.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TorchWeights;

/**
 * Writes what the whole-process explanation benchmark ({@code scripts/bench/explain_vs_pytorch.sh})
 * gives both sides: a model directory with random weights (batch norms warmed by two training-mode
 * passes, as {@link ExplainBench}), the same weights as {@code weights.safetensors} with
 * torchvision's names, and N spectrogram-like inputs as {@code .npy} [C, H, W] files.
 *
 * <p>Arguments: {@code MODEL H W CLASSES N OUT}. Not a test: a tool for the benchmark script.
 */
public final class BenchModel {
  private BenchModel() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 6) throw new SpectrolensException("BenchModel", "usage: MODEL H W CLASSES N OUT");
    String arch = args[0];
    int h = Integer.parseInt(args[1]);
    int w = Integer.parseInt(args[2]);
    int classes = Integer.parseInt(args[3]);
    int n = Integer.parseInt(args[4]);
    Path out = Path.of(args[5]);
    Engines.init(2);
    Path model = Files.createDirectories(out.resolve("model"));
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) names.add("class" + c);
    try (Network net = Models.create(arch, new int[] {1, h, w}, classes, 1)) {
      ExplainBench.warm(net);
      TorchWeights.export(net, model.resolve("weights.safetensors"));
    }
    Json.write(model.resolve(ModelConfig.FILE), new ModelConfig(ModelConfig.FORMAT, arch, names, new int[] {1, h, w},
        new ModelConfig.Normalization(0, 1), null, "bench", null, 1, null, "weights.safetensors", 0, 0));
    Path inputs = Files.createDirectories(out.resolve("inputs"));
    float[] x = ExplainBench.inputs(n, h, w, 7);
    for (int i = 0; i < n; i++) {
      float[] one = new float[h * w];
      System.arraycopy(x, i * h * w, one, 0, h * w);
      Npy.write(inputs.resolve(String.format("x%05d.npy", i)), new Npy.Array(new int[] {1, h, w}, one));
    }
  }
}

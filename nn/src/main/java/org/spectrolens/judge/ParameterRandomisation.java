package org.spectrolens.judge;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.spectrolens.nn.model.Models;
import org.spectrolens.nn.model.Network;

/**
 * Re-initialises a network's layers in place and puts the trained weights back (Adebayo et al.
 * 2018's model-parameter randomisation). A layer is a stage of the network that owns tensors
 * ({@code <stage>.<name>}); its re-initialisation is the fresh initialisation of the same
 * architecture from another seed (parameters and batch-norm statistics, as PyTorch's
 * {@code reset_parameters}) for the architectures {@link Models} builds, else each parameter
 * drawn from N(0, sd) with the trained tensor's own standard deviation (1 if constant).
 */
public final class ParameterRandomisation implements AutoCloseable {
  private final Network net;
  private final Map<String, float[]> trained;
  private final Network fresh;
  private final SplittableRandom rng;

  ParameterRandomisation(Network net, long seed) {
    this.net = net;
    this.trained = net.snapshot();
    this.rng = new SplittableRandom(seed);
    this.fresh = Models.names().contains(net.architecture())
        ? Models.create(net.architecture(), net.inputShape(), net.numClasses(), seed + 1_000_003L) : null;
  }

  /** The stages that own tensors, from the output back to the input (the cascading order). */
  static List<String> layersTopDown(Network net) {
    List<String> out = new ArrayList<>();
    for (String s : net.stageNames()) if (!tensorsOf(net, s).isEmpty()) out.add(0, s);
    return out;
  }

  static List<String> tensorsOf(Network net, String stage) {
    List<String> out = new ArrayList<>();
    for (String name : net.tensors().keySet()) if (name.startsWith(stage + ".")) out.add(name);
    return out;
  }

  /**
   * Re-initialises the layers from the output down and compares the maps after each step with
   * {@code trained}: cumulatively (cascading) or restoring each layer before the next
   * (independent). The trained weights are back afterwards.
   */
  public static List<LayerStep> steps(Network net, MapMaker maker, float[] inputs, int n, int[] targets, float[][] trained, long seed,
      boolean cumulative) {
    int[] s = net.inputShape();
    List<LayerStep> out = new ArrayList<>();
    try (ParameterRandomisation r = new ParameterRandomisation(net, seed)) {
      for (String layer : layersTopDown(net)) {
        r.randomise(layer);
        float[][] maps = maker.maps(net, inputs, n, targets);
        out.add(new LayerStep(layer, Similarity.mean(trained, maps, s[1], s[2]), maps[0]));
        if (!cumulative) r.restore();
      }
    }
    return out;
  }

  /** Re-initialises every tensor of {@code stage}. */
  void randomise(String stage) {
    for (String name : tensorsOf(net, stage)) {
      NDArray a = net.tensors().get(name);
      if (fresh != null) {
        a.set(fresh.tensors().get(name).toFloatArray());
      } else if (net.kind(name) == Network.Kind.PARAMETER) {
        float[] v = trained.get(name);
        double mean = 0;
        for (float x : v) mean += x;
        mean /= v.length;
        double var = 0;
        for (float x : v) var += (x - mean) * (x - mean);
        double sd = v.length > 1 && var > 0 ? Math.sqrt(var / v.length) : 1;
        float[] out = new float[v.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) (sd * NoisyLinearImputation.gaussian(rng));
        a.set(out);
      }
    }
  }

  /** Puts every trained tensor back. */
  void restore() {
    for (Map.Entry<String, float[]> e : new LinkedHashMap<>(trained).entrySet()) net.tensors().get(e.getKey()).set(e.getValue());
  }

  @Override
  public void close() {
    restore();
    if (fresh != null) fresh.close();
  }
}

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

  /**
   * The stages that own tensors, from the output back to the input (the cascading order). An
   * imported module's stages own none by name: its layers are then the top-level blocks of its
   * parameter names below their common prefix ({@code m.conv1}, {@code m.layer1}, ..., {@code m.fc}),
   * as torchvision's children are.
   */
  static List<String> layersTopDown(Network net) {
    if (net.tensors().isEmpty()) {
      throw new org.spectrolens.SpectrolensException(net.architecture(), "the engine exposes no parameters of this model to"
          + " re-initialise (ONNX Runtime runs the graph as it is); the randomisation test needs a TorchScript or spectrolens model");
    }
    List<String> out = new ArrayList<>();
    if (org.spectrolens.nn.model.ImportedNetworks.ENGINES.contains(net.architecture())) {
      for (String b : blocks(net.tensors().keySet())) out.add(0, b);
      return out;
    }
    for (String s : net.stageNames()) if (!tensorsOf(net, s).isEmpty()) out.add(0, s);
    return out;
  }

  /** The distinct top-level blocks of dotted names below the prefix every name shares, in first-seen order. */
  static List<String> blocks(java.util.Collection<String> names) {
    String common = null;
    for (String n : names) {
      String owner = n.contains(".") ? n.substring(0, n.lastIndexOf('.') + 1) : "";
      if (common == null) common = owner;
      while (!owner.startsWith(common)) common = common.substring(0, common.lastIndexOf('.', common.length() - 2) + 1);
    }
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (String n : names) {
      String rest = n.substring(common.length());
      // a parameter right below the prefix (a module of one layer) belongs to the prefix itself
      out.add(rest.contains(".") ? common + rest.substring(0, rest.indexOf('.')) : common.isEmpty() ? n : common.substring(0, common.length() - 1));
    }
    return new ArrayList<>(out);
  }

  static List<String> tensorsOf(Network net, String stage) {
    List<String> out = new ArrayList<>();
    for (String name : net.tensors().keySet()) if (name.startsWith(stage + ".") || name.equals(stage)) out.add(name);
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

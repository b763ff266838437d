package org.spectrolens.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.Stage;

/** Which layer of a network a map is taken from (the network's layers themselves are built by {@code nn.model.Layers}). */
public final class TargetLayers {
  private static final Map<Network, String> LAST = new WeakHashMap<>();

  private TargetLayers() {}

  /** The layer asked for (checked to exist), else the last convolutional block. */
  public static String resolve(Network net, String layer) {
    if (layer == null) return lastConvolutional(net);
    net.indexOf(layer);
    return layer;
  }

  /**
   * The last stage whose output is a grid of feature maps larger than 1x1 ({@code layer4} of a
   * ResNet, {@code conv4} of smallcnn): the last convolutional block.
   */
  public static synchronized String lastConvolutional(Network net) {
    return LAST.computeIfAbsent(net, TargetLayers::find);
  }

  /** Output shape [k, h, w] (or shorter) of every stage for one input, in order. */
  public static long[][] shapes(Network net) {
    int[] s = net.inputShape();
    List<Stage> stages = net.stages();
    long[][] out = new long[stages.size()][];
    try (NDManager m = net.manager().newSubManager()) {
      NDArray a = m.zeros(new Shape(1, s[0], s[1], s[2]), DataType.FLOAT32);
      for (int i = 0; i < stages.size(); i++) {
        a = stages.get(i).fn().apply(a, false);
        long[] sh = a.getShape().getShape();
        out[i] = java.util.Arrays.copyOfRange(sh, 1, sh.length);
      }
    }
    return out;
  }

  private static String find(Network net) {
    if (org.spectrolens.nn.model.ImportedNetworks.ENGINES.contains(net.architecture()) && net.stages().size() < 2) {
      throw new SpectrolensException(net.architecture(), "the imported model exposes no layer for CAM methods; import a TorchScript"
          + " module with methods to_L and from_L and name L as its layer (docs/import.md)");
    }
    long[][] shapes = shapes(net);
    for (int i = shapes.length - 1; i >= 0; i--) {
      long[] sh = shapes[i];
      if (sh.length == 3 && sh[1] * sh[2] > 1) return net.stages().get(i).name();
    }
    throw new SpectrolensException(net.architecture(), "has no convolutional layer with a spatial output to take a map from");
  }
}

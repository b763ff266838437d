package org.spectrolens.nn.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.weights.SafeTensors;
import org.spectrolens.nn.weights.Tensor;

/**
 * A network's weights in PyTorch's naming, as safetensors: what {@code export} writes (loadable by
 * torchvision with {@code strict=True}), and the ImageNet checkpoints {@code --pretrained} reads
 * (torchvision's or timm's {@code resnet*.tv_in1k}, which share torchvision's names).
 */
public final class TorchWeights {
  /** How 3-channel first-layer weights become 1-channel ones. */
  public enum ChannelReduction {
    /** Sum over RGB: a grey input replicated to 3 channels gives the same response (the default). */
    SUM,
    /** Mean over RGB: keeps the weights' scale. */
    MEAN
  }

  private TorchWeights() {}

  /** Writes every tensor of {@code net}, batch-norm buffers and num_batches_tracked included. */
  public static void export(Network net, Path file) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", "pt");
    meta.put("architecture", net.architecture());
    meta.put("input_shape", Arrays.toString(net.inputShape()));
    SafeTensors.write(file, net.stateDict(), meta);
  }

  /** Loads a full state written by {@link #export} (every tensor must be present). */
  public static void load(Network net, Path file) {
    net.load(SafeTensors.read(file), name -> false, file.toString());
  }

  /**
   * Loads pretrained weights for transfer learning: everything but {@code fc} (the new task has
   * its own classes), with 3-channel {@code conv1.weight} reduced onto one channel when the
   * network has one input channel.
   */
  public static void loadPretrained(Network net, Path file, ChannelReduction reduction) {
    LinkedHashMap<String, Tensor> all = SafeTensors.read(file);
    LinkedHashMap<String, Tensor> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : all.entrySet()) {
      String n = e.getKey();
      if (n.startsWith("fc.")) continue;
      Tensor t = e.getValue();
      long[] want = net.tensors().containsKey(n) ? net.tensors().get(n).getShape().getShape() : null;
      if (want != null && t.isFloat() && want.length == 4 && t.shape().length == 4 && want[1] == 1 && t.shape()[1] == 3
          && want[0] == t.shape()[0] && want[2] == t.shape()[2] && want[3] == t.shape()[3]) {
        t = reduceChannels(t, reduction);
      }
      kept.put(n, t);
    }
    if (kept.isEmpty()) throw new SpectrolensException(file.toString(), "no tensors besides fc to load");
    net.load(kept, name -> name.startsWith("fc."), file.toString());
  }

  /** [O, 3, kh, kw] to [O, 1, kh, kw] by summing or averaging over the input channels. */
  static Tensor reduceChannels(Tensor t, ChannelReduction reduction) {
    long[] s = t.shape();
    int o = (int) s[0];
    int c = (int) s[1];
    int k = (int) (s[2] * s[3]);
    float[] out = new float[o * k];
    for (int i = 0; i < o; i++) {
      for (int j = 0; j < c; j++) {
        for (int p = 0; p < k; p++) out[i * k + p] += t.floats()[(i * c + j) * k + p];
      }
    }
    if (reduction == ChannelReduction.MEAN) for (int i = 0; i < out.length; i++) out[i] /= c;
    return Tensor.f32(new long[] {o, 1, s[2], s[3]}, out);
  }
}

package org.spectrolens.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.nn.model.Layers.ConvInit;

/**
 * torchvision's ResNets (v1.5: the stride of a bottleneck sits on its 3x3 conv), laid out and
 * named exactly as {@code torchvision.models.resnetNN(num_classes=K)}, optionally with a
 * 1-channel {@code conv1}. Convolutions have no bias; batch norms use eps 1e-5 and momentum 0.1;
 * init is torchvision's (kaiming normal, fan_out, for convs; PyTorch's default for fc).
 *
 * <p>Stages: {@code conv1}, {@code bn1}, {@code relu}, {@code maxpool}, {@code layer1} ..
 * {@code layer4}, {@code avgpool} (output [N, C, 1, 1]), {@code fc} (flattens, then the linear
 * layer). {@code layer4} is the layer CAM hooks in the seed paper.
 */
public final class ResNet {
  /** Architecture names accepted by {@link #create}. */
  public static final List<String> NAMES = List.of("resnet18", "resnet34", "resnet50", "resnet101");

  private ResNet() {}

  public static Network create(String name, int channels, int height, int width, int classes, long seed, NDManager manager) {
    int[] blocks;
    boolean bottleneck;
    switch (name) {
      case "resnet18" -> { blocks = new int[] {2, 2, 2, 2}; bottleneck = false; }
      case "resnet34" -> { blocks = new int[] {3, 4, 6, 3}; bottleneck = false; }
      case "resnet50" -> { blocks = new int[] {3, 4, 6, 3}; bottleneck = true; }
      case "resnet101" -> { blocks = new int[] {3, 4, 23, 3}; bottleneck = true; }
      default -> throw new IllegalArgumentException("unknown ResNet " + name + "; expected one of " + NAMES);
    }
    Network net = new Network(name, new int[] {channels, height, width}, classes, manager);
    Layers l = new Layers(net, seed);
    net.addStage("conv1", l.conv("conv1", channels, 64, 7, 7, 2, pad(3), false, ConvInit.KAIMING_FAN_OUT));
    net.addStage("bn1", l.batchNorm("bn1", 64));
    net.addStage("relu", Layers.relu());
    net.addStage("maxpool", Layers.maxPool(3, 2, 1));
    int expansion = bottleneck ? 4 : 1;
    int inplanes = 64;
    int[] planes = {64, 128, 256, 512};
    for (int layer = 0; layer < 4; layer++) {
      List<Stage.Fn> fns = new ArrayList<>();
      for (int b = 0; b < blocks[layer]; b++) {
        String prefix = "layer" + (layer + 1) + "." + b;
        int stride = b == 0 && layer > 0 ? 2 : 1;
        fns.add(bottleneck ? bottleneck(l, prefix, inplanes, planes[layer], stride)
            : basic(l, prefix, inplanes, planes[layer], stride));
        inplanes = planes[layer] * expansion;
      }
      net.addStage("layer" + (layer + 1), Layers.chain(fns.toArray(new Stage.Fn[0])));
    }
    net.addStage("avgpool", Layers.globalAvgPool());
    Stage.Fn fc = l.linear("fc", 512 * expansion, classes);
    net.addStage("fc", Layers.chain(Layers.flatten(), fc));
    net.ready();
    return net;
  }

  private static int[] pad(int p) {
    return new int[] {p, p, p, p};
  }

  /** torchvision BasicBlock: conv3x3(stride)-bn-relu-conv3x3-bn, plus identity or 1x1 downsample, relu. */
  private static Stage.Fn basic(Layers l, String p, int inplanes, int planes, int stride) {
    Stage.Fn conv1 = l.conv(p + ".conv1", inplanes, planes, 3, 3, stride, pad(1), false, ConvInit.KAIMING_FAN_OUT);
    Stage.Fn bn1 = l.batchNorm(p + ".bn1", planes);
    Stage.Fn conv2 = l.conv(p + ".conv2", planes, planes, 3, 3, 1, pad(1), false, ConvInit.KAIMING_FAN_OUT);
    Stage.Fn bn2 = l.batchNorm(p + ".bn2", planes);
    Stage.Fn down = downsampleTo(l, p, inplanes, planes, stride);
    Stage.Fn main = Layers.chain(conv1, bn1, Layers.relu(), conv2, bn2);
    return residual(main, down);
  }

  /** torchvision Bottleneck: 1x1-bn-relu, 3x3(stride)-bn-relu, 1x1(x4)-bn, plus shortcut, relu. */
  private static Stage.Fn bottleneck(Layers l, String p, int inplanes, int planes, int stride) {
    int out = planes * 4;
    Stage.Fn conv1 = l.conv(p + ".conv1", inplanes, planes, 1, 1, 1, pad(0), false, ConvInit.KAIMING_FAN_OUT);
    Stage.Fn bn1 = l.batchNorm(p + ".bn1", planes);
    Stage.Fn conv2 = l.conv(p + ".conv2", planes, planes, 3, 3, stride, pad(1), false, ConvInit.KAIMING_FAN_OUT);
    Stage.Fn bn2 = l.batchNorm(p + ".bn2", planes);
    Stage.Fn conv3 = l.conv(p + ".conv3", planes, out, 1, 1, 1, pad(0), false, ConvInit.KAIMING_FAN_OUT);
    Stage.Fn bn3 = l.batchNorm(p + ".bn3", out);
    Stage.Fn down = downsampleTo(l, p, inplanes, out, stride);
    Stage.Fn main = Layers.chain(conv1, bn1, Layers.relu(), conv2, bn2, Layers.relu(), conv3, bn3);
    return residual(main, down);
  }

  /** {@code downsample.0} (1x1 conv, stride) and {@code downsample.1} (bn) where the shape changes; null otherwise. */
  private static Stage.Fn downsampleTo(Layers l, String p, int inplanes, int out, int stride) {
    if (stride == 1 && inplanes == out) return null;
    Stage.Fn conv = l.conv(p + ".downsample.0", inplanes, out, 1, 1, stride, pad(0), false, ConvInit.KAIMING_FAN_OUT);
    Stage.Fn bn = l.batchNorm(p + ".downsample.1", out);
    return Layers.chain(conv, bn);
  }

  private static Stage.Fn residual(Stage.Fn main, Stage.Fn down) {
    return (x, training) -> {
      NDArray y = main.apply(x, training);
      NDArray identity = down == null ? x : down.apply(x, training);
      // in place, as torchvision's "out += identity": y is a batch-norm output, which no backward needs
      y.addi(identity);
      if (identity != x) identity.close();
      NDArray out = y.getNDArrayInternal().relu();
      y.close();
      return out;
    };
  }
}

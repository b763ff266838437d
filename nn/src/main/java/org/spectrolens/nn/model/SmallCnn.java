package org.spectrolens.nn.model;

import ai.djl.ndarray.NDManager;
import org.spectrolens.nn.model.Layers.ConvInit;

/**
 * The monitoring thesis's small CNN (Wang 2022, section 2.2): four conv blocks of 16, 32, 64 and
 * 128 filters with (8, 4) kernels (frequency x time), each followed by batch norm, ReLU and 2x2
 * max pooling, then dense layers of 200 and 100 units with ReLU and a linear output (softmax is
 * applied outside the network). Convolutions keep the grid size ({@code padding='same'}:
 * PyTorch pads 3 rows above/4 below and 1 column left/2 right for the even kernel), so the
 * flattened size is 128 x floor(H/16) x floor(W/16): 1,594,598 parameters for a 64x192 input and
 * 2 classes ("slightly over 1.5M", as in the thesis).
 *
 * <p>Stages (explainers address these names): {@code conv1} .. {@code conv4} (each conv, bn,
 * relu, pool), {@code flatten}, {@code fc1} (linear + ReLU), {@code fc2} (linear + ReLU),
 * {@code fc} (logits). Parameters are named as the equivalent PyTorch module, whose conv blocks
 * are {@code nn.Sequential(Conv2d, BatchNorm2d, ReLU, MaxPool2d)}: {@code conv1.0.weight},
 * {@code conv1.0.bias}, {@code conv1.1.weight}, {@code conv1.1.running_mean}, ..., {@code fc1.weight},
 * {@code fc2.weight}, {@code fc.weight}, {@code fc.bias}.
 */
public final class SmallCnn {
  public static final String NAME = "smallcnn";
  static final int[] FILTERS = {16, 32, 64, 128};
  static final int KERNEL_H = 8;
  static final int KERNEL_W = 4;
  static final int[] DENSE = {200, 100};

  private SmallCnn() {}

  public static Network create(int channels, int height, int width, int classes, long seed, NDManager manager) {
    if (height < 16 || width < 16) {
      throw new IllegalArgumentException("smallcnn needs an input of at least 16x16 (four 2x2 poolings), got " + height + "x" + width);
    }
    Network net = new Network(NAME, new int[] {channels, height, width}, classes, manager);
    Layers l = new Layers(net, seed);
    int in = channels;
    // torch 'same' for kernel k: total k-1, (k-1)/2 before, the rest after
    int[] same = {(KERNEL_H - 1) / 2, KERNEL_H - 1 - (KERNEL_H - 1) / 2, (KERNEL_W - 1) / 2, KERNEL_W - 1 - (KERNEL_W - 1) / 2};
    int h = height;
    int w = width;
    for (int b = 0; b < FILTERS.length; b++) {
      String name = "conv" + (b + 1);
      Stage.Fn conv = l.conv(name + ".0", in, FILTERS[b], KERNEL_H, KERNEL_W, 1, same, true, ConvInit.PYTORCH_DEFAULT);
      Stage.Fn bn = l.batchNorm(name + ".1", FILTERS[b]);
      net.addStage(name, Layers.chain(conv, bn, Layers.relu(), Layers.maxPool(2, 2, 0)));
      in = FILTERS[b];
      h /= 2;
      w /= 2;
    }
    net.addStage("flatten", Layers.flatten());
    int features = in * h * w;
    net.addStage("fc1", Layers.chain(l.linear("fc1", features, DENSE[0]), Layers.relu()));
    net.addStage("fc2", Layers.chain(l.linear("fc2", DENSE[0], DENSE[1]), Layers.relu()));
    net.addStage("fc", l.linear("fc", DENSE[1], classes));
    net.ready();
    return net;
  }
}

package org.spectrolens.nn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.weights.Tensor;

/**
 * The state_dict layout (names, order and shapes) must be torchvision's. The expected lists were
 * printed by torchvision 0.14.1: {@code resnet18(num_classes=5)} with conv1 replaced by
 * {@code Conv2d(1, 64, 7, 2, 3, bias=False)}, and {@code resnet50(num_classes=5)}.
 */
class ModelLayoutTest {
  static final String RESNET18_1CH = """
      conv1.weight 64x1x7x7
      bn1.weight 64
      bn1.bias 64
      bn1.running_mean 64
      bn1.running_var 64
      bn1.num_batches_tracked scalar
      layer1.0.conv1.weight 64x64x3x3
      layer1.0.bn1.weight 64
      layer1.0.bn1.bias 64
      layer1.0.bn1.running_mean 64
      layer1.0.bn1.running_var 64
      layer1.0.bn1.num_batches_tracked scalar
      layer1.0.conv2.weight 64x64x3x3
      layer1.0.bn2.weight 64
      layer1.0.bn2.bias 64
      layer1.0.bn2.running_mean 64
      layer1.0.bn2.running_var 64
      layer1.0.bn2.num_batches_tracked scalar
      layer1.1.conv1.weight 64x64x3x3
      layer1.1.bn1.weight 64
      layer1.1.bn1.bias 64
      layer1.1.bn1.running_mean 64
      layer1.1.bn1.running_var 64
      layer1.1.bn1.num_batches_tracked scalar
      layer1.1.conv2.weight 64x64x3x3
      layer1.1.bn2.weight 64
      layer1.1.bn2.bias 64
      layer1.1.bn2.running_mean 64
      layer1.1.bn2.running_var 64
      layer1.1.bn2.num_batches_tracked scalar
      layer2.0.conv1.weight 128x64x3x3
      layer2.0.bn1.weight 128
      layer2.0.bn1.bias 128
      layer2.0.bn1.running_mean 128
      layer2.0.bn1.running_var 128
      layer2.0.bn1.num_batches_tracked scalar
      layer2.0.conv2.weight 128x128x3x3
      layer2.0.bn2.weight 128
      layer2.0.bn2.bias 128
      layer2.0.bn2.running_mean 128
      layer2.0.bn2.running_var 128
      layer2.0.bn2.num_batches_tracked scalar
      layer2.0.downsample.0.weight 128x64x1x1
      layer2.0.downsample.1.weight 128
      layer2.0.downsample.1.bias 128
      layer2.0.downsample.1.running_mean 128
      layer2.0.downsample.1.running_var 128
      layer2.0.downsample.1.num_batches_tracked scalar
      layer2.1.conv1.weight 128x128x3x3
      layer2.1.bn1.weight 128
      layer2.1.bn1.bias 128
      layer2.1.bn1.running_mean 128
      layer2.1.bn1.running_var 128
      layer2.1.bn1.num_batches_tracked scalar
      layer2.1.conv2.weight 128x128x3x3
      layer2.1.bn2.weight 128
      layer2.1.bn2.bias 128
      layer2.1.bn2.running_mean 128
      layer2.1.bn2.running_var 128
      layer2.1.bn2.num_batches_tracked scalar
      layer3.0.conv1.weight 256x128x3x3
      layer3.0.bn1.weight 256
      layer3.0.bn1.bias 256
      layer3.0.bn1.running_mean 256
      layer3.0.bn1.running_var 256
      layer3.0.bn1.num_batches_tracked scalar
      layer3.0.conv2.weight 256x256x3x3
      layer3.0.bn2.weight 256
      layer3.0.bn2.bias 256
      layer3.0.bn2.running_mean 256
      layer3.0.bn2.running_var 256
      layer3.0.bn2.num_batches_tracked scalar
      layer3.0.downsample.0.weight 256x128x1x1
      layer3.0.downsample.1.weight 256
      layer3.0.downsample.1.bias 256
      layer3.0.downsample.1.running_mean 256
      layer3.0.downsample.1.running_var 256
      layer3.0.downsample.1.num_batches_tracked scalar
      layer3.1.conv1.weight 256x256x3x3
      layer3.1.bn1.weight 256
      layer3.1.bn1.bias 256
      layer3.1.bn1.running_mean 256
      layer3.1.bn1.running_var 256
      layer3.1.bn1.num_batches_tracked scalar
      layer3.1.conv2.weight 256x256x3x3
      layer3.1.bn2.weight 256
      layer3.1.bn2.bias 256
      layer3.1.bn2.running_mean 256
      layer3.1.bn2.running_var 256
      layer3.1.bn2.num_batches_tracked scalar
      layer4.0.conv1.weight 512x256x3x3
      layer4.0.bn1.weight 512
      layer4.0.bn1.bias 512
      layer4.0.bn1.running_mean 512
      layer4.0.bn1.running_var 512
      layer4.0.bn1.num_batches_tracked scalar
      layer4.0.conv2.weight 512x512x3x3
      layer4.0.bn2.weight 512
      layer4.0.bn2.bias 512
      layer4.0.bn2.running_mean 512
      layer4.0.bn2.running_var 512
      layer4.0.bn2.num_batches_tracked scalar
      layer4.0.downsample.0.weight 512x256x1x1
      layer4.0.downsample.1.weight 512
      layer4.0.downsample.1.bias 512
      layer4.0.downsample.1.running_mean 512
      layer4.0.downsample.1.running_var 512
      layer4.0.downsample.1.num_batches_tracked scalar
      layer4.1.conv1.weight 512x512x3x3
      layer4.1.bn1.weight 512
      layer4.1.bn1.bias 512
      layer4.1.bn1.running_mean 512
      layer4.1.bn1.running_var 512
      layer4.1.bn1.num_batches_tracked scalar
      layer4.1.conv2.weight 512x512x3x3
      layer4.1.bn2.weight 512
      layer4.1.bn2.bias 512
      layer4.1.bn2.running_mean 512
      layer4.1.bn2.running_var 512
      layer4.1.bn2.num_batches_tracked scalar
      fc.weight 5x512
      fc.bias 5
      """;

  static final String RESNET50 = """
      conv1.weight 64x3x7x7
      bn1.weight 64
      bn1.bias 64
      bn1.running_mean 64
      bn1.running_var 64
      bn1.num_batches_tracked scalar
      layer1.0.conv1.weight 64x64x1x1
      layer1.0.bn1.weight 64
      layer1.0.bn1.bias 64
      layer1.0.bn1.running_mean 64
      layer1.0.bn1.running_var 64
      layer1.0.bn1.num_batches_tracked scalar
      layer1.0.conv2.weight 64x64x3x3
      layer1.0.bn2.weight 64
      layer1.0.bn2.bias 64
      layer1.0.bn2.running_mean 64
      layer1.0.bn2.running_var 64
      layer1.0.bn2.num_batches_tracked scalar
      layer1.0.conv3.weight 256x64x1x1
      layer1.0.bn3.weight 256
      layer1.0.bn3.bias 256
      layer1.0.bn3.running_mean 256
      layer1.0.bn3.running_var 256
      layer1.0.bn3.num_batches_tracked scalar
      layer1.0.downsample.0.weight 256x64x1x1
      layer1.0.downsample.1.weight 256
      layer1.0.downsample.1.bias 256
      layer1.0.downsample.1.running_mean 256
      layer1.0.downsample.1.running_var 256
      layer1.0.downsample.1.num_batches_tracked scalar
      layer1.1.conv1.weight 64x256x1x1
      layer1.1.bn1.weight 64
      layer1.1.bn1.bias 64
      layer1.1.bn1.running_mean 64
      layer1.1.bn1.running_var 64
      layer1.1.bn1.num_batches_tracked scalar
      layer1.1.conv2.weight 64x64x3x3
      layer1.1.bn2.weight 64
      layer1.1.bn2.bias 64
      layer1.1.bn2.running_mean 64
      layer1.1.bn2.running_var 64
      layer1.1.bn2.num_batches_tracked scalar
      layer1.1.conv3.weight 256x64x1x1
      layer1.1.bn3.weight 256
      layer1.1.bn3.bias 256
      layer1.1.bn3.running_mean 256
      layer1.1.bn3.running_var 256
      layer1.1.bn3.num_batches_tracked scalar
      layer1.2.conv1.weight 64x256x1x1
      layer1.2.bn1.weight 64
      layer1.2.bn1.bias 64
      layer1.2.bn1.running_mean 64
      layer1.2.bn1.running_var 64
      layer1.2.bn1.num_batches_tracked scalar
      layer1.2.conv2.weight 64x64x3x3
      layer1.2.bn2.weight 64
      layer1.2.bn2.bias 64
      layer1.2.bn2.running_mean 64
      layer1.2.bn2.running_var 64
      layer1.2.bn2.num_batches_tracked scalar
      layer1.2.conv3.weight 256x64x1x1
      layer1.2.bn3.weight 256
      layer1.2.bn3.bias 256
      layer1.2.bn3.running_mean 256
      layer1.2.bn3.running_var 256
      layer1.2.bn3.num_batches_tracked scalar
      layer2.0.conv1.weight 128x256x1x1
      layer2.0.bn1.weight 128
      layer2.0.bn1.bias 128
      layer2.0.bn1.running_mean 128
      layer2.0.bn1.running_var 128
      layer2.0.bn1.num_batches_tracked scalar
      layer2.0.conv2.weight 128x128x3x3
      layer2.0.bn2.weight 128
      layer2.0.bn2.bias 128
      layer2.0.bn2.running_mean 128
      layer2.0.bn2.running_var 128
      layer2.0.bn2.num_batches_tracked scalar
      layer2.0.conv3.weight 512x128x1x1
      layer2.0.bn3.weight 512
      layer2.0.bn3.bias 512
      layer2.0.bn3.running_mean 512
      layer2.0.bn3.running_var 512
      layer2.0.bn3.num_batches_tracked scalar
      layer2.0.downsample.0.weight 512x256x1x1
      layer2.0.downsample.1.weight 512
      layer2.0.downsample.1.bias 512
      layer2.0.downsample.1.running_mean 512
      layer2.0.downsample.1.running_var 512
      layer2.0.downsample.1.num_batches_tracked scalar
      layer2.1.conv1.weight 128x512x1x1
      layer2.1.bn1.weight 128
      layer2.1.bn1.bias 128
      layer2.1.bn1.running_mean 128
      layer2.1.bn1.running_var 128
      layer2.1.bn1.num_batches_tracked scalar
      layer2.1.conv2.weight 128x128x3x3
      layer2.1.bn2.weight 128
      layer2.1.bn2.bias 128
      layer2.1.bn2.running_mean 128
      layer2.1.bn2.running_var 128
      layer2.1.bn2.num_batches_tracked scalar
      layer2.1.conv3.weight 512x128x1x1
      layer2.1.bn3.weight 512
      layer2.1.bn3.bias 512
      layer2.1.bn3.running_mean 512
      layer2.1.bn3.running_var 512
      layer2.1.bn3.num_batches_tracked scalar
      layer2.2.conv1.weight 128x512x1x1
      layer2.2.bn1.weight 128
      layer2.2.bn1.bias 128
      layer2.2.bn1.running_mean 128
      layer2.2.bn1.running_var 128
      layer2.2.bn1.num_batches_tracked scalar
      layer2.2.conv2.weight 128x128x3x3
      layer2.2.bn2.weight 128
      layer2.2.bn2.bias 128
      layer2.2.bn2.running_mean 128
      layer2.2.bn2.running_var 128
      layer2.2.bn2.num_batches_tracked scalar
      layer2.2.conv3.weight 512x128x1x1
      layer2.2.bn3.weight 512
      layer2.2.bn3.bias 512
      layer2.2.bn3.running_mean 512
      layer2.2.bn3.running_var 512
      layer2.2.bn3.num_batches_tracked scalar
      layer2.3.conv1.weight 128x512x1x1
      layer2.3.bn1.weight 128
      layer2.3.bn1.bias 128
      layer2.3.bn1.running_mean 128
      layer2.3.bn1.running_var 128
      layer2.3.bn1.num_batches_tracked scalar
      layer2.3.conv2.weight 128x128x3x3
      layer2.3.bn2.weight 128
      layer2.3.bn2.bias 128
      layer2.3.bn2.running_mean 128
      layer2.3.bn2.running_var 128
      layer2.3.bn2.num_batches_tracked scalar
      layer2.3.conv3.weight 512x128x1x1
      layer2.3.bn3.weight 512
      layer2.3.bn3.bias 512
      layer2.3.bn3.running_mean 512
      layer2.3.bn3.running_var 512
      layer2.3.bn3.num_batches_tracked scalar
      layer3.0.conv1.weight 256x512x1x1
      layer3.0.bn1.weight 256
      layer3.0.bn1.bias 256
      layer3.0.bn1.running_mean 256
      layer3.0.bn1.running_var 256
      layer3.0.bn1.num_batches_tracked scalar
      layer3.0.conv2.weight 256x256x3x3
      layer3.0.bn2.weight 256
      layer3.0.bn2.bias 256
      layer3.0.bn2.running_mean 256
      layer3.0.bn2.running_var 256
      layer3.0.bn2.num_batches_tracked scalar
      layer3.0.conv3.weight 1024x256x1x1
      layer3.0.bn3.weight 1024
      layer3.0.bn3.bias 1024
      layer3.0.bn3.running_mean 1024
      layer3.0.bn3.running_var 1024
      layer3.0.bn3.num_batches_tracked scalar
      layer3.0.downsample.0.weight 1024x512x1x1
      layer3.0.downsample.1.weight 1024
      layer3.0.downsample.1.bias 1024
      layer3.0.downsample.1.running_mean 1024
      layer3.0.downsample.1.running_var 1024
      layer3.0.downsample.1.num_batches_tracked scalar
      layer3.1.conv1.weight 256x1024x1x1
      layer3.1.bn1.weight 256
      layer3.1.bn1.bias 256
      layer3.1.bn1.running_mean 256
      layer3.1.bn1.running_var 256
      layer3.1.bn1.num_batches_tracked scalar
      layer3.1.conv2.weight 256x256x3x3
      layer3.1.bn2.weight 256
      layer3.1.bn2.bias 256
      layer3.1.bn2.running_mean 256
      layer3.1.bn2.running_var 256
      layer3.1.bn2.num_batches_tracked scalar
      layer3.1.conv3.weight 1024x256x1x1
      layer3.1.bn3.weight 1024
      layer3.1.bn3.bias 1024
      layer3.1.bn3.running_mean 1024
      layer3.1.bn3.running_var 1024
      layer3.1.bn3.num_batches_tracked scalar
      layer3.2.conv1.weight 256x1024x1x1
      layer3.2.bn1.weight 256
      layer3.2.bn1.bias 256
      layer3.2.bn1.running_mean 256
      layer3.2.bn1.running_var 256
      layer3.2.bn1.num_batches_tracked scalar
      layer3.2.conv2.weight 256x256x3x3
      layer3.2.bn2.weight 256
      layer3.2.bn2.bias 256
      layer3.2.bn2.running_mean 256
      layer3.2.bn2.running_var 256
      layer3.2.bn2.num_batches_tracked scalar
      layer3.2.conv3.weight 1024x256x1x1
      layer3.2.bn3.weight 1024
      layer3.2.bn3.bias 1024
      layer3.2.bn3.running_mean 1024
      layer3.2.bn3.running_var 1024
      layer3.2.bn3.num_batches_tracked scalar
      layer3.3.conv1.weight 256x1024x1x1
      layer3.3.bn1.weight 256
      layer3.3.bn1.bias 256
      layer3.3.bn1.running_mean 256
      layer3.3.bn1.running_var 256
      layer3.3.bn1.num_batches_tracked scalar
      layer3.3.conv2.weight 256x256x3x3
      layer3.3.bn2.weight 256
      layer3.3.bn2.bias 256
      layer3.3.bn2.running_mean 256
      layer3.3.bn2.running_var 256
      layer3.3.bn2.num_batches_tracked scalar
      layer3.3.conv3.weight 1024x256x1x1
      layer3.3.bn3.weight 1024
      layer3.3.bn3.bias 1024
      layer3.3.bn3.running_mean 1024
      layer3.3.bn3.running_var 1024
      layer3.3.bn3.num_batches_tracked scalar
      layer3.4.conv1.weight 256x1024x1x1
      layer3.4.bn1.weight 256
      layer3.4.bn1.bias 256
      layer3.4.bn1.running_mean 256
      layer3.4.bn1.running_var 256
      layer3.4.bn1.num_batches_tracked scalar
      layer3.4.conv2.weight 256x256x3x3
      layer3.4.bn2.weight 256
      layer3.4.bn2.bias 256
      layer3.4.bn2.running_mean 256
      layer3.4.bn2.running_var 256
      layer3.4.bn2.num_batches_tracked scalar
      layer3.4.conv3.weight 1024x256x1x1
      layer3.4.bn3.weight 1024
      layer3.4.bn3.bias 1024
      layer3.4.bn3.running_mean 1024
      layer3.4.bn3.running_var 1024
      layer3.4.bn3.num_batches_tracked scalar
      layer3.5.conv1.weight 256x1024x1x1
      layer3.5.bn1.weight 256
      layer3.5.bn1.bias 256
      layer3.5.bn1.running_mean 256
      layer3.5.bn1.running_var 256
      layer3.5.bn1.num_batches_tracked scalar
      layer3.5.conv2.weight 256x256x3x3
      layer3.5.bn2.weight 256
      layer3.5.bn2.bias 256
      layer3.5.bn2.running_mean 256
      layer3.5.bn2.running_var 256
      layer3.5.bn2.num_batches_tracked scalar
      layer3.5.conv3.weight 1024x256x1x1
      layer3.5.bn3.weight 1024
      layer3.5.bn3.bias 1024
      layer3.5.bn3.running_mean 1024
      layer3.5.bn3.running_var 1024
      layer3.5.bn3.num_batches_tracked scalar
      layer4.0.conv1.weight 512x1024x1x1
      layer4.0.bn1.weight 512
      layer4.0.bn1.bias 512
      layer4.0.bn1.running_mean 512
      layer4.0.bn1.running_var 512
      layer4.0.bn1.num_batches_tracked scalar
      layer4.0.conv2.weight 512x512x3x3
      layer4.0.bn2.weight 512
      layer4.0.bn2.bias 512
      layer4.0.bn2.running_mean 512
      layer4.0.bn2.running_var 512
      layer4.0.bn2.num_batches_tracked scalar
      layer4.0.conv3.weight 2048x512x1x1
      layer4.0.bn3.weight 2048
      layer4.0.bn3.bias 2048
      layer4.0.bn3.running_mean 2048
      layer4.0.bn3.running_var 2048
      layer4.0.bn3.num_batches_tracked scalar
      layer4.0.downsample.0.weight 2048x1024x1x1
      layer4.0.downsample.1.weight 2048
      layer4.0.downsample.1.bias 2048
      layer4.0.downsample.1.running_mean 2048
      layer4.0.downsample.1.running_var 2048
      layer4.0.downsample.1.num_batches_tracked scalar
      layer4.1.conv1.weight 512x2048x1x1
      layer4.1.bn1.weight 512
      layer4.1.bn1.bias 512
      layer4.1.bn1.running_mean 512
      layer4.1.bn1.running_var 512
      layer4.1.bn1.num_batches_tracked scalar
      layer4.1.conv2.weight 512x512x3x3
      layer4.1.bn2.weight 512
      layer4.1.bn2.bias 512
      layer4.1.bn2.running_mean 512
      layer4.1.bn2.running_var 512
      layer4.1.bn2.num_batches_tracked scalar
      layer4.1.conv3.weight 2048x512x1x1
      layer4.1.bn3.weight 2048
      layer4.1.bn3.bias 2048
      layer4.1.bn3.running_mean 2048
      layer4.1.bn3.running_var 2048
      layer4.1.bn3.num_batches_tracked scalar
      layer4.2.conv1.weight 512x2048x1x1
      layer4.2.bn1.weight 512
      layer4.2.bn1.bias 512
      layer4.2.bn1.running_mean 512
      layer4.2.bn1.running_var 512
      layer4.2.bn1.num_batches_tracked scalar
      layer4.2.conv2.weight 512x512x3x3
      layer4.2.bn2.weight 512
      layer4.2.bn2.bias 512
      layer4.2.bn2.running_mean 512
      layer4.2.bn2.running_var 512
      layer4.2.bn2.num_batches_tracked scalar
      layer4.2.conv3.weight 2048x512x1x1
      layer4.2.bn3.weight 2048
      layer4.2.bn3.bias 2048
      layer4.2.bn3.running_mean 2048
      layer4.2.bn3.running_var 2048
      layer4.2.bn3.num_batches_tracked scalar
      fc.weight 5x2048
      fc.bias 5
      """;

  private static List<String> layout(Network net) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : net.stateDict().entrySet()) {
      long[] s = e.getValue().shape();
      out.add(e.getKey() + " " + (s.length == 0 ? "scalar"
          : String.join("x", Arrays.stream(s).mapToObj(Long::toString).toList())));
    }
    return out;
  }

  @Test
  void resnet18MatchesTorchvisionStateDict() {
    try (Network net = Models.create("resnet18", new int[] {1, 32, 32}, 5, 1)) {
      assertEquals(RESNET18_1CH.strip().lines().map(String::strip).toList(), layout(net));
      // torchvision: sum(p.numel() for p in resnet18(num_classes=5).parameters()) = 11179077, minus 2*64*7*7 for one channel
      assertEquals(11179077L - 2 * 64 * 7 * 7, net.parameterCount());
    }
  }

  @Test
  void resnet50MatchesTorchvisionStateDict() {
    try (Network net = Models.create("resnet50", new int[] {3, 32, 32}, 5, 1)) {
      assertEquals(RESNET50.strip().lines().map(String::strip).toList(), layout(net));
      assertEquals(23518277L, net.parameterCount());
    }
  }

  @Test
  void smallCnnHasTheThesisSize() {
    // closed form at 64x192, 2 classes: convs (k = 8*4 taps), batch norms, then 128*4*12 features
    long convs = 0;
    long bns = 0;
    int in = 1;
    for (int f : new int[] {16, 32, 64, 128}) {
      convs += (long) in * f * 32 + f;
      bns += 2L * f;
      in = f;
    }
    long dense = (128L * 4 * 12 * 200 + 200) + (200 * 100 + 100) + (100 * 2 + 2);
    try (Network net = Models.create("smallcnn", new int[] {1, 64, 192}, 2, 1)) {
      assertEquals(convs + bns + dense, net.parameterCount());
      assertEquals(List.of("conv1", "conv2", "conv3", "conv4", "flatten", "fc1", "fc2", "fc"), net.stageNames());
    }
  }

  @Test
  void stageNamesAreTorchvisions() {
    try (Network net = Models.create("resnet34", new int[] {1, 32, 32}, 3, 1)) {
      assertEquals(List.of("conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4", "avgpool", "fc"),
          net.stageNames());
      SpectrolensException e = assertThrows(SpectrolensException.class, () -> net.indexOf("layer5"));
      assertEquals(true, e.getMessage().contains("layer4"));
    }
  }
}

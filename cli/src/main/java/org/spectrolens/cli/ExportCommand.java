package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.nn.weights.TorchWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens export}: a model's weights as safetensors in torchvision's names. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write a model's weights as safetensors with PyTorch/torchvision names (batch-norm buffers included),",
        "loadable with strict=True by torchvision.models.resnetNN(num_classes=K) (conv1 swapped for a",
        "1-channel conv when the model has one input channel)."})
public final class ExportCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory.")
  Path model;

  @Option(names = "--out", required = true, paramLabel = "F.safetensors", description = "File to write.")
  Path out;

  @Override
  public Integer call() {
    try (TrainedModel m = TrainedModel.open(model)) {
      TorchWeights.export(m.network(), out);
      System.out.println("wrote " + out + " (" + m.config().model() + ", " + m.network().parameterCount() + " parameters)");
    }
    return 0;
  }
}

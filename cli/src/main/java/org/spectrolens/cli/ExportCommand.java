package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spectrolens.io.OutputFile;
import org.spectrolens.nn.model.TorchWeights;
import org.spectrolens.nn.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens export}: a model's weights as safetensors in torchvision's names. */
@Command(name = "export",
    description = {"Write a model's weights as safetensors with PyTorch/torchvision names (batch-norm buffers included),",
        "loadable with strict=True by torchvision.models.resnetNN(num_classes=K) (conv1 swapped for a",
        "1-channel conv when the model has one input channel)."})
public final class ExportCommand implements Callable<Integer>, Checked {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory.")
  Path model;

  @Option(names = "--out", required = true, paramLabel = "F.safetensors", description = "File to write.")
  Path out;

  @Option(names = "--force", description = "Overwrite an input or a file of another kind (e.g. the model's own checkpoint).")
  boolean force;

  @Override
  public void checkOptions() {
    OutputFile.check(out, "safetensors", force, model);
  }

  @Override
  public Integer call() {
    try (TrainedModel m = TrainedModel.open(model)) {
      TorchWeights.export(m.network(), out);
      System.out.println("wrote " + out + " (" + m.config().model() + ", " + m.network().parameterCount() + " parameters)");
    }
    return 0;
  }
}

package org.spectrolens.nn.train;

import java.nio.file.Path;
import org.spectrolens.io.Json;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.TorchWeights;

/**
 * At the end of a run, makes the folder a model: the best epoch's weights as {@code
 * model.safetensors} (torchvision names) and {@code config.json}, the latter last, since its
 * presence marks a finished model.
 */
public final class ModelExport implements TrainingListener {
  public static final String WEIGHTS = "model.safetensors";

  private final Path dir;
  private final EarlyStopping stopping;
  private final ModelConfig template;
  private ModelConfig written;

  /**
   * @param template the config to write, but for its best epoch and epochs run, which the run decides
   */
  public ModelExport(Path dir, EarlyStopping stopping, ModelConfig template) {
    this.dir = dir;
    this.stopping = stopping;
    this.template = template;
  }

  @Override
  public void onTrainingEnd(Training t) {
    TorchWeights.load(t.network(), stopping.bestFile());
    TorchWeights.export(t.network(), dir.resolve(WEIGHTS));
    ModelConfig c = template;
    written = new ModelConfig(c.format(), c.model(), c.classes(), c.inputShape(), c.normalization(), c.dataset(), c.datasetId(),
        c.split(), c.seed(), c.training(), WEIGHTS, stopping.bestEpoch(), t.epochsDone());
    Json.write(dir.resolve(ModelConfig.FILE), written);
  }

  /** The config written (null before the run ended). */
  public ModelConfig config() {
    return written;
  }
}

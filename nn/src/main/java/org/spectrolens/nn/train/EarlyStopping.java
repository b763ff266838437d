package org.spectrolens.nn.train;

import java.nio.file.Path;
import org.spectrolens.nn.model.TorchWeights;

/**
 * Keeps the weights of the epoch with the lowest validation loss in {@code best.safetensors} and
 * stops the run after {@code patience} epochs without a lower one (0 = never). Without a
 * validation set every epoch is the best so far.
 */
public final class EarlyStopping implements TrainingListener {
  public static final String BEST = "best.safetensors";

  private final Path bestFile;
  private final int patience;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestEpoch;
  private int badEpochs;

  /** Writes the best weights into the folder {@code dir}. */
  public EarlyStopping(Path dir, int patience) {
    this.bestFile = dir.resolve(BEST);
    this.patience = patience;
  }

  @Override
  public void onEpoch(Training t, EpochLog row) {
    if (!t.hasValidation() || row.valLoss() < bestLoss) {
      bestLoss = t.hasValidation() ? row.valLoss() : Double.NaN;
      bestEpoch = row.epoch();
      badEpochs = 0;
      TorchWeights.export(t.network(), bestFile);
    } else {
      badEpochs++;
    }
    if (patience > 0 && badEpochs >= patience) t.requestStop();
  }

  /** The state a checkpoint recorded. */
  void restore(double bestLoss, int bestEpoch, int badEpochs) {
    this.bestLoss = bestLoss;
    this.bestEpoch = bestEpoch;
    this.badEpochs = badEpochs;
  }

  /** The lowest validation loss so far (+infinity before the first epoch; NaN without a validation set). */
  public double bestLoss() {
    return bestLoss;
  }

  /** The epoch (1-based) whose weights are in {@code best.safetensors}; 0 before the first. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** Epochs since the best one. */
  public int badEpochs() {
    return badEpochs;
  }

  /** The weights file of the best epoch. */
  public Path bestFile() {
    return bestFile;
  }
}

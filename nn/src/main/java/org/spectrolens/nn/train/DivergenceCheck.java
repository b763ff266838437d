package org.spectrolens.nn.train;

import org.spectrolens.SpectrolensException;

/** Ends a run whose loss is no longer finite: every later step would only spread NaN through the weights. */
public final class DivergenceCheck implements TrainingListener {
  @Override
  public void onBatch(Training training, Batch batch) {
    if (!Float.isFinite(batch.loss())) {
      throw SpectrolensException.ofParameter("lr", "training diverged (loss " + batch.loss() + " in epoch " + (batch.epoch() + 1)
          + "); try a smaller learning rate");
    }
  }
}

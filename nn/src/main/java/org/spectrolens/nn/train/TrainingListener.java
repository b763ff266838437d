package org.spectrolens.nn.train;

/**
 * What a training run tells the code around it, in DJL's {@code TrainingListener} style: the loop
 * ({@link TrainingLoop}) only trains; checkpoints, early stopping, the divergence check, the epoch
 * log, the export, the test evaluation and any progress display are listeners. Listeners are called
 * in the order they are given, so one may read what an earlier one decided in the same call (the
 * checkpoint records early stopping's state). Throwing from any method ends the run (a test
 * simulates a crash that way); {@link #onTrainingEnd} is then not called.
 */
public interface TrainingListener {
  /** Once, before the first epoch of this run (a resumed run begins at its checkpoint's epoch). */
  default void onTrainingBegin(Training training) {}

  /** Before each epoch's first batch. */
  default void onEpochBegin(Training training, int epoch, int batches) {}

  /** After each batch's optimiser step. */
  default void onBatch(Training training, Batch batch) {}

  /** After each epoch and its validation; {@code row} is already in {@link Training#log()}. */
  default void onEpoch(Training training, EpochLog row) {}

  /** Once, after the last epoch (also when a resumed run had no epoch left to train). */
  default void onTrainingEnd(Training training) {}

  /**
   * One optimiser step as it happened.
   *
   * @param epoch the epoch, 0-based
   * @param index the batch within the epoch, 0-based
   * @param batches batches in this epoch
   * @param items items in this batch
   * @param loss this batch's mean cross-entropy (a float, as the engine computed it)
   * @param meanLoss mean cross-entropy over the epoch's items so far
   * @param accuracy training accuracy over the epoch's items so far, in [0, 1]
   */
  record Batch(int epoch, int index, int batches, int items, float loss, double meanLoss, double accuracy) {}
}

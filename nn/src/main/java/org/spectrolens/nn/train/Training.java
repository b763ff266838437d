package org.spectrolens.nn.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainConfig;

/**
 * A training run as its listeners see it: the options, the network and its optimiser, the epochs
 * done with their log rows, and whether the run should stop. The loop advances it, a checkpoint
 * restores it, early stopping asks it to stop.
 */
public final class Training {
  private final TrainConfig config;
  private final Network network;
  private final Adam optimiser;
  private final boolean validation;
  private final List<EpochLog> log = new ArrayList<>();
  private int epochsDone;
  private boolean stopRequested;

  /**
   * @param validation whether a validation set is held out (else the rows' validation figures are NaN)
   */
  public Training(TrainConfig config, Network network, Adam optimiser, boolean validation) {
    this.config = config;
    this.network = network;
    this.optimiser = optimiser;
    this.validation = validation;
  }

  public TrainConfig config() {
    return config;
  }

  public Network network() {
    return network;
  }

  public Adam optimiser() {
    return optimiser;
  }

  /** Whether a validation set is held out; without one every epoch counts as the best so far. */
  public boolean hasValidation() {
    return validation;
  }

  /** Epochs trained so far, those of the run a resumed run continues included. */
  public int epochsDone() {
    return epochsDone;
  }

  /** One row per epoch done, oldest first (read-only). */
  public List<EpochLog> log() {
    return Collections.unmodifiableList(log);
  }

  public boolean stopRequested() {
    return stopRequested;
  }

  /** Ends the run after the current epoch (early stopping). */
  public void requestStop() {
    stopRequested = true;
  }

  /** Continues an interrupted run: its epochs, log rows and stop decision (network and optimiser are restored by the caller). */
  public void resume(int epochsDone, List<EpochLog> log, boolean stopped) {
    this.epochsDone = epochsDone;
    this.log.clear();
    this.log.addAll(log);
    this.stopRequested = stopped;
  }

  void epochDone(EpochLog row) {
    log.add(row);
    epochsDone = row.epoch();
  }
}

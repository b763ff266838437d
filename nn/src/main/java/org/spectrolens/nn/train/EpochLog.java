package org.spectrolens.nn.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One row of the training log; validation figures are NaN when no validation set is held out. */
public record EpochLog(
    int epoch, double lr,
    @JsonProperty("train_loss") double trainLoss, @JsonProperty("train_accuracy") double trainAccuracy,
    @JsonProperty("val_loss") double valLoss, @JsonProperty("val_accuracy") double valAccuracy,
    double seconds) {

  static final String CSV_HEADER = "epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,seconds";

  String csv() {
    return String.format(java.util.Locale.ROOT, "%d,%.6g,%.6f,%.6f,%s,%s,%.3f", epoch, lr, trainLoss, trainAccuracy,
        Double.isNaN(valLoss) ? "" : String.format(java.util.Locale.ROOT, "%.6f", valLoss),
        Double.isNaN(valAccuracy) ? "" : String.format(java.util.Locale.ROOT, "%.6f", valAccuracy), seconds);
  }
}

package org.spectrolens.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.spectrolens.nn.train.EpochLog;
import org.spectrolens.nn.train.Training;
import org.spectrolens.nn.train.TrainingListener;

/**
 * {@code train}'s console output: a progress bar per epoch (batches, running loss and accuracy) and
 * one line per finished epoch. Closing it closes a bar that a failed epoch left open.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {
  private final PrintStream err;
  private ProgressBar bar;

  TrainingProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void onEpochBegin(Training t, int epoch, int batches) {
    bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, t.config().epochs()))
        .setInitialMax(batches).setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(250).build();
  }

  @Override
  public void onBatch(Training t, Batch b) {
    if (bar == null) return;
    bar.step();
    bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.3f", b.meanLoss(), b.accuracy()));
    if (b.index() + 1 == b.batches()) close(); // the epoch's line follows its validation
  }

  @Override
  public void onEpoch(Training t, EpochLog row) {
    err.printf(Locale.ROOT, "epoch %d/%d: loss %.4f acc %.4f%s (%.1f s)%s%n", row.epoch(), t.config().epochs(), row.trainLoss(),
        row.trainAccuracy(), t.hasValidation() ? String.format(Locale.ROOT, ", val loss %.4f acc %.4f", row.valLoss(), row.valAccuracy()) : "",
        row.seconds(), t.stopRequested() ? "; early stop" : "");
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
    bar = null;
  }
}

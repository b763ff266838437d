package org.spectrolens.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.evaluate.Predictions;
import org.spectrolens.nn.model.TrainedModel;

/**
 * Times a network's predictions on a dataset's test split in-process (reading the cached grids and
 * the forward passes, after a warm-up batch), the figure {@code scripts/bench/hybrid_table.sh} sets
 * beside the hybrid models' featurise-and-predict time. Not a test: timings depend on the machine.
 *
 * <p>Usage: {@code InferenceBench MODEL DS [threads=2]}; prints {@code test_seconds=... items=... accuracy=...}.
 */
public final class InferenceBench {
  private InferenceBench() {}

  public static void main(String[] args) {
    Engines.init(args.length > 2 ? Integer.parseInt(args[2]) : 2);
    CachedDataset ds = CachedDataset.open(Path.of(args[1]));
    try (TrainedModel m = TrainedModel.open(Path.of(args[0]))) {
      List<DatasetItem> test = ds.items("test");
      Evaluator.predict(m, ds, "test", test.subList(0, Math.min(64, test.size()))); // warm-up
      long t0 = System.nanoTime();
      Predictions p = Evaluator.predict(m, ds, "test");
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "test_seconds=%.3f items=%d accuracy=%.4f%n", s, test.size(), p.metrics().accuracy());
    }
  }
}

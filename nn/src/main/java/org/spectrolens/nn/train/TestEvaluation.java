package org.spectrolens.nn.train;

import java.nio.file.Path;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.io.Json;
import org.spectrolens.nn.evaluate.Charts;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.model.TrainedModel;

/**
 * At the end of a run, evaluates the exported model on the dataset's test split (never looked at
 * while training) into {@code metrics.json} and {@code confusion.png}. It reads the model back from
 * its folder, as any later command will, so it must come after {@link ModelExport}.
 */
public final class TestEvaluation implements TrainingListener {
  public static final String METRICS = "metrics.json";
  public static final String CONFUSION = "confusion.png";

  private final Path dir;
  private final CachedDataset ds;
  private Metrics metrics;

  public TestEvaluation(Path dir, CachedDataset ds) {
    this.dir = dir;
    this.ds = ds;
  }

  @Override
  public void onTrainingEnd(Training t) {
    if (ds.items("test").isEmpty()) return;
    try (TrainedModel tm = TrainedModel.open(dir)) {
      metrics = Evaluator.evaluate(tm, ds, "test");
    }
    Json.write(dir.resolve(METRICS), metrics);
    Charts.confusion(dir.resolve(CONFUSION), metrics);
  }

  /** The test split's metrics (null without test items, or before the run ended). */
  public Metrics metrics() {
    return metrics;
  }
}

package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.io.OutputFile;
import org.spectrolens.io.Json;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.evaluate.Charts;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens evaluate}: metrics of a model on a dataset split. */
@Command(name = "evaluate",
    description = {"Evaluate a model on a dataset cache: accuracy, balanced accuracy, per-class precision/recall/F1",
        "and the confusion matrix (rows = true class), as JSON. The dataset may hold other speakers,",
        "but must have the model's front end."})
public final class EvaluateCommand implements Callable<Integer>, Checked {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "DS", description = "Dataset cache directory.")
  Path data;

  @Option(names = "--split", defaultValue = "test", description = "test, train or all (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the metrics here (and the confusion matrix as FILE.png).")
  Path out;

  @Range(min = 1, max = 1024, orZero = true)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--force", description = "Overwrite an input or a file of another kind with --out.")
  boolean force;

  @Override
  public void checkOptions() {
    if (!List.of("test", "train", "all").contains(split)) {
      throw new SpectrolensException("--split", "expected test, train or all, found '" + split + "'");
    }
    if (out != null) {
      OutputFile.check(out, "json", force, model, data);
      OutputFile.check(pngOf(out), "png", force, model, data);
    }
  }

  /** FILE.json's confusion-matrix figure: FILE.png. */
  static Path pngOf(Path json) {
    String name = json.getFileName().toString();
    return json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".png");
  }

  @Override
  public Integer call() {
    Engines.init(threads);
    CachedDataset ds = CachedDataset.open(data);
    try (TrainedModel m = TrainedModel.open(model)) {
      Metrics metrics = Evaluator.evaluate(m, ds, split);
      System.out.println(Json.toString(metrics));
      if (out != null) {
        Json.write(out, metrics);
        Charts.confusion(pngOf(out), metrics);
      }
    }
    return 0;
  }
}

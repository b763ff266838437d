package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Csv;
import org.spectrolens.io.Json;
import org.spectrolens.io.OutputFile;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.evaluate.Charts;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.evaluate.ItemGroups;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.evaluate.Predictions;
import org.spectrolens.nn.hybrid.HybridModel;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.params.Param;
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

  @Option(names = "--split", defaultValue = "test", description = "test, train or all (every item of the dataset: a whole corpus evaluated, whatever its split; "
      + "default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--out", paramLabel = "FILE.json",
      description = "Also write the metrics here, the confusion matrix as FILE.png and predictions.csv beside (id,label,predicted,p_<class>...).")
  Path out;

  @Option(names = "--by", paramLabel = "COLUMN",
      description = {"Also break accuracy and the confusion matrix down per speaker, per group (men, women, children on",
          "the built-in corpus) or per any column of speakers.csv: FILE.by-COLUMN.json/.csv and one FILE.by-COLUMN.<g>.png each."})
  String by;

  @Option(names = "--speakers", paramLabel = "FILE",
      description = "speakers.csv for --by (default: the one beside the dataset's recordings).")
  Path speakers;

  @Param(min = 1, max = 1024, orZero = true)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--force", description = "Overwrite an input or a file of another kind with --out.")
  boolean force;

  @Override
  public void checkOptions() {
    if (!List.of("test", "train", "all").contains(split)) {
      throw new SpectrolensException("--split", "expected test, train or all, found '" + split + "'");
    }
    OptionChecks.isFile(speakers);
    if (out != null) {
      OutputFile.check(out, "json", force, model, data);
      OutputFile.check(pngOf(out), "png", force, model, data);
      OutputFile.check(out.resolveSibling(PREDICTIONS), "csv", force, model, data);
      if (by != null) { // named like --out, not by the user: a user's file of that name (--speakers itself, say) is kept
        String base = stem(out) + ".by-" + by;
        OutputFile.companion(out.resolveSibling(base + ".json"), "json", "evaluate", OutputFile.jsonWithFields("overall", "by", "groups"), force,
            model, data, speakers);
        OutputFile.companion(out.resolveSibling(base + ".csv"), "csv", "evaluate", OutputFile.firstLine(breakdownHeader()), force,
            model, data, speakers);
      }
    }
  }

  /** The per-item predictions written beside --out. */
  static final String PREDICTIONS = "predictions.csv";

  /** FILE.json's confusion-matrix figure: FILE.png. */
  static Path pngOf(Path json) {
    return json.resolveSibling(stem(json) + ".png");
  }

  private static String stem(Path json) {
    String name = json.getFileName().toString();
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  @Override
  public Integer call() {
    Engines.init(threads);
    CachedDataset ds = CachedDataset.open(data);
    if (HybridModel.isHybrid(model)) {
      try (HybridModel m = HybridModel.open(model)) {
        Function<DatasetItem, String> groups = by == null ? null : ItemGroups.by(by, ds, speakers);
        report(m.predict(ds, split), groups);
      }
      return 0;
    }
    try (TrainedModel m = TrainedModel.open(model)) {
      Function<DatasetItem, String> groups = by == null ? null : ItemGroups.by(by, ds, speakers); // fail before the work
      report(Evaluator.predict(m, ds, split), groups);
    }
    return 0;
  }

  /** Prints the metrics (and the breakdown) and writes --out's files. */
  private void report(Predictions predictions, Function<DatasetItem, String> groups) {
    Metrics metrics = predictions.metrics();
    Map<String, Metrics> perGroup = groups == null ? null : predictions.metricsBy(groups);
    System.out.println(Json.toString(perGroup == null ? metrics : new Breakdown(metrics, by, perGroup)));
    if (out != null) {
      Json.write(out, metrics);
      Charts.confusion(pngOf(out), metrics);
      AtomicFiles.writeString(out.resolveSibling(PREDICTIONS), predictions.csv());
      if (perGroup != null) writeBreakdown(new Breakdown(metrics, by, perGroup));
    }
  }

  /** FILE.by-COLUMN.json, FILE.by-COLUMN.csv (group, n, accuracy, balanced accuracy) and a confusion PNG per group. */
  private void writeBreakdown(Breakdown b) {
    String base = stem(out) + ".by-" + by;
    Json.write(out.resolveSibling(base + ".json"), b);
    StringBuilder csv = new StringBuilder(breakdownHeader() + "\n");
    b.groups().forEach((g, gm) -> csv.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f%n", Csv.field(g), gm.n(),
        gm.accuracy(), gm.balancedAccuracy())));
    AtomicFiles.writeString(out.resolveSibling(base + ".csv"), csv.toString());
    b.groups().forEach((g, gm) -> Charts.confusion(out.resolveSibling(base + "." + g.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png"), gm));
  }

  private String breakdownHeader() {
    return Csv.field(by) + ",n,accuracy,balanced_accuracy";
  }

  /** Overall metrics and the same per group of {@code by}. */
  record Breakdown(Metrics overall, String by, Map<String, Metrics> groups) {}
}

package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.explain.Baseline;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.DatasetInputs;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.Method;
import org.spectrolens.explain.Options;
import org.spectrolens.params.ParameterRecords;
import org.spectrolens.judge.MapMaker;
import org.spectrolens.judge.result.JudgeRun;
import org.spectrolens.judge.MethodMaps;
import org.spectrolens.judge.Samples;
import org.spectrolens.judge.Study;
import org.spectrolens.nn.model.TrainedModel;
import picocli.CommandLine.Option;

/** The options the judging commands (faithfulness, sanity, localisation) share. */
final class JudgeOptions {
  @Option(names = "--model", required = true, paramLabel = "M", description = "Model directory.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "DS", description = "Dataset cache directory.")
  Path data;

  @Option(names = "--split", defaultValue = "test", description = "test, train or all (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--methods", split = ",", paramLabel = "LIST", defaultValue = Explainers.THESIS_METHODS,
      description = "Explanation methods (default: the thesis's four, ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--layer", paramLabel = "NAME", description = "Layer of the CAM methods (default: the last convolutional block).")
  String layer;

  @Option(names = "--baseline", defaultValue = "floor", paramLabel = "B",
      description = "What masking replaces the input with (x' = b + m (x - b)): zero, floor, mean, freq-mean or blur (default: ${DEFAULT-VALUE}).")
  String baseline;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the sample, the random map and every random step (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--force", description = "Replace an output folder another command wrote, or write where an input lies.")
  boolean force;

  @Option(names = "--metric-param", paramLabel = "METRIC.NAME=VALUE",
      description = "A metric parameter (repeatable), e.g. my_metric.window=3; the metrics' help lists them.")
  List<String> metricParams = new ArrayList<>();

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  Baseline baseline() {
    return ParameterRecords.choice(Baseline.class, baseline, "--baseline");
  }

  /** The explain options: defaults with this seed and baseline. */
  Options explainOptions() {
    return Options.defaults().withSeed(seed).withBaseline(baseline());
  }

  /** The methods, configured with the default profile (a one-line error for an unknown id). */
  List<Method> methods() {
    List<Method> out = new ArrayList<>();
    for (String m : methods) out.add(Explainers.of(m.trim(), explainOptions().profile(), Map.of()));
    return out;
  }

  /** Inputs the explain engine explains together (parts of a sample judged in parts begin at a multiple). */
  static final int BATCH = 32;

  /** The explain engine for these methods on a network: the predicted class of each input, {@link #BATCH} inputs a batch. */
  BatchExplainer engine(TrainedModel m) {
    return new BatchExplainer(m.network(), methods(), explainOptions(), layer, null, BATCH);
  }

  /**
   * The study of the whole sample: in this process, or (with an engine) in parts on its workers,
   * joined into the same study ({@link Study#merge}).
   */
  Study study(TrainedModel m, DatasetInputs set, Samples sample, JudgeWorker.Setup u, EngineOptions engine, ScaleOut.Job job,
      java.util.function.Consumer<String> progress) {
    ScaleOut scaleOut = engine.scaleOut();
    if (scaleOut == null) {
      return Study.run(m.network(), sample, MethodMaps.of(engine(m), set, progress), u.metrics(), u.judging(), u.truth(), progress);
    }
    return Study.merge(sample, scaleOut.judge(job, sample.n(), BATCH), u.metrics(), u.judging(), u.truth());
  }

  /** One map maker per method for the sanity checks, which re-run a method on changed networks and classes. */
  Map<String, MapMaker> makers() {
    methods();
    Map<String, MapMaker> out = new LinkedHashMap<>();
    for (String m : methods) out.put(m.trim(), MapMaker.method(m.trim(), explainOptions(), layer));
    return out;
  }

  /** The explain engine's loader: {@code samples} items of the split drawn with the seed (all when fewer). */
  DatasetInputs inputs(TrainedModel m, int samples) {
    return DatasetInputs.of(CachedDataset.open(data), m, split, samples, 0, seed);
  }

  /** The inputs as one judged batch. */
  static Samples samples(DatasetInputs set, TrainedModel m) {
    return Samples.of(set, m.config().classes(), m.config().inputShape());
  }

  /** The metric parameters set by {@code --metric-param}, by metric id, then by name. */
  Map<String, Map<String, String>> metricParameters() {
    return ParameterRecords.parseMemberValues(metricParams, "METRIC.NAME=VALUE", "--metric-param");
  }

  /** What was judged, the options block of the result files; each command adds its settings. */
  JudgeRun run(int samples) {
    return JudgeRun.of(model.toString(), data.toString(), split, samples, methods, layer, seed);
  }
}

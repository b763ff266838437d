package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectrolens.explain.DatasetInputs;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.judge.MethodMaps;
import org.spectrolens.explain.Baseline;
import org.spectrolens.judge.CurveReport;
import org.spectrolens.judge.Judging;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.Metric;
import org.spectrolens.judge.metric.MetricRegistry;
import org.spectrolens.judge.RemovalUnits;
import org.spectrolens.judge.Samples;
import org.spectrolens.judge.Study;
import org.spectrolens.judge.result.FaithfulnessResult;
import org.spectrolens.judge.result.JudgeRun;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.params.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spectrolens faithfulness}: how faithful each method's maps are to the model, beside a random and the energy map. */
@Command(name = "faithfulness", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Faithfulness and complexity of each method's maps on a dataset split, each figure also for a random map",
        "(chance) and the energy map (the input itself). Writes DIR/faithfulness.json (per method and reference map: every",
        "metric and seconds; the options), DIR/items.csv (every item's scores: id,label,map,<metric>...) and, when a deletion or insertion metric is asked, DIR/curves.csv",
        "(method,curve,class,fraction,value), DIR/curves.png and DIR/curves-per-class.png (the thesis's Figures 3.5 and 3.6).",
        "Masking is x' = b + m (x - b) with the --baseline b."})
public final class FaithfulnessCommand implements Callable<Integer>, JudgeWorker.Judges {
  @Mixin
  JudgeOptions common;

  @Option(names = "--metrics", split = ",", paramLabel = "LIST", description = "Metrics (default: all listed below).")
  List<String> metrics;

  @Param(min = 1, max = 100_000_000)
  @Option(names = "--samples", defaultValue = "200", paramLabel = "N", description = "Items drawn from the split, seeded (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--grid", defaultValue = "32x32", paramLabel = "G",
      description = "Removal units: RxC cells, full (every input cell), or Hz x ms cells such as 250Hzx20ms (default: ${DEFAULT-VALUE}).")
  String grid;

  @Option(names = "--unit", defaultValue = "cell", paramLabel = "U",
      description = "cell, band (whole frequency bands: the grid's rows or Hz) or frame (whole frames: its columns or ms) (default: ${DEFAULT-VALUE}).")
  String unit;

  @Option(names = "--step", defaultValue = "0.01", paramLabel = "F", description = "Fraction of units per curve step, in (0, 1] (default: ${DEFAULT-VALUE}).")
  double step;

  @Option(names = "--batch-size", defaultValue = "128", paramLabel = "N", description = "Perturbed inputs per forward pass (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Spec
  CommandSpec spec;

  @Override
  public JudgeOptions common() {
    return common;
  }

  @Override
  public int samples() {
    return samples;
  }

  @Override
  public JudgeWorker.Setup setup(TrainedModel m, Samples sample) {
    List<MapMetric> chosen = MetricRegistry.mapMetrics(metrics == null
        ? MetricRegistry.ids().stream().filter(id -> MetricRegistry.of(id) instanceof MapMetric x
            && (x.category() == Metric.Category.FAITHFULNESS || x.category() == Metric.Category.COMPLEXITY)).toList()
        : metrics, common.metricParameters(), Metric.Category.FAITHFULNESS, Metric.Category.COMPLEXITY);
    int[] s = m.config().inputShape();
    Judging judging = Judging.defaults(RemovalUnits.parse(grid, unit, sample.axes(), s[1], s[2]))
        .withStep(step).withBaseline(common.baseline()).withSeed(common.seed).withBatchSize(batchSize);
    return new JudgeWorker.Setup(chosen, judging, null);
  }

  @Override
  public Integer call() {
    Baseline b = common.baseline();
    common.methods();
    Engines.init(common.threads);
    try (TrainedModel m = TrainedModel.open(common.model);
        OutputFolder folder = OutputFolder.create(common.out, "faithfulness", common.force, common.model, common.data)) {
      DatasetInputs set = common.inputs(m, samples);
      Samples sample = JudgeOptions.samples(set, m);
      JudgeWorker.Setup u = setup(m, sample);
      List<MapMetric> chosen = u.metrics();
      Judging judging = u.judging();
      long t0 = System.nanoTime();
      Consumer<String> progress = line -> System.err.println("faithfulness: " + line);
      Study study = common.study(m, set, sample, u, engine, engine.job("faithfulness", spec.commandLine().getParseResult().originalArgs(), null)
          .opened(JudgeWorker.of(this, m, set)),
          progress);
      double seconds = (System.nanoTime() - t0) / 1e9;
      JudgeRun run = common.run(sample.n()).with(judging.describe()).with("explain_options", common.explainOptions().describe())
          .with(metricParameters(chosen));
      FaithfulnessResult result = study.faithfulness(run, new FaithfulnessResult.Speed(seconds, study.metricSeconds(), study.forwardPasses(),
          study.forwardPasses() / study.metricSeconds(), Engines.threads()));
      // everything is computed; the folder is written whole or not at all
      Path out = folder.dir();
      if (CurveReport.needed(chosen)) {
        CurveReport.writeCsv(out.resolve("curves.csv"), study, m.config().classes());
        String title = common.model.getFileName() + " on " + common.data.getFileName() + " (" + sample.n() + " " + common.split + " items, "
            + judging.units().name() + ", baseline " + b.id() + ")";
        CurveReport.writePng(out.resolve("curves.png"), study, title);
        CurveReport.writePerClassPng(out.resolve("curves-per-class.png"), study, m.config().classes(), title);
      }
      result.write(out);
      org.spectrolens.io.AtomicFiles.writeString(out.resolve("items.csv"), String.join("\n", study.itemRows(sample)) + "\n");
      engine.tables("faithfulness", out, "items");
      folder.commit();
      System.out.printf(java.util.Locale.ROOT, "%s%n%d forward passes in %.1f s of metrics (%.0f per second); %.1f s in all%n",
          table(study, chosen), study.forwardPasses(), study.metricSeconds(), study.forwardPasses() / study.metricSeconds(), seconds);
    }
    return 0;
  }

  /** A plain-text table: one row per method and reference map, one column per metric. */
  static String table(Study study, List<? extends Metric> metrics) {
    StringBuilder b = new StringBuilder(String.format("%-16s", "method"));
    for (Metric m : metrics) b.append(String.format(" %s", m.id()));
    b.append('\n');
    for (Study.Entry e : study.all()) {
      b.append(String.format("%-16s", e.name()));
      for (Metric m : metrics) b.append(String.format(java.util.Locale.ROOT, " %" + m.id().length() + ".3f", e.scores().get(m.id())));
      b.append('\n');
    }
    return b.toString().stripTrailing();
  }

  /** The parameters of the chosen metrics that have any, by metric id ({@code metric_parameters}); empty when none has. */
  static Map<String, Object> metricParameters(List<MapMetric> chosen) {
    Map<String, Object> byId = new LinkedHashMap<>();
    for (MapMetric c : chosen) if (!c.parameters().isEmpty()) byId.put(c.id(), c.parameters());
    return byId.isEmpty() ? Map.of() : Map.of("metric_parameters", byId);
  }
}

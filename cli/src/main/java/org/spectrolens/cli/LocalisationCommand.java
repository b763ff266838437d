package org.spectrolens.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.Callable;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.explain.DatasetInputs;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.judge.MethodMaps;
import org.spectrolens.judge.Judging;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.Metric;
import org.spectrolens.judge.metric.MetricRegistry;
import org.spectrolens.judge.RemovalUnits;
import org.spectrolens.judge.Samples;
import org.spectrolens.judge.Study;
import org.spectrolens.judge.Truth;
import org.spectrolens.judge.result.LocalisationResult;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.params.Param;
import org.spectrolens.truth.TruthReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spectrolens localisation}: how well each method's maps agree with where the evidence really is. */
@Command(name = "localisation", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Agreement of each method's maps with truth masks: for vowels the cells within F1, F2 and F3 plus or minus",
        "their bandwidths, for voicing F0 and its harmonics below 700 Hz; from the synthesiser's truth/<id>.csv",
        "(--truth synth) or the project's formant and pitch trackers (--truth tracker); on a synth-scene dataset the event's",
        "ideal binary mask from its stems (--truth synth; docs/scene.md). Writes DIR/localisation.json:",
        "per method and for the random and energy maps every metric, and the chance level of each (the truth region's share);",
      "DIR/items.csv: every item's scores (id,label,map,<metric>...)."})
public final class LocalisationCommand implements Callable<Integer>, Checked, JudgeWorker.Judges {
  @Mixin
  JudgeOptions common;

  @Option(names = "--truth", defaultValue = "synth", paramLabel = "T", description = "synth or tracker (default: ${DEFAULT-VALUE}).")
  String truth;

  @Mixin
  TrackerOptions tracker = new TrackerOptions();

  @Option(names = "--metrics", split = ",", paramLabel = "LIST", description = "Metrics (default: all listed below).")
  List<String> metrics;

  @Param(min = 1, max = 100_000_000)
  @Option(names = "--samples", defaultValue = "200", paramLabel = "N", description = "Items drawn from the split, seeded (default: ${DEFAULT-VALUE}).")
  int samples;

  @Sets(Judging.class)
  @Option(names = "--tolerance-hz", defaultValue = "100", paramLabel = "HZ", description = "Pointing game: tolerance in Hz (default: ${DEFAULT-VALUE}).")
  double toleranceHz;

  @Sets(Judging.class)
  @Option(names = "--tolerance-ms", defaultValue = "10", paramLabel = "MS", description = "Pointing game: tolerance in ms (default: ${DEFAULT-VALUE}).")
  double toleranceMs;

  @Option(names = "--save-maps", description = "Also write the judged maps (maps/<method>.npy [N,H,W], the random and energy maps too),"
      + " the truth masks (truth.npy) and the pointing game's tolerance zones (zone.npy), 1 inside, as float32, in items.csv's order.")
  boolean saveMaps;

  @Override
  public void checkOptions() {
    // the library's ranges (one declaration, in Judging), before the model is read
    org.spectrolens.params.Params.check(Judging.class, "toleranceHz", toleranceHz);
    org.spectrolens.params.Params.check(Judging.class, "toleranceMs", toleranceMs);
  }

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
    List<MapMetric> chosen = MetricRegistry.mapMetrics(metrics == null ? MetricRegistry.ids(Metric.Category.LOCALISATION) : metrics, common.metricParameters(),
        Metric.Category.LOCALISATION);
    int[] s = m.config().inputShape();
    Judging judging = Judging.defaults(RemovalUnits.full(s[1], s[2])).withSeed(common.seed).withTolerance(toleranceHz, toleranceMs);
    return new JudgeWorker.Setup(chosen, judging, Truth.masks(reader(), CachedDataset.open(common.data), sample));
  }

  /** The truth reader: one per run, since it records the tracker settings it used (written to localisation.json). */
  private TruthReader reader() {
    if (reader == null) reader = tracker.reader(truth);
    return reader;
  }

  private TruthReader reader;

  @Override
  public Integer call() {
    TruthReader reader = reader();
    common.methods();
    Engines.init(common.threads);
    CachedDataset ds = CachedDataset.open(common.data);
    Truth.check(reader, ds);
    try (TrainedModel m = TrainedModel.open(common.model);
        OutputFolder folder = OutputFolder.create(common.out, "localisation", common.force, common.model, common.data)) {
      int[] s = m.config().inputShape();
      DatasetInputs set = common.inputs(m, samples);
      Samples sample = JudgeOptions.samples(set, m);
      JudgeWorker.Setup u = setup(m, sample);
      List<MapMetric> chosen = u.metrics();
      boolean[][] masks = u.truth();
      Judging judging = u.judging();
      Consumer<String> progress = line -> System.err.println("localisation: " + line);
      Study study = common.study(m, set, sample, u, engine, engine.job("localisation", spec.commandLine().getParseResult().originalArgs(), null)
          .opened(JudgeWorker.of(this, m, set)),
          progress);
      LocalisationResult result = study.localisation(common.run(sample.n()).with(Truth.settings(reader, ds, masks, judging)).with(FaithfulnessCommand.metricParameters(chosen)));
      result.write(folder.dir());
      org.spectrolens.io.AtomicFiles.writeString(folder.dir().resolve("items.csv"), String.join("\n", study.itemRows(sample)) + "\n");
      if (saveMaps) saveMaps(folder.dir(), study, masks, s[1], s[2]);
      engine.tables("localisation", folder.dir(), "items");
      folder.commit();
      System.out.println(FaithfulnessCommand.table(study, chosen));
      System.out.println("chance           " + result.chance());
      System.out.printf(java.util.Locale.ROOT, "truth region     %.1f%% of the grid%s%n", 100 * result.share(), result.regionTooLarge()
          ? " (more than " + (int) (100 * LocalisationResult.UNDISCRIMINATING_SHARE) + "%: localisation cannot discriminate well; compare with the random and energy rows)" : "");
    }
    return 0;
  }

  /** The maps, masks and zones behind the scores, for a check outside spectrolens (e.g. a Quantus transcription). */
  private static void saveMaps(java.nio.file.Path dir, Study study, boolean[][] masks, int h, int w) {
    java.nio.file.Path maps = dir.resolve("maps");
    try {
      java.nio.file.Files.createDirectories(maps);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (Study.Entry e : study.all()) org.spectrolens.io.Npy.write(maps.resolve(e.name() + ".npy"), stack(e.judged().maps(), h, w));
    Study.Entry any = study.all().get(0);
    org.spectrolens.io.Npy.write(dir.resolve("truth.npy"), stack(floats(masks), h, w));
    if (any.judged().hasTruth()) {
      org.spectrolens.io.Npy.write(dir.resolve("zone.npy"), stack(floats(org.spectrolens.judge.metric.localisation.PointingGame.zones(any.judged())), h, w));
    }
  }

  private static org.spectrolens.io.Npy.Array stack(float[][] maps, int h, int w) {
    float[] all = new float[maps.length * h * w];
    for (int i = 0; i < maps.length; i++) System.arraycopy(maps[i], 0, all, i * h * w, h * w);
    return new org.spectrolens.io.Npy.Array(new int[] {maps.length, h, w}, all);
  }

  private static float[][] floats(boolean[][] masks) {
    float[][] out = new float[masks.length][];
    for (int i = 0; i < masks.length; i++) {
      out[i] = new float[masks[i].length];
      for (int p = 0; p < masks[i].length; p++) out[i][p] = masks[i][p] ? 1 : 0;
    }
    return out;
  }
}

package org.spectrolens.cli;

import org.spectrolens.explain.method.Explainers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.explain.Options;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.io.Json;
import org.spectrolens.monitoring.MixtureStudy;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.params.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens discriminativity}: the monitoring thesis's class discriminativity and visual coherence, measured. */
@Command(name = "discriminativity", mixinStandardHelpOptions = true,
    description = {
      "Mix positive and negative test clips of a synth-scene dataset at --snr, explain both classes on each mixture and",
      "score the share of each class's map on its own source's truth mask (ideal binary mask from the stems) against",
      "the mask's area (chance); visual coherence (Pearson r of each positive-class map with the event's and with the",
      "whole clip's energy); the monitor-beep confounder. Writes DIR/discriminativity.json and DIR/pair-NN.png panels",
      "(Figure 3.11 of the thesis: each source alone, the mixture, and the map for each class). See docs/scene.md."})
public final class DiscriminativityCommand implements Callable<Integer>, Checked {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory (classes positive and negative).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "DS", description = "Dataset built from a synth-scene folder (its test split is used).")
  Path data;

  @Sets(MixtureStudy.Settings.class)
  @Option(names = "--pairs", defaultValue = "" + MixtureStudy.Settings.DEFAULT_PAIRS, paramLabel = "N", description = "Mixtures (default: ${DEFAULT-VALUE}).")
  int pairs;

  @Sets(MixtureStudy.Settings.class)
  @Option(names = "--snr", defaultValue = "0", paramLabel = "DB", description = "Positive clip over negative clip in each mixture, dB (default: ${DEFAULT-VALUE}).")
  double snr;

  @Option(names = "--methods", defaultValue = Explainers.THESIS_METHODS, paramLabel = "LIST",
      description = "Comma-separated method ids (default: the thesis's four, ${DEFAULT-VALUE}); random and energy maps are always added.")
  String methods;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the pairing and of random steps (default: ${DEFAULT-VALUE}).")
  long seed;

  @Sets(MixtureStudy.Settings.class)
  @Option(names = "--figures", defaultValue = "" + MixtureStudy.Settings.DEFAULT_FIGURES, paramLabel = "N", description = "Pairs drawn as panels (default: ${DEFAULT-VALUE}).")
  int figures;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (an output folder: written into DIR.partial, then moved into place).")
  Path out;

  @Option(names = "--force", description = "Replace a folder another spectrolens command wrote.")
  boolean force;

  @Param(min = 1, max = 1024, orZero = true)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  private MixtureStudy.Settings settings() {
    List<String> ids = Arrays.stream(methods.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new MixtureStudy.Settings(pairs, snr, ids, seed, Options.defaults(), figures);
  }

  @Override
  public void checkOptions() {
    MixtureStudy.Settings s = settings();
    for (String m : s.methods()) org.spectrolens.explain.method.Explainers.of(m); // an unknown id is a one-line error now
  }

  @Override
  public Integer call() {
    MixtureStudy.Settings settings = settings();
    Engines.init(threads);
    CachedDataset ds = CachedDataset.open(data);
    MixtureStudy.Report r;
    try (TrainedModel m = TrainedModel.open(model)) {
      MixtureStudy study = new MixtureStudy(m, ds, settings); // the model's classes and the cost of --pairs, before any output
      study.sources(); // unknown methods fail before any work
      try (OutputFolder folder = OutputFolder.create(out, "discriminativity", force, model, data)) {
        r = study.run(folder.dir());
        Json.write(folder.dir().resolve("discriminativity.json"), r);
        folder.commit();
      }
    }
    System.out.printf(Locale.ROOT, "%-16s %10s %10s %10s %10s %10s%n", "method", "own_pos", "own_neg", "chance", "r_event", "r_clip");
    for (Map.Entry<String, MixtureStudy.Share> e : r.discriminativity().entrySet()) {
      MixtureStudy.Coherence c = r.coherence().get(e.getKey());
      System.out.printf(Locale.ROOT, "%-16s %10.3f %10.3f %10.3f %10.3f %10.3f%n", e.getKey(), e.getValue().ownSharePositive(),
          e.getValue().ownShareNegative(), e.getValue().chance(), c.eventEnergyR(), c.clipEnergyR());
    }
    System.out.printf(Locale.ROOT, "%d mixtures at %.1f dB (%.0f%% predicted positive) in %.1f s -> %s%n", r.pairs(), r.snrDb(),
        100 * r.mixturesPredictedPositive(), r.seconds(), out.resolve("discriminativity.json"));
    return 0;
  }
}

package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.Options;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.evaluate.ItemGroups;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.params.Param;
import org.spectrolens.analyze.AcousticReading;
import org.spectrolens.analyze.AnalysisFiles;
import org.spectrolens.analyze.Analyzer;
import org.spectrolens.analyze.Readings.Alignment;
import org.spectrolens.analyze.Readings.MethodReading;
import org.spectrolens.truth.TruthReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spectrolens analyze}: reads a model's explanation maps over a dataset split acoustically. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Read explanation maps acoustically over a dataset split: class-mean maps, band profiles (250 Hz and",
        "named bands), formant and F0 alignment against each item's truth (1 = chance), confusion against map overlap",
        "(Spearman, permutation p), band profiles per speaker group. Each item is explained for its predicted class by the",
        "batch engine; maps are grouped by the true class. Writes DIR/analysis.json, CSVs, class_means/*.npy, PNGs."})
final class AnalyzeCommand implements Callable<Integer>, Checked {
  @Override
  public void checkOptions() {
    // the library's ranges (band_hz is explain's, permutations the reading's), before any work
    org.spectrolens.params.Params.check(org.spectrolens.explain.ExplainWorkflow.Outputs.class, "bandHz", bandHz);
    org.spectrolens.params.Params.check(org.spectrolens.analyze.Analyzer.Settings.class, "permutations", permutations);
    OptionChecks.isFile(speakers); // a missing table named by the user is an error, not "no speaker groups"
  }

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "DS", description = "Dataset cache (the model's front end).")
  Path data;

  @Option(names = "--split", defaultValue = "test", description = "test, train or all (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--per-class", defaultValue = "0", paramLabel = "N",
      description = "At most N items of each class, drawn with --seed (default: ${DEFAULT-VALUE} = all).")
  int perClass;

  @Option(names = "--methods", split = ",", paramLabel = "LIST",
      defaultValue = "gradcam,gradcam++,layercam,faster-scorecam,saliency,smoothgrad",
      description = "Explanation methods (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--layer", paramLabel = "NAME", description = "Layer of the CAM methods (default: the last convolutional block).")
  String layer;

  @Option(names = "--truth", defaultValue = "synth", paramLabel = "SOURCE",
      description = "Formants and F0: synth (the synthesiser's truth/<id>.csv) or tracker (our Burg and autocorrelation "
          + "trackers on the audio) (default: ${DEFAULT-VALUE}).")
  String truth;

  @Mixin
  TrackerOptions tracker = new TrackerOptions();

  @Sets(org.spectrolens.explain.ExplainWorkflow.Outputs.class)
  @Option(names = "--band-hz", defaultValue = "250", paramLabel = "HZ", description = "Width of the bands (default: ${DEFAULT-VALUE}).")
  double bandHz;

  @Option(names = "--by", paramLabel = "COLUMN",
      description = "Speaker groups of the group band profiles: group, speaker or a speakers.csv column "
          + "(default: group where speakers.csv has one; 'none' for no groups).")
  String by;

  @Option(names = "--speakers", paramLabel = "FILE", description = "speakers.csv (default: the one beside the recordings).")
  Path speakers;

  @Sets(org.spectrolens.analyze.Analyzer.Settings.class)
  @Option(names = "--permutations", defaultValue = "10000", paramLabel = "N",
      description = "Permutations of the Spearman test (default: ${DEFAULT-VALUE}).")
  int permutations;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of every random step (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch", defaultValue = "" + Analyzer.DEFAULT_BATCH, paramLabel = "N",
      description = "Items explained together (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--force", description = "Replace an output another command wrote.")
  boolean force;

  @Param(min = 1, max = 1024, orZero = true)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced when complete).")
  Path out;

  @Override
  public Integer call() {
    TruthReader reader = tracker.reader(truth);
    CachedDataset ds = CachedDataset.open(data);
    Function<DatasetItem, String> groups = groups(ds);
    Analyzer.Settings settings = new Analyzer.Settings(methods, split, perClass, reader, bandHz, groups,
        Options.defaults().withSeed(seed), batch, permutations, layer);
    Engines.init(threads);
    try (TrainedModel m = TrainedModel.open(model);
        OutputFolder folder = OutputFolder.create(out, "analyze", force, model, data)) {
      reader.check(ds); // a dataset without truth fails before the work
      AcousticReading a = Analyzer.run(m, ds, settings, line -> System.err.println("analyze: " + line));
      AnalysisFiles.write(folder.dir(), a, ds.info().frequencyAxis(), ds.info().spec());
      folder.commit();
      summary(a);
    }
    return 0;
  }

  private Function<DatasetItem, String> groups(CachedDataset ds) {
    if ("none".equals(by)) return null;
    if (by != null) return ItemGroups.by(by, ds, speakers);
    try {
      return ItemGroups.by("group", ds, speakers);
    } catch (SpectrolensException e) {
      System.err.println("analyze: no speaker groups (" + ParameterFlags.mentions(e.problem()) + ")");
      return null;
    }
  }

  private void summary(AcousticReading a) {
    System.out.printf(Locale.ROOT, "%s on %s (%s, %d items, accuracy %.3f, truth %s) in %.1f s -> %s%n", a.model(), a.task(),
        a.split(), a.items(), a.accuracy(), a.truth(), a.seconds(), out);
    System.out.println("method            formants  F1     F2     F3     F0+harm  rho(overlap,confusion)  p");
    for (MethodReading r : a.methods().values()) {
      Alignment x = r.alignment().get("all");
      System.out.printf(Locale.ROOT, "%-17s %7.2f %6.2f %6.2f %6.2f %8.2f  %8.2f %14.4f%n", r.method(), x.formants(), x.f1(), x.f2(),
          x.f3(), x.harmonics(), r.confusionOverlap().spearman(), r.confusionOverlap().permutationP());
    }
    for (String note : a.notes()) System.out.println("note: " + note);
  }
}

package org.spectrolens.cli;

import org.spectrolens.SpectrolensException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.judge.LayerStep;
import org.spectrolens.judge.MapMaker;
import org.spectrolens.judge.Samples;
import org.spectrolens.judge.metric.Sanity;
import org.spectrolens.judge.Similarity;
import org.spectrolens.judge.result.JudgeRun;
import org.spectrolens.judge.result.SanityResult;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.params.Param;
import org.spectrolens.render.OverlayImage;
import org.spectrolens.render.PanelFigure;
import org.spectrolens.spectrogram.Spectrogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spectrolens sanity}: do the maps depend on what the model learnt (Adebayo et al. 2018)? */
@Command(name = "sanity", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Sanity checks of each method: cascading and independent parameter randomisation (Spearman of the absolute",
        "maps and SSIM to the trained model's maps per layer), the random-logit test and, with --shuffled-model, data",
        "randomisation. A method passes when, with every layer re-initialised, both similarities are below 0.5 (and",
        "below 0.5 against the shuffled-label model). Writes DIR/sanity.json and DIR/sanity.png (the first item's",
        "maps as the layers are randomised, one row per method); the energy map is judged beside the methods."})
public final class SanityCommand implements Callable<Integer> {
  @Mixin
  JudgeOptions common;

  @Param(min = 1, max = 100_000_000)
  @Option(names = "--samples", defaultValue = "50", paramLabel = "N", description = "Items drawn from the split, seeded (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--shuffled-model", paramLabel = "M", description = "A model trained with 'train --shuffle-labels' for data randomisation.")
  Path shuffledModel;

  @Override
  public Integer call() {
    Map<String, MapMaker> makers = new LinkedHashMap<>(common.makers());
    makers.put("energy", org.spectrolens.judge.ReferenceMaps.energyMaker());
    Engines.init(common.threads);
    CachedDataset ds = CachedDataset.open(common.data);
    Path[] read = shuffledModel == null ? new Path[] {common.model, common.data} : new Path[] {common.model, common.data, shuffledModel};
    try (TrainedModel m = TrainedModel.open(common.model);
        TrainedModel shuffled = shuffledModel == null ? null : openMatching(shuffledModel, m);
        OutputFolder folder = OutputFolder.create(common.out, "sanity", common.force, read)) {
      Samples sample = JudgeOptions.samples(common.inputs(m, samples), m);
      float[][] logits = m.logits(sample.inputs(), sample.n());
      int[] targets = new int[sample.n()];
      for (int i = 0; i < targets.length; i++) targets[i] = TrainedModel.argmax(logits[i]);
      Map<String, SanityResult.Checks> methods = new LinkedHashMap<>();
      List<String> failing = new ArrayList<>();
      List<PanelFigure.Panel> panels = new ArrayList<>();
      Spectrogram first = ds.spectrogram(sample.items().get(0));
      int columns = 0;
      for (Map.Entry<String, MapMaker> e : makers.entrySet()) {
        long t0 = System.nanoTime();
        Sanity s = Sanity.check(m.network(), e.getValue(), sample.inputs(), sample.n(), targets,
            shuffled == null ? null : shuffled.network(), common.seed);
        methods.put(e.getKey(), s.result((System.nanoTime() - t0) / 1e9));
        if (!s.passes()) failing.add(e.getKey());
        float[] trained = e.getValue().maps(m.network(), sample.input(0), 1, new int[] {targets[0]})[0];
        panels.add(panel(first, trained, e.getKey() + ": trained"));
        for (LayerStep step : s.cascading()) panels.add(panel(first, step.example(), "up to " + step.layer()));
        columns = 1 + s.cascading().size();
        Similarity.Mean lastStep = last(s).similarity();
        System.out.printf(java.util.Locale.ROOT, "%-16s %s (last step: Spearman %.3f%s, SSIM %.3f; random logit SSIM %.3f)%n", e.getKey(),
            s.passes() ? "passes" : "FAILS " + s.failures(), lastStep.spearman(),
            lastStep.spearmanPartial() ? String.format(" on %d of %d items, the other maps constant", lastStep.spearmanItems(), lastStep.items()) : "",
            lastStep.ssim(), s.randomLogitSsim());
      }
      JudgeRun run = common.run(sample.n()).with(Sanity.settings(shuffledModel == null ? null : shuffledModel.toString()));
      PanelFigure.defaults().withColumns(columns).withFontSize(12f).withTitle("Cascading randomisation, " + sample.items().get(0).id()
          + " (from the output layer down)").write(panels, folder.dir().resolve("sanity.png"));
      new SanityResult(methods, failing, run).write(folder.dir());
      folder.commit();
    }
    return 0;
  }

  private static LayerStep last(Sanity s) {
    return s.cascading().get(s.cascading().size() - 1);
  }

  private static PanelFigure.Panel panel(Spectrogram g, float[] map, String title) {
    int h = g.values().length;
    int w = g.values()[0].length;
    float[][] grid = new float[h][w];
    for (int y = 0; y < h; y++) System.arraycopy(map, y * w, grid[y], 0, w);
    return PanelFigure.Panel.of(OverlayImage.defaults().withTitle(title).render(g, grid), "");
  }


  /**
   * The shuffled-label model, refused unless it takes the model's inputs and classes: the data randomisation test
   * compares their maps input by input, so another model's could only fail deep in the engine.
   */
  private TrainedModel openMatching(Path dir, TrainedModel m) {
    TrainedModel shuffled = TrainedModel.open(dir);
    String want = Arrays.toString(m.network().inputShape()) + " " + m.config().classes();
    String got = Arrays.toString(shuffled.network().inputShape()) + " " + shuffled.config().classes();
    if (!want.equals(got)) {
      shuffled.close();
      throw new SpectrolensException(dir.toString(), "takes inputs " + got + ", but the model (" + common.model + ") takes " + want
          + "; train the shuffled-label model on the same dataset (train --shuffle-labels --data DS)");
    }
    return shuffled;
  }
}

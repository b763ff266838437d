package org.spectrolens.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.corpus.Split;
import org.spectrolens.corpus.Task;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetRecipe;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.explain.Options;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TrainConfig;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.nn.train.Trainer;
import org.spectrolens.scene.SceneCorpus;
import org.spectrolens.scene.ThesisRecipe;

/** The whole study on a tiny scene: an oracle map scores 1 on discriminativity, a random one scores chance. */
class MixtureStudyTest {
  @TempDir Path tmp;

  /** The map is the target's own truth mask. */
  static MapSource oracle() {
    return new MapSource() {
      @Override
      public String id() {
        return "oracle";
      }

      @Override
      public float[][][] maps(Network net, float[] inputs, int n, int target, boolean[][][] truth) {
        float[][][] out = new float[n][][];
        for (int i = 0; i < n; i++) {
          out[i] = new float[truth[i].length][truth[i][0].length];
          for (int r = 0; r < truth[i].length; r++) for (int c = 0; c < truth[i][r].length; c++) out[i][r][c] = truth[i][r][c] ? 1 : 0;
        }
        return out;
      }
    };
  }

  @Test
  void anOracleScoresOneAndARandomMapScoresChance() throws Exception {
    Path scene = tmp.resolve("scene");
    new SceneCorpus(4, 24, 16000, 0, 15).write(scene, d -> {});
    InputFormat format = new InputFormat(ThesisRecipe.spec(), 0, Double.NaN, 32, 32);
    DatasetRecipe recipe = new DatasetRecipe(scene, null, null, Task.CHUNKS, null, null, 0, 0.03, 0, 1.0, 1.0, true,
        new Split(false, 0.5, 0, 0, 0), format);
    CachedDataset ds = recipe.build(tmp.resolve("ds"), recipe.builder().threads(1)).dataset();
    TrainConfig cfg = new TrainConfig("smallcnn", 1, 8, 1e-3, 0, "constant", 10, 0.1, false, 0, 0, 0, null, 0, 0, 1, 1, null, false, 1, false);
    Trainer.train(ds, cfg, tmp.resolve("model"), false, false);
    try (TrainedModel model = TrainedModel.open(tmp.resolve("model"))) {
      MixtureStudy study = new MixtureStudy(model, ds, new MixtureStudy.Settings(8, 0, List.of("gradcam"), 5, Options.defaults(), 1));
      Path figures = Files.createDirectories(tmp.resolve("fig"));
      MixtureStudy.Report r = study.run(List.of(oracle(), MapSource.random(5), MapSource.method("gradcam", Options.defaults())), figures);
      MixtureStudy.Share o = r.discriminativity().get("oracle");
      assertEquals(1.0, o.ownSharePositive(), 1e-9);
      assertEquals(1.0, o.ownShareNegative(), 1e-9);
      assertEquals(0.0, o.crossSharePositive(), 1e-9, "the two classes' masks never share a cell");
      MixtureStudy.Share rnd = r.discriminativity().get("random");
      assertEquals(rnd.chancePositive(), rnd.ownSharePositive(), 0.02);
      assertEquals(rnd.chanceNegative(), rnd.ownShareNegative(), 0.03);
      assertTrue(rnd.chancePositive() > 0.01 && rnd.chancePositive() < 0.9, "a mask is neither empty nor everything: " + rnd.chancePositive());
      assertTrue(o.pairsPositive() >= 6 && o.pairsNegative() >= 6, "few masks are empty at 0 dB");
      MixtureStudy.Coherence energyless = r.coherence().get("random");
      assertEquals(0.0, energyless.eventEnergyR(), 0.1, "a random map follows no energy");
      assertEquals("pair-01.png", r.figures().get(0));
      assertTrue(Files.size(figures.resolve("pair-01.png")) > 10_000);

      // cost and range, before any work: more mixtures than distinct pairs, an SNR that drowns a class in every mixture
      long p = ds.items().stream().filter(i -> i.split().equals("test") && i.label().equals("positive")).count();
      long q = ds.items().stream().filter(i -> i.split().equals("test") && i.label().equals("negative")).count();
      SpectrolensException many = assertThrows(SpectrolensException.class, () -> new MixtureStudy(model, ds,
          new MixtureStudy.Settings((int) (p * q + 1), 0, List.of("gradcam"), 5, Options.defaults(), 0)));
      assertEquals("pairs", many.parameter());
      assertEquals((p * q + 1) + " mixtures (each explained 6 times: both classes, 3 map sources), but the test split's " + p + " positive and "
          + q + " negative clips make only " + (p * q) + " different pairs; at most " + (p * q), many.problem());
      new MixtureStudy(model, ds, new MixtureStudy.Settings((int) (p * q), 0, List.of("gradcam"), 5, Options.defaults(), 0)); // the bound itself
      SpectrolensException loud = assertThrows(SpectrolensException.class, () -> new MixtureStudy(model, ds,
          new MixtureStudy.Settings(4, 60, List.of("gradcam"), 5, Options.defaults(), 0)).run(List.of(MapSource.random(5)), null));
      assertEquals("snr_db", loud.parameter());
      assertTrue(loud.problem().startsWith("at 60 dB the negative clips' events are drowned in all 4 mixtures"), loud.problem());
      assertThrows(SpectrolensException.class, () -> new MixtureStudy.Settings(4, 1000, List.of("gradcam"), 5, Options.defaults(), 0));
    }
  }
}

package org.spectrolens.nn.hybrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetWriter;
import org.spectrolens.nn.TinyDatasets;
import org.spectrolens.nn.embed.Embeddings;
import org.spectrolens.nn.evaluate.Predictions;
import org.spectrolens.nn.model.TrainConfig;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.nn.train.Trainer;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Hybrid models on a tiny corpus of real audio: "low" items are a 300 Hz tone, "high" ones a
 * 2500 Hz tone (each with noise and a random level), 3 speakers of which the last is the test
 * split; the cached grids light a low or a high band. Both the MFCC statistics and a small CNN's
 * embeddings separate them perfectly, so every classifier must score 1 on the test speaker.
 */
class HybridModelTest {
  @TempDir static Path dir;
  static CachedDataset ds;
  static Path cnn;

  @BeforeAll
  static void data() {
    DatasetWriter w = new DatasetWriter(dir.resolve("ds"));
    SplittableRandom r = new SplittableRandom(11);
    for (int s = 0; s < 3; s++) {
      for (String label : List.of("low", "high")) {
        for (int j = 0; j < 6; j++) {
          float[] x = new float[3200];
          double f = label.equals("low") ? 300 : 2500;
          double a = 0.1 + 0.3 * r.nextDouble();
          for (int i = 0; i < x.length; i++) x[i] = (float) (a * Math.sin(2 * Math.PI * f * i / 16000.0) + 0.01 * r.nextGaussian());
          Path wav = dir.resolve("s" + s + "-" + label + j + ".wav");
          WavWriter.writePcm16(wav, new Clip(x, 16000));
          float[][] g = new float[16][16];
          for (int y = 0; y < 16; y++) {
            for (int t = 0; t < 16; t++) g[y][t] = (float) (-60 + 3 * r.nextGaussian() + (label.equals("low") == y < 5 ? 25 : 0));
          }
          w.add(new DatasetItem("s" + s + "-" + label + j, wav.toString(), 0, 0.2, label, "s" + s, s == 2 ? "test" : "train", -1,
              "", 0, 0.0125), g);
        }
      }
    }
    ds = w.finish(new DatasetInfo(DatasetInfo.FORMAT, "tones", "test", List.of("low", "high"), SpectrogramSpec.torchaudio(),
        0, 4000, 16, 16, "linear", 0, 4000.0 / 15, "speaker", 1, 1.0 / 3), Map.of());
    cnn = dir.resolve("cnn");
    Trainer.train(ds, new TrainConfig("smallcnn", 3, 8, 1e-3, 0, "constant", 10, 0.1, false, 0, 0, 0, null, 0, 0, 7, 1, null, false, 0, false),
        cnn, false, false);
  }

  @Test
  void everyClassifierSeparatesTonesByTheirMfccs() throws Exception {
    for (String c : Classifiers.ids()) {
      Path out = dir.resolve("mfcc-" + c);
      HybridTrainer.Outcome o = HybridTrainer.train(ds, "hybrid:" + c, FeatureChoice.parse("mfcc"), 1, out, false);
      assertEquals(1.0, o.metrics().accuracy(), c);
      assertEquals(40, o.config().columns().size());
      for (String f : List.of("hybrid.json", "model.tribuo", "metrics.json", "confusion.png", "timing.json")) {
        assertTrue(Files.isRegularFile(out.resolve(f)), c + ": " + f);
      }
      try (HybridModel m = HybridModel.open(out)) {
        Predictions p = m.predict(ds, "test");
        assertEquals(1.0, p.metrics().accuracy(), c + " reopened");
        // a clip read from its file gives the same probabilities as the dataset item
        DatasetItem first = ds.items("test").get(0);
        Clip clip = AudioFile.read(Path.of(first.source()), first.start(), first.end());
        assertArrayEquals(p.probabilities()[0], m.predict(clip), 1e-9, c);
        double sum = 0;
        for (double v : p.probabilities()[0]) sum += v;
        assertEquals(1.0, sum, 1e-9);
      }
    }
  }

  @Test
  void embeddingsAreThePenultimateLayer() {
    try (TrainedModel m = TrainedModel.open(cnn)) {
      assertEquals("fc2", Embeddings.layer(m.network()));
      List<DatasetItem> items = ds.items("test");
      float[][] e = Embeddings.of(m, ds, items);
      assertEquals(100, e[0].length);
      // the logits are fc applied to the embedding: logit_k = sum_j W[k][j] e[j] + b[k]
      float[] w = m.network().tensors().get("fc.weight").toFloatArray();
      float[] b = m.network().tensors().get("fc.bias").toFloatArray();
      float[][] logits = m.logits(m.input(ds.load(items.get(0))), 1);
      for (int k = 0; k < 2; k++) {
        double v = b[k];
        for (int j = 0; j < 100; j++) v += w[k * 100 + j] * e[0][j];
        assertEquals(logits[0][k], v, 1e-4);
      }
    }
  }

  @Test
  void classifiersOnEmbeddingsAndFeatures() {
    HybridTrainer.Outcome both = HybridTrainer.train(ds, "hybrid:knn", FeatureChoice.parse("embeddings:" + cnn + ",mfcc"), 1,
        dir.resolve("both"), false);
    assertEquals(140, both.config().columns().size(), "100 embedding values, then 40 MFCC statistics");
    assertEquals("emb0", both.config().columns().get(0));
    assertEquals("mfcc_0_mean", both.config().columns().get(100));
    assertEquals("fc2", both.config().embeddingLayer());
    assertEquals(1.0, both.metrics().accuracy());
    assertTrue(Files.isRegularFile(dir.resolve("both/embedder/config.json")), "the network is copied into the folder");
    try (HybridModel m = HybridModel.open(dir.resolve("both"))) {
      assertEquals(1.0, m.predict(ds, "all").metrics().accuracy());
    }
  }

  @Test
  void refusesEmbeddingsOfAnotherFrontEndAndUnknownNames() {
    CachedDataset other = TinyDatasets.build(dir.resolve("other"), "wide", List.of("low", "high"), 3, 2, 1, 16, 32, 3);
    Path out = dir.resolve("bad");
    var e = assertThrows(SpectrolensException.class,
        () -> HybridTrainer.train(other, "hybrid:svm", FeatureChoice.parse("embeddings:" + cnn), 1, out, false));
    assertTrue(e.getMessage().startsWith(other.dir() + ": front end differs"), e.getMessage());
    assertTrue(!Files.exists(out), "nothing written");
    Path knn = dir.resolve("knn-for-refusal");
    HybridTrainer.train(ds, "hybrid:knn", FeatureChoice.parse("mfcc"), 1, knn, false);
    assertTrue(assertThrows(SpectrolensException.class, () -> TrainedModel.open(knn)).getMessage()
        .contains("a hybrid model (hybrid.json) has no network"), "explain and kin say what the folder is");
    assertTrue(assertThrows(SpectrolensException.class, () -> Classifiers.of("hybrid:tree")).getMessage()
        .contains("unknown classifier 'tree'"));
    assertTrue(assertThrows(SpectrolensException.class, () -> FeatureChoice.parse("mfcc,loudness")).getMessage()
        .contains("unknown feature 'loudness'"));
  }
}

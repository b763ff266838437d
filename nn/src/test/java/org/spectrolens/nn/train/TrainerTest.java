package org.spectrolens.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.io.Json;
import org.spectrolens.nn.TinyDatasets;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.model.TrainConfig;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.nn.weights.SafeTensors;
import org.spectrolens.nn.weights.Tensor;
import org.spectrolens.spectrogram.SpectrogramSpec;

class TrainerTest {
  @TempDir static Path dir;
  static CachedDataset ds;

  @BeforeAll
  static void data() {
    // 6 speakers x 3 classes x 3 items of 16x16; speakers s4, s5 are the test split
    ds = TinyDatasets.build(dir.resolve("ds"), "tiny", TinyDatasets.vowels(), 6, 3, 2, 16, 16, 5);
  }

  static TrainConfig config(int epochs) {
    return new TrainConfig("smallcnn", epochs, 8, 1e-3, 1e-4, "cosine", 10, 0.1, true, 0, 0, 0, null, 0, 0.25, 7, 1, null, false, 0, false);
  }

  @Test
  void trainsAModelDirectoryAndEvaluatesIt() throws Exception {
    Path out = dir.resolve("m1");
    Trainer.Outcome o = Trainer.train(ds, config(4), out, false, false);
    for (String f : List.of("config.json", "metrics.json", "model.safetensors", "train_log.csv", "curves.png", "confusion.png",
        "checkpoint.safetensors")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    JsonNode cfg = Json.MAPPER.readTree(out.resolve("config.json").toFile());
    assertEquals("[1,16,16]", cfg.get("input_shape").toString());
    assertEquals("[\"i\",\"ae\",\"u\"]", cfg.get("classes").toString());
    assertEquals(16, cfg.get("dataset").get("height").asInt());
    assertEquals("tiny", cfg.get("dataset_id").asText());
    assertEquals("speaker", cfg.get("split").get("validation_by").asText());
    // 4 training speakers, a quarter held out: one speaker, none of them a test speaker
    assertEquals(1, cfg.get("split").get("validation_ids").size());
    assertEquals(27, cfg.get("split").get("train_items").asInt());
    assertEquals(9, cfg.get("split").get("validation_items").asInt());
    JsonNode m = Json.MAPPER.readTree(out.resolve("metrics.json").toFile());
    assertEquals(18, m.get("n").asInt());
    assertEquals(3, m.get("confusion_matrix").size());
    assertTrue(m.get("per_class").get("ae").has("f1"));
    assertEquals(5, Files.readAllLines(out.resolve("train_log.csv")).size());
    assertTrue(o.metrics().accuracy() >= 0.9, "a band per class is easy: " + o.metrics().accuracy());

    // evaluating on other speakers with the same front end works; another front end is refused
    CachedDataset other = TinyDatasets.build(dir.resolve("other"), "other", TinyDatasets.vowels(), 2, 3, 2, 16, 16, 99);
    try (TrainedModel tm = TrainedModel.open(out)) {
      Metrics mo = Evaluator.evaluate(tm, other, "test");
      assertEquals(18, mo.n());
      assertTrue(mo.accuracy() >= 0.8, "other speakers: " + mo.accuracy());
      SpectrogramSpec librosa = SpectrogramSpec.librosa();
      CachedDataset differs = TinyDatasets.build(dir.resolve("differs"), "differs", TinyDatasets.vowels(), 2, 1, 2, 16, 16, 3, librosa);
      SpectrolensException e = assertThrows(SpectrolensException.class, () -> Evaluator.evaluate(tm, differs, "test"));
      assertTrue(e.getMessage().contains("front end differs"), e.getMessage());
    }
    // a second run into the same directory must not overwrite it silently
    assertThrows(SpectrolensException.class, () -> Trainer.train(ds, config(1), out, false, false));
  }

  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void resumeAfterACrashGivesTheSameWeightsAsAnUninterruptedRun() {
    Path whole = dir.resolve("whole");
    Trainer.Outcome a = Trainer.train(ds, config(3), whole, false, false);
    Path crashed = dir.resolve("crashed");
    // dies in the middle of epoch 2 (after its second batch), as a kill would: epoch 1's checkpoint is all that is left
    assertThrows(Crash.class, () -> Trainer.train(ds, config(3), crashed, false, false, new TrainingListener() {
      @Override
      public void onBatch(Training t, Batch b) {
        if (b.epoch() == 1 && b.index() == 1) throw new Crash();
      }
    }));
    assertFalse(Files.exists(crashed.resolve("config.json")));
    Trainer.Outcome b = Trainer.train(ds, config(3), crashed, true, false);
    Map<String, Tensor> wa = SafeTensors.read(whole.resolve("model.safetensors"));
    Map<String, Tensor> wb = SafeTensors.read(crashed.resolve("model.safetensors"));
    assertEquals(wa.keySet(), wb.keySet());
    for (String n : wa.keySet()) {
      if (wa.get(n).isFloat()) assertArrayEquals(wa.get(n).floats(), wb.get(n).floats(), n);
      else assertArrayEquals(wa.get(n).longs(), wb.get(n).longs(), n);
    }
    for (int e = 0; e < 3; e++) {
      assertEquals(a.log().get(e).trainLoss(), b.log().get(e).trainLoss(), 0.0);
      assertEquals(a.log().get(e).valLoss(), b.log().get(e).valLoss(), 0.0);
    }
    // the final checkpoints (network, Adam moments, state) agree too
    Map<String, Tensor> ca = SafeTensors.read(whole.resolve("checkpoint.safetensors"));
    Map<String, Tensor> cb = SafeTensors.read(crashed.resolve("checkpoint.safetensors"));
    for (String n : ca.keySet()) {
      if (ca.get(n).isFloat()) assertArrayEquals(ca.get(n).floats(), cb.get(n).floats(), n);
    }
  }

  @Test
  void noiseEqualisationAndGainTrainOnDecibelsAndAreRecorded() throws Exception {
    TrainConfig base = config(1);
    TrainConfig noisy = new TrainConfig("smallcnn", 1, 8, 1e-3, 1e-4, "cosine", 10, 0.1, true, 0, 6, 8, 5.0, 0, 0.25, 7, 1, null, false, 0,
        false);
    // the tiny dataset's values are power (torchaudio: dB off): noise cannot be added in dB there
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> Trainer.train(ds, noisy, dir.resolve("lin"), false, false));
    assertTrue(e.getMessage().contains("needs values in dB"), e.getMessage());
    CachedDataset db = TinyDatasets.build(dir.resolve("db"), "db", TinyDatasets.vowels(), 6, 3, 2, 16, 16, 5,
        SpectrogramSpec.torchaudio().withDb(true, Double.NaN));
    Path out = dir.resolve("noisy");
    Trainer.train(db, noisy, out, false, false);
    JsonNode training = Json.MAPPER.readTree(out.resolve("config.json").toFile()).get("training");
    assertEquals(6, training.get("eq").asDouble(), 0);
    assertEquals(8, training.get("gain").asDouble(), 0);
    assertEquals(5, training.get("noise_snr").asDouble(), 0);
    // without noise, the field is left out (and earlier models, which lack it, read as none)
    Trainer.train(db, base, dir.resolve("plain"), false, false);
    assertFalse(Json.MAPPER.readTree(dir.resolve("plain/config.json").toFile()).get("training").has("noise_snr"));
  }
}

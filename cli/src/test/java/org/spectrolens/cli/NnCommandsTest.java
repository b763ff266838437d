package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetWriter;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** train, evaluate, predict and export through the command line, on a tiny two-class dataset. */
class NnCommandsTest {
  @TempDir Path dir;

  private Path dataset() {
    DatasetWriter w = new DatasetWriter(dir.resolve("ds"));
    SplittableRandom r = new SplittableRandom(3);
    for (int s = 0; s < 4; s++) {
      for (String label : List.of("voiced", "unvoiced")) {
        for (int j = 0; j < 4; j++) {
          float[][] g = new float[16][16];
          for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
              boolean low = y < 5;
              g[y][x] = (float) (-60 + 3 * r.nextGaussian() + (label.equals("voiced") == low ? 25 : 0));
            }
          }
          w.add(new DatasetItem("s" + s + "-" + label + j, "s" + s + ".wav", j, j + 0.1, label, "s" + s,
              s == 3 ? "test" : "train", -1, "", j, 0.01), g);
        }
      }
    }
    w.finish(new DatasetInfo(DatasetInfo.FORMAT, "tiny2", "voicing", List.of("voiced", "unvoiced"), SpectrogramSpec.torchaudio(),
        0, 4000, 16, 16, "linear", 0, 4000.0 / 15, "speaker", 1, 0.25), Map.of());
    return dir.resolve("ds");
  }

  private String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.run(args), String.join(" ", args));
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void trainEvaluatePredictExport() throws Exception {
    Path ds = dataset();
    Path model = dir.resolve("model");
    String out = run("train", "--data", ds.toString(), "--model", "smallcnn", "--out", model.toString(), "--epochs", "3",
        "--batch", "8", "--lr", "1e-3", "--quiet", "--seed", "2");
    assertTrue(out.contains("test: accuracy"), out);
    JsonNode metrics = Json.MAPPER.readTree(model.resolve("metrics.json").toFile());
    for (String key : List.of("classes", "accuracy", "balanced_accuracy", "per_class", "confusion_matrix")) assertTrue(metrics.has(key), key);

    Path evalJson = dir.resolve("eval.json");
    String printed = run("evaluate", "--model", model.toString(), "--data", ds.toString(), "--split", "all", "--out", evalJson.toString());
    assertEquals(32, Json.MAPPER.readTree(printed).get("n").asInt());
    assertEquals(32, Json.MAPPER.readTree(evalJson.toFile()).get("n").asInt());
    assertTrue(Files.isRegularFile(dir.resolve("eval.png")));

    // a grid [H,W] as in the cache and the same item as the exact input tensor [1,H,W] give one answer
    Path grid = ds.resolve("items/s3-voiced0.npy");
    JsonNode cfg = Json.MAPPER.readTree(model.resolve("config.json").toFile());
    double mean = cfg.get("normalization").get("mean").asDouble();
    double std = cfg.get("normalization").get("std").asDouble();
    float[] g = Npy.read(grid).data();
    float[] x = new float[g.length];
    for (int i = 0; i < g.length; i++) x[i] = (float) ((g[i] - mean) / std);
    Path tensor = dir.resolve("x.npy");
    Npy.write(tensor, new Npy.Array(new int[] {1, 16, 16}, x));
    String lines = run("predict", "--model", model.toString(), grid.toString(), tensor.toString());
    List<String> ls = lines.lines().toList();
    assertEquals(2, ls.size(), lines);
    assertEquals(ls.get(0).split("\t", 2)[1], ls.get(1).split("\t", 2)[1]);
    String js = run("predict", "--model", model.toString(), "--json", tensor.toString());
    JsonNode p = Json.MAPPER.readTree(js.lines().findFirst().orElseThrow());
    assertEquals(2, p.get("logits").size());
    assertEquals(1.0, p.get("probabilities").get(0).asDouble() + p.get("probabilities").get(1).asDouble(), 1e-9);

    // audio input: featurised by the dataset builder's featuriser with the model's front end, so the
    // WAV and the grid the builder makes from it give the same line
    float[] samples = new float[16000];
    for (int i = 0; i < samples.length; i++) samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
    Path wav = dir.resolve("tone.wav");
    WavWriter.writeFloat32(wav, new Clip(samples, 16000));
    DatasetInfo info = Json.read(ds.resolve("dataset.json"), DatasetInfo.class);
    Clip part = AudioFile.read(wav, 0.25, 0.75);
    Path built = dir.resolve("tone-grid.npy");
    Npy.write(built, new SpectrogramFeaturiser(InputFormat.of(info), 0).featurise(part).values());
    List<String> audio = run("predict", "--model", model.toString(), "--start", "0.25", "--end", "0.75", wav.toString())
        .lines().toList();
    String fromGrid = run("predict", "--model", model.toString(), built.toString()).lines().findFirst().orElseThrow();
    assertEquals(fromGrid.split("\t", 2)[1], audio.get(0).split("\t", 2)[1]);

    Path st = dir.resolve("w.safetensors");
    run("export", "--model", model.toString(), "--out", st.toString());
    assertTrue(Files.size(st) > 4 * 100_000);
  }
}

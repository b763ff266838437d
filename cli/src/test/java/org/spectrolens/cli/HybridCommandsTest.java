package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetWriter;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** train/evaluate/predict of hybrid models, embed and decompose through the command line, on tiny tone recordings. */
class HybridCommandsTest {
  @TempDir Path dir;

  /** 3 speakers x {low 300 Hz, high 2500 Hz} x 4 tones of 0.2 s at 16 kHz; speaker s2 is the test split. */
  private Path dataset() {
    DatasetWriter w = new DatasetWriter(dir.resolve("ds"));
    SplittableRandom r = new SplittableRandom(5);
    for (int s = 0; s < 3; s++) {
      for (String label : List.of("low", "high")) {
        for (int j = 0; j < 4; j++) {
          float[] x = new float[3200];
          double f = label.equals("low") ? 300 : 2500;
          for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * f * i / 16000.0) + 0.01 * r.nextGaussian());
          Path wav = dir.resolve("s" + s + label + j + ".wav");
          WavWriter.writePcm16(wav, new Clip(x, 16000));
          float[][] g = new float[16][16];
          for (int y = 0; y < 16; y++) {
            for (int t = 0; t < 16; t++) g[y][t] = (float) (-60 + 3 * r.nextGaussian() + (label.equals("low") == y < 5 ? 25 : 0));
          }
          w.add(new DatasetItem("s" + s + label + j, wav.toString(), 0, 0.2, label, "s" + s, s == 2 ? "test" : "train", -1, "", 0,
              0.0125), g);
        }
      }
    }
    w.finish(new DatasetInfo(DatasetInfo.FORMAT, "tones", "test", List.of("low", "high"), SpectrogramSpec.torchaudio(),
        0, 4000, 16, 16, "linear", 0, 4000.0 / 15, "speaker", 1, 1.0 / 3), Map.of());
    return dir.resolve("ds");
  }

  private static String run(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
    return r.out();
  }

  @Test
  void hybridTrainEvaluatePredictAndEmbed() throws Exception {
    Path ds = dataset();
    Path cnn = dir.resolve("cnn");
    run("train", "--data", ds.toString(), "--out", cnn.toString(), "--epochs", "2", "--batch", "8", "--lr", "1e-3", "--quiet");
    Path hybrid = dir.resolve("hybrid");
    String out = run("train", "--data", ds.toString(), "--model", "hybrid:svm", "--features", "embeddings:" + cnn + ",mfcc",
        "--out", hybrid.toString());
    assertTrue(out.contains("140 values per item") && out.contains("test: accuracy 1.0000"), out);
    JsonNode printed = Json.MAPPER.readTree(run("evaluate", "--model", hybrid.toString(), "--data", ds.toString(), "--split", "all"));
    assertEquals(24, printed.get("n").asInt());
    assertEquals(1.0, printed.get("accuracy").asDouble());
    assertEquals("hybrid:svm", printed.get("model").asText());
    // predict featurises a file as the items' audio (here the grids are synthetic, so an MFCC-only model)
    Path knn = dir.resolve("knn");
    run("train", "--data", ds.toString(), "--model", "hybrid:knn", "--features", "mfcc", "--out", knn.toString());
    String p = run("predict", "--model", knn.toString(), dir.resolve("s2high1.wav").toString(), dir.resolve("s2low0.wav").toString());
    assertTrue(p.contains("s2high1.wav\thigh\tlow=0.0000 high=1.0000") && p.contains("s2low0.wav\tlow\t"), p);

    Path emb = dir.resolve("emb");
    run("embed", "--model", cnn.toString(), "--data", ds.toString(), "--split", "all", "--method", "tsne", "--perplexity", "5",
        "--out", emb.toString());
    assertEquals(24, Npy.read(emb.resolve("embeddings.npy")).shape()[0]);
    assertEquals(100, Npy.read(emb.resolve("embeddings.npy")).shape()[1]);
    List<String> rows = Files.readAllLines(emb.resolve("items.csv"));
    assertEquals("id,label,speaker,x,y", rows.get(0));
    assertEquals(25, rows.size());
    assertTrue(Files.size(emb.resolve("scatter.png")) > 1000);
    assertEquals("fc2", Json.MAPPER.readTree(emb.resolve("embed.json").toFile()).get("layer").asText());
  }

  @Test
  void decomposeSeparatesTwoTonesIntoTwoTemplates() throws Exception {
    // 0-0.5 s a 480 Hz tone, 0.5-1 s a 2000 Hz tone (bins 12 and 50 of n_fft 400): NMF's two templates peak there
    float[] x = new float[16000];
    for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (i < 8000 ? 480 : 2000) * i / 16000.0));
    Path wav = dir.resolve("two.wav");
    WavWriter.writePcm16(wav, new Clip(x, 16000));
    Path out = dir.resolve("nmf");
    run("decompose", wav.toString(), "--method", "nmf", "--components", "2", "--power", "1", "--out", out.toString());
    float[][] t = Npy.read(out.resolve("templates.npy")).toMatrix(); // [201 rows (40 Hz apart)][2]
    List<Double> peaks = new java.util.ArrayList<>();
    for (int c = 0; c < 2; c++) {
      int best = 0;
      for (int r = 0; r < t.length; r++) if (t[r][c] > t[best][c]) best = r;
      peaks.add(best * 40.0);
    }
    peaks.sort(null);
    assertEquals(List.of(480.0, 2000.0), peaks);
    JsonNode info = Json.MAPPER.readTree(out.resolve("decomposition.json").toFile());
    assertEquals("nmf", info.get("method").asText());
    assertTrue(info.get("reconstruction_error").asDouble() >= 0);
    List<String> act = Files.readAllLines(out.resolve("activations.csv"));
    assertEquals("time_s,c1,c2", act.get(0));
    assertTrue(Files.size(out.resolve("decomposition.png")) > 1000);
  }
}

package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;

/** explain through the command line on a smallcnn trained for one epoch on a tiny dataset. */
class ExplainCommandTest {
  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void train() {
    TwoBandDataset.write(dir.resolve("ds"), s -> "s" + s + ".wav");
    model = dir.resolve("model");
    CliRun t = CliRun.of("train", "--data", dir.resolve("ds").toString(), "--model", "smallcnn", "--out", model.toString(),
        "--epochs", "1", "--batch", "8", "--quiet", "--seed", "2");
    assertEquals(0, t.exit(), t.err());
  }

  @Test
  void npyInputGivesMapsPicturesAndJson() throws Exception {
    float[] x = new float[16 * 16];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian() + (i / 16 < 5 ? 1 : 0);
    Path in = dir.resolve("item.npy");
    Npy.write(in, new Npy.Array(new int[] {1, 16, 16}, x));
    Path out = dir.resolve("out1");
    CliRun run = CliRun.of("explain", "--model", model.toString(), "--input", in.toString(), "--methods",
        "gradcam,gradcam++,scorecam,faster-scorecam,smoothgrad,occlusion", "--target", "high", "--layer", "conv3",
        "--smooth-samples", "3", "--occlusion-patch", "4x4", "--time-step", "0.01", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    Path d = out.resolve("item");
    Npy.Array input = Npy.read(d.resolve("input.npy"));
    assertArrayEquals(new int[] {1, 16, 16}, input.shape());
    assertArrayEquals(x, input.data(), 0f);
    JsonNode j = Json.MAPPER.readTree(d.resolve("explain.json").toFile());
    assertEquals("high", j.get("target").asText());
    assertEquals("conv3", j.get("layer").asText());
    assertEquals("floor", j.get("baseline").asText());
    assertEquals(1.0, j.get("probabilities").get("low").asDouble() + j.get("probabilities").get("high").asDouble(), 1e-9);
    for (String m : List.of("gradcam", "gradcam++", "scorecam", "faster-scorecam", "smoothgrad", "occlusion")) {
      Npy.Array a = Npy.read(d.resolve(m + ".npy"));
      assertArrayEquals(new int[] {16, 16}, a.shape(), m);
      for (float v : a.data()) assertTrue(v >= 0 && v <= 1, m + " value " + v);
      assertTrue(Files.size(d.resolve(m + ".png")) > 1000, m);
      JsonNode mj = j.get("methods").get(m);
      assertTrue(mj.get("seconds").asDouble() >= 0, m);
      JsonNode bands = mj.get("band_profile_hz");
      assertEquals(0.0, bands.get(0).get("from").asDouble(), 0, m);
      assertEquals(500.0, bands.get(0).get("to").asDouble(), 0, m);
      assertTrue(mj.get("time_profile_s").size() >= 3, m);
    }
    assertEquals(2, j.get("methods").get("gradcam").get("raw_shape").get(0).asInt()); // conv3: 16 / 8
    assertEquals(16, j.get("methods").get("smoothgrad").get("raw_shape").get(0).asInt());
    assertEquals(3, j.get("methods").get("smoothgrad").get("options").get("samples").asInt());
    assertTrue(Files.size(d.resolve("methods.png")) > 1000);
  }

  @Test
  void compatProfilesAndAudioInputAreRecorded() throws Exception {
    float[] samples = new float[16000];
    for (int i = 0; i < samples.length; i++) samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
    Path wav = dir.resolve("tone.wav");
    WavWriter.writePcm16(wav, new Clip(samples, 16000));
    Path out = dir.resolve("out2");
    CliRun run = CliRun.of("explain", "--model", model.toString(), "--input", wav.toString(), "--start", "0.2", "--end", "0.6",
        "--methods", "gradcam++,faster-scorecam", "--compat", "tf-keras-vis", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode j = Json.MAPPER.readTree(out.resolve("tone/explain.json").toFile());
    assertEquals("wav", j.get("kind").asText());
    assertEquals("tf-keras-vis", j.get("compat").asText());
    assertEquals("zero", j.get("baseline").asText());
    assertEquals("normalised", j.get("methods").get("gradcam++").get("options").get("alpha").asText());
    assertEquals("batch-union", j.get("methods").get("faster-scorecam").get("options").get("selection").asText());
    // at 16x16 conv4 is 1x1, a map with nothing to show: the default is the last block larger than 1x1
    assertEquals("conv3", j.get("layer").asText());
    double t0 = j.get("axes").get("time_start").asDouble();
    assertTrue(t0 >= 0.2 && t0 < 0.3, "time of column 0 in the source: " + t0);
  }

  @Test
  void camOnANetworkWithoutGlobalPoolingIsAClearError() {
    Path in = dir.resolve("zeros.npy");
    Npy.write(in, new Npy.Array(new int[] {1, 16, 16}, new float[256]));
    CliRun run = CliRun.of("explain", "--model", model.toString(), "--input", in.toString(), "--methods", "cam",
        "--out", dir.resolve("out3").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("global average pooling"), run.err());
    CliRun bad = CliRun.of("explain", "--model", model.toString(), "--input", in.toString(), "--methods", "gradcam",
        "--target", "nope", "--out", dir.resolve("out4").toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--target"), bad.err());
  }
}

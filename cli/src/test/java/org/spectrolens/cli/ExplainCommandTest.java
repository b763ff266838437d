package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetWriter;
import org.spectrolens.explain.MapStack;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.spectrogram.SpectrogramSpec;

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
  void npyInputGivesStackedMapsPicturesAndJson() throws Exception {
    float[] x = new float[16 * 16];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian() + (i / 16 < 5 ? 1 : 0);
    Path in = dir.resolve("item.npy");
    Npy.write(in, new Npy.Array(new int[] {1, 16, 16}, x));
    Path out = dir.resolve("out1");
    List<String> methods = List.of("gradcam", "gradcam++", "scorecam", "faster-scorecam", "smoothgrad", "smoothgrad:gradcam", "occlusion");
    CliRun run = CliRun.of("explain", "--model", model.toString(), "--input", in.toString(), "--methods", String.join(",", methods),
        "--target", "high", "--layer", "conv3", "--param", "smoothgrad.samples=3", "--param", "occlusion.height=4",
        "--param", "occlusion.width=4", "--time-step", "0.01", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode j = Json.MAPPER.readTree(out.resolve("explain.json").toFile());
    assertEquals("conv3", j.get("layer").asText());
    assertEquals(1, j.get("count").asInt());
    assertEquals(0.01, j.get("axes").get("time_step").asDouble(), 1e-12);
    assertEquals(16, j.get("axes").get("frequencies_hz").size());
    List<MapStack.ItemRow> items = MapStack.readItems(out);
    assertEquals(1, items.size());
    assertEquals("high", items.get(0).target());
    assertEquals("item", items.get(0).id());
    assertEquals(0.01, items.get(0).timeStep(), 1e-12, "each item's own seconds per column");
    assertNull(j.get("column_seconds"), "one item, one column duration: nothing stretched to say");
    for (String m : methods) {
      String stem = MapStack.fileStem(m);
      Npy.Array a = Npy.read(out.resolve(stem + ".npy"));
      assertArrayEquals(new int[] {1, 16, 16}, a.shape(), m);
      for (float v : a.data()) assertTrue(v >= 0 && v <= 1, m + " value " + v);
      assertTrue(Files.size(out.resolve("figures/0-item/" + stem + ".png")) > 1000, m);
      JsonNode mj = j.get("methods").get(m);
      assertTrue(mj.get("seconds").asDouble() >= 0, m);
      assertEquals("floor", mj.get("options").get("baseline").asText(), m);
    }
    assertEquals(2, j.get("methods").get("gradcam").get("raw_shape").get(0).asInt()); // conv3: 16 / 8
    assertEquals(2, j.get("methods").get("smoothgrad:gradcam").get("raw_shape").get(0).asInt());
    assertEquals(16, j.get("methods").get("smoothgrad").get("raw_shape").get(0).asInt());
    assertEquals(3, j.get("methods").get("smoothgrad").get("options").get("samples").asInt());
    assertEquals(4, j.get("methods").get("occlusion").get("options").get("height").asInt());
    assertTrue(Files.size(out.resolve("figures/0-item/methods.png")) > 1000);
    List<MapStack.ProfileRow> profiles = MapStack.readProfiles(out);
    assertTrue(profiles.stream().anyMatch(p -> p.method().equals("gradcam") && p.axis().equals("hz") && p.from() == 0 && p.to() == 500));
    assertTrue(profiles.stream().filter(p -> p.method().equals("gradcam") && p.axis().equals("s")).count() >= 3);
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
    JsonNode j = Json.MAPPER.readTree(out.resolve("explain.json").toFile());
    JsonNode o = j.get("methods").get("gradcam++").get("options");
    assertEquals("tf-keras-vis", o.get("compat").asText());
    assertEquals("zero", o.get("baseline").asText());
    assertEquals("normalised", o.get("alpha").asText());
    assertEquals("batch-union", j.get("methods").get("faster-scorecam").get("options").get("selection").asText());
    // at 16x16 conv4 is 1x1, a map with nothing to show: the default is the last block larger than 1x1
    assertEquals("conv3", j.get("layer").asText());
    double t0 = MapStack.readItems(out).get(0).timeStart();
    assertTrue(t0 >= 0.2 && t0 < 0.3, "time of column 0 in the source: " + t0);
    // a span past the end of the file is refused in one line, and nothing is written
    CliRun past = CliRun.of("explain", "--model", model.toString(), "--input", wav.toString(), "--start", "0.5", "--end", "3",
        "--methods", "gradcam", "--out", dir.resolve("out2b").toString());
    assertEquals(2, past.exit());
    assertTrue(past.err().contains("past the end of the file"), past.err());
    assertTrue(Files.notExists(dir.resolve("out2b")));
  }

  @Test
  void audioWritesWhatEachMapKeepsAndItsComplement() throws Exception {
    float[] samples = new float[16000];
    for (int i = 0; i < samples.length; i++) samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
    Path wav = dir.resolve("tone-audio.wav");
    WavWriter.writePcm16(wav, new Clip(samples, 16000));
    Path out = dir.resolve("out-audio");
    CliRun run = CliRun.of("explain", "--model", model.toString(), "--input", wav.toString(), "--start", "0.2", "--end", "0.6",
        "--methods", "gradcam,saliency", "--audio", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    Path sounds = out.resolve("audio/0-tone-audio");
    float[] input = org.spectrolens.audio.AudioFile.read(sounds.resolve("input.wav")).samples();
    assertEquals(0.4 * org.spectrolens.audio.AudioFile.read(sounds.resolve("input.wav")).sampleRate(), input.length, 1);
    for (String m : List.of("gradcam", "saliency")) {
      float[] kept = org.spectrolens.audio.AudioFile.read(sounds.resolve(m + ".masked.wav")).samples();
      float[] rest = org.spectrolens.audio.AudioFile.read(sounds.resolve(m + ".complement.wav")).samples();
      double worst = 0;
      for (int i = 0; i < input.length; i++) worst = Math.max(worst, Math.abs(kept[i] + rest[i] - input[i]));
      assertTrue(worst < 1e-5, m + ": masked + complement = input, max error " + worst);
    }
    // dataset items: Griffin-Lim from the cached grid, one folder per item
    Path outDs = dir.resolve("out-audio-ds");
    CliRun ds = CliRun.of("explain", "--model", model.toString(), "--data", dir.resolve("ds").toString(), "--limit", "2",
        "--methods", "gradcam", "--audio", "--out", outDs.toString());
    assertEquals(0, ds.exit(), ds.err());
    try (var dirs = Files.list(outDs.resolve("audio"))) {
      List<Path> items = dirs.toList();
      assertEquals(2, items.size());
      for (Path item : items) {
        for (String f : List.of("input.wav", "gradcam.masked.wav", "gradcam.complement.wav")) assertTrue(Files.size(item.resolve(f)) > 44, item + "/" + f);
      }
    }
  }

  @Test
  void datasetSplitIsExplainedInBatchesEqualToOneAtATime() throws Exception {
    Path out = dir.resolve("out5");
    String methods = "gradcam,layercam,smoothgrad,faster-scorecam";
    CliRun run = CliRun.of("explain", "--model", model.toString(), "--data", dir.resolve("ds").toString(), "--split", "all",
        "--methods", methods, "--param", "smoothgrad.samples=2", "--batch", "5", "--quiet", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    List<MapStack.ItemRow> items = MapStack.readItems(out);
    assertEquals(24, items.size());
    assertTrue(Files.notExists(out.resolve("figures")), "figures only for at most 16 inputs unless --png");
    // the same items one at a time (batch 1) give the same maps
    Path one = dir.resolve("out6");
    CliRun single = CliRun.of("explain", "--model", model.toString(), "--data", dir.resolve("ds").toString(), "--split", "all",
        "--methods", methods, "--param", "smoothgrad.samples=2", "--batch", "1", "--quiet", "--out", one.toString());
    assertEquals(0, single.exit(), single.err());
    for (String m : methods.split(",")) {
      MapStack.Maps a = MapStack.read(out, m, false);
      MapStack.Maps b = MapStack.read(one, m, false);
      assertEquals(24, a.maps().length);
      for (int i = 0; i < 24; i++) assertArrayEquals(b.maps()[i], a.maps()[i], 1e-5f, m + " item " + i);
    }
    // per class and limit select with the seed
    Path some = dir.resolve("out7");
    CliRun sel = CliRun.of("explain", "--model", model.toString(), "--data", dir.resolve("ds").toString(), "--per-class", "2",
        "--methods", "gradcam", "--quiet", "--out", some.toString());
    assertEquals(0, sel.exit(), sel.err());
    List<MapStack.ItemRow> chosen = MapStack.readItems(some);
    assertEquals(4, chosen.size());
    assertEquals(2, chosen.stream().filter(i -> i.label().equals("low")).count());
  }

  @Test
  void badInputGetsOneLineAndWritesNothing() throws Exception {
    Path in = dir.resolve("zeros.npy");
    Npy.write(in, new Npy.Array(new int[] {1, 16, 16}, new float[256]));
    String[][] cases = {
      {"--methods", "cam", "global average pooling"},
      {"--methods", "nonsense", "unknown method 'nonsense'"},
      {"--methods", "gradcam:saliency", "wraps no method"},
      {"--target", "nope", "--target"},
      {"--band-hz", "0", "--band-hz"},
      {"--band-hz", "-3", "--band-hz"},
      {"--param", "smoothgrad.samples=0", "smoothgrad.samples: must lie in [1, 100000]"},
      {"--param", "gradcam++.alpha=odd", "unknown value 'odd'"},
      {"--param", "gradcam.foo=1", "has no parameter 'foo'"},
      {"--compat", "captum", "unknown value 'captum'"},
      {"--batch", "0", "--batch"},
    };
    int k = 0;
    for (String[] c : cases) {
      Path out = dir.resolve("bad" + k++);
      String[] args = {"explain", "--model", model.toString(), "--input", in.toString(), "--out", out.toString(), c[0], c[1]};
      if (!c[0].equals("--methods")) args = concat(args, "--methods", "gradcam,gradcam++,smoothgrad");
      CliRun run = CliRun.of(args);
      assertEquals(2, run.exit(), String.join(" ", c) + ": " + run.err());
      assertTrue(run.err().contains(c[2]), run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
      assertTrue(Files.notExists(out), "nothing written for " + String.join(" ", c));
    }
    // a dataset made with another front end (8x8 grids) is refused before anything is written
    DatasetWriter w = new DatasetWriter(dir.resolve("ds8"));
    for (int j = 0; j < 4; j++) {
      w.add(new DatasetItem("i" + j, "a.wav", j, j + 0.1, j % 2 == 0 ? "low" : "high", "s" + j, j < 2 ? "train" : "test", -1, "", j, 0.01),
          new float[8][8]);
    }
    w.finish(new DatasetInfo(DatasetInfo.FORMAT, "tiny8", "voicing", List.of("low", "high"), SpectrogramSpec.torchaudio(),
        0, 4000, 8, 8, "linear", 0, 4000.0 / 7, "speaker", 1, 0.25), Map.of());
    CliRun other = CliRun.of("explain", "--model", model.toString(), "--data", dir.resolve("ds8").toString(), "--methods", "gradcam",
        "--out", dir.resolve("bad-ds").toString());
    assertEquals(2, other.exit(), other.err());
    assertTrue(other.err().contains("another front end"), other.err());
    assertTrue(Files.notExists(dir.resolve("bad-ds")));
    CliRun noModel = CliRun.of("explain", "--model", dir.resolve("no-such-model").toString(), "--input", in.toString(), "--out",
        dir.resolve("bad-model").toString());
    assertEquals(2, noModel.exit());
    assertTrue(Files.notExists(dir.resolve("bad-model")));
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void listPrintsEveryMethodWithItsParameters() {
    CliRun run = CliRun.of("explain", "--list");
    assertEquals(0, run.exit(), run.err());
    for (String id : org.spectrolens.explain.method.Explainers.IDS) assertTrue(run.out().contains(id + "  "), id);
    assertTrue(run.out().contains("smoothgrad.samples"), run.out());
    assertTrue(run.out().contains("gradcam++.alpha {unnormalised, normalised, thresholded}"), run.out());
  }
}

package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.filter.Filters;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramFiles;

/** {@code filter} on audio and on map stacks, {@code match} on audio, {@code dataset --filter}. */
class FilterCommandsTest {
  private static final int SR = 16000;
  @TempDir Path tmp;

  /** 2 s of noise with a 0.15 s 2-3 kHz chirp at 0.5 s and at 1.4 s. */
  private Path sceneWav() throws Exception {
    Random rnd = new Random(1);
    float[] x = new float[2 * SR];
    for (int i = 0; i < x.length; i++) {
      double t = i / (double) SR;
      double v = 0.01 * rnd.nextGaussian();
      for (double at : new double[] {0.5, 1.4}) {
        double u = t - at;
        if (u >= 0 && u < 0.15) v += 0.3 * Math.sin(2 * Math.PI * (2000 * u + 0.5 * (1000 / 0.15) * u * u));
      }
      x[i] = (float) v;
    }
    Path wav = tmp.resolve("scene.wav");
    WavWriter.writePcm16(wav, new Clip(x, SR));
    return wav;
  }

  @Test
  void filtersAudioKeepingTheAxes() throws Exception {
    Path wav = sceneWav();
    CliRun s = CliRun.of("spectrogram", wav.toString(), "--out", tmp.resolve("s.npy").toString(), "--db");
    assertEquals(0, s.exit(), s.err());
    Path out = tmp.resolve("f");
    CliRun r = CliRun.of("filter", wav.toString(), "--filter", "median:rows=3,columns=5", "--filter", "gaussian:sigma-rows=0.5",
        "--db", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    Spectrogram before = SpectrogramFiles.read(tmp.resolve("s.npy"));
    Spectrogram after = SpectrogramFiles.read(out.resolve("scene.npy"));
    assertEquals(before.frequencies(), after.frequencies());
    assertEquals(before.times(), after.times());
    float[][] expected = Filters.apply(Filters.parseAll(List.of("median:rows=3,columns=5", "gaussian:sigma-rows=0.5"), "t"),
        before.values(), before.spec(), "t");
    for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], after.values()[i], 1e-4f);
    assertTrue(Files.size(out.resolve("scene.png")) > 1000);
    JsonNode run = Json.MAPPER.readTree(out.resolve("filter.json").toFile());
    assertEquals("median:rows=3,columns=5,boundary=reflect", run.path("filters").get(0).asText());
  }

  @Test
  void filtersAStackOfMapsMapByMap() throws Exception {
    float[] data = new float[3 * 20 * 30];
    Random rnd = new Random(2);
    for (int i = 0; i < data.length; i++) data[i] = rnd.nextFloat();
    Path maps = tmp.resolve("gradcam.npy");
    Npy.write(maps, new Npy.Array(new int[] {3, 20, 30}, data));
    Path out = tmp.resolve("fm");
    CliRun r = CliRun.of("filter", maps.toString(), "--filter", "gaussian:sigma-rows=2,sigma-columns=2", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    Npy.Array y = Npy.read(out.resolve("gradcam.npy"));
    assertArrayEquals(new int[] {3, 20, 30}, y.shape());
    float[][] second = new float[20][30];
    for (int rr = 0; rr < 20; rr++) System.arraycopy(data, (20 + rr) * 30, second[rr], 0, 30);
    float[][] expected = Filters.parse("gaussian:sigma-rows=2,sigma-columns=2", "t").apply(second, null);
    for (int rr = 0; rr < 20; rr++) for (int c = 0; c < 30; c++) assertEquals(expected[rr][c], y.data()[(20 + rr) * 30 + c], 1e-6f);
    assertFalse(Files.exists(out.resolve("gradcam.axes.json")));
  }

  @Test
  void matchFindsTheRepeatedChirp() throws Exception {
    Path wav = sceneWav();
    Path out = tmp.resolve("m");
    CliRun r = CliRun.of("match", wav.toString(), "--template", wav.toString(), "--template-start", "0.5", "--template-end", "0.65",
        "--template-fmin", "1500", "--template-fmax", "3500", "--n-fft", "512", "--hop", "128", "--db", "--threshold", "0.6",
        "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(out.resolve("detections.csv"));
    assertEquals("t0,t1,f0_hz,f1_hz,score", lines.get(0));
    assertEquals(3, lines.size(), String.join("\n", lines));
    double[] t0 = lines.subList(1, 3).stream().mapToDouble(l -> Double.parseDouble(l.split(",")[0])).sorted().toArray();
    assertEquals(0.5, t0[0], 0.01);
    assertEquals(1.4, t0[1], 0.01);
    for (String l : lines.subList(1, 3)) {
      String[] f = l.split(",");
      assertEquals(1500, Double.parseDouble(f[2]), 31.25);
      assertEquals(3500, Double.parseDouble(f[3]), 31.25);
    }
    Spectrogram ncc = SpectrogramFiles.read(out.resolve("ncc.npy"));
    assertTrue(ncc.max() > 0.99f, "the template's own place scores 1: " + ncc.max());
  }

  @Test
  void datasetRecordsItsFilters() throws Exception {
    Path corpus = tmp.resolve("corpus");
    assertEquals(0, CliRun.of("synth", "--out", corpus.toString(), "--utterances", "3", "--seed", "5").exit());
    Path ds = tmp.resolve("ds");
    CliRun r = CliRun.of("dataset", "--corpus", corpus.toString(), "--task", "vowels", "--out", ds.toString(), "--size", "16x16",
        "--no-progress", "--threads", "1", "--filter", "median:rows=5,columns=3");
    assertEquals(0, r.exit(), r.err());
    JsonNode info = Json.MAPPER.readTree(ds.resolve("dataset.json").toFile());
    assertEquals("median:rows=5,columns=3,boundary=reflect", info.path("filters").get(0).asText());
    // raw audio featurised from dataset.json (as explain and predict do) equals the cached, filtered item
    org.spectrolens.dataset.CachedDataset cached = org.spectrolens.dataset.CachedDataset.open(ds);
    org.spectrolens.dataset.DatasetItem item = cached.items().get(0);
    Spectrogram raw = new org.spectrolens.dataset.SpectrogramFeaturiser(org.spectrolens.dataset.InputFormat.of(cached.info()))
        .featurise(org.spectrolens.audio.AudioFile.read(Path.of(item.source()), item.start(), item.end()));
    float[][] stored = cached.load(item);
    for (int i = 0; i < stored.length; i++) assertArrayEquals(stored[i], raw.values()[i], 1e-5f);
    Path plain = tmp.resolve("plain");
    assertEquals(0, CliRun.of("dataset", "--corpus", corpus.toString(), "--task", "vowels", "--out", plain.toString(), "--size", "16x16",
        "--no-progress", "--threads", "1").exit());
    org.spectrolens.dataset.CachedDataset unfiltered = org.spectrolens.dataset.CachedDataset.open(plain);
    assertFalse(java.util.Arrays.deepEquals(stored, unfiltered.load(unfiltered.items().get(0))), "the filter changed the item");
    assertFalse(Json.MAPPER.readTree(plain.resolve("dataset.json").toFile()).has("filters"));
    CliRun bad = CliRun.of("dataset", "--corpus", corpus.toString(), "--task", "vowels", "--out", tmp.resolve("ds2").toString(),
        "--filter", "median:rows=0");
    assertEquals(2, bad.exit());
    assertEquals("spectrolens: --filter: median.rows: must lie in [1, 999], found 0", bad.err().strip());
  }
}

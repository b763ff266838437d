package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.ModelInput;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.model.TrainedModel;

/**
 * {@code dataset --channels} end to end on a tiny corpus of tones: the items are [3, H, W] with
 * the channels dataset.json records, the model takes 3 channels normalised one by one, and
 * predict and explain on raw audio rebuild exactly the channels of the dataset's items.
 */
class ChannelsCommandTest {
  private static final int SR = 16000;
  private static final List<String> CHANNELS = List.of("spectrogram", "cqt", "freq-position");
  @TempDir Path tmp;

  /** low: 300 Hz tone in noise, high: 2500 Hz tone in noise; four 0.5 s files per class. */
  private Path corpus() throws Exception {
    Path root = tmp.resolve("tones");
    Random rnd = new Random(5);
    for (String cls : List.of("low", "high")) {
      Files.createDirectories(root.resolve(cls));
      for (int f = 0; f < 4; f++) {
        float[] x = new float[SR / 2];
        double hz = (cls.equals("low") ? 300 : 2500) * (1 + 0.05 * f);
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / SR) + 0.02 * rnd.nextGaussian());
        WavWriter.writePcm16(root.resolve(cls + "/" + f + ".wav"), new Clip(x, SR));
      }
    }
    return root;
  }

  @Test
  void aThreeChannelModelPredictsAndExplainsRawAudioWithItsDatasetsChannels() throws Exception {
    Path ds = tmp.resolve("ds");
    Path model = tmp.resolve("model");
    CliRun d = CliRun.of("dataset", "--corpus", corpus().toString(), "--task", "chunks", "--chunk", "0.125", "--sr", "16000",
        "--n-fft", "512", "--win-length", "400", "--hop", "80", "--size", "16x16", "--channels", String.join(",", CHANNELS),
        "--no-progress", "--out", ds.toString());
    assertEquals(0, d.exit(), d.err());
    CachedDataset data = CachedDataset.open(ds);
    assertEquals(CHANNELS, data.info().channels());
    DatasetItem first = data.items().get(0);
    assertArrayEquals(new int[] {3, 16, 16}, Npy.read(ds.resolve(first.file())).shape());

    CliRun t = CliRun.of("train", "--data", ds.toString(), "--out", model.toString(), "--epochs", "1", "--batch", "4",
        "--validation", "0", "--threads", "1", "--quiet");
    assertEquals(0, t.exit(), t.err());
    JsonNode cfg = Json.read(model.resolve("config.json"), JsonNode.class);
    assertEquals("[3,16,16]", cfg.get("input_shape").toString());
    assertEquals(3, cfg.get("normalization").get("channel_stds").size());

    try (TrainedModel m = TrainedModel.open(model)) {
      // each channel standardised by its own train-set figures: mean 0, SD 1 over the training items (no validation split)
      int hw = 16 * 16;
      for (int c = 0; c < 3; c++) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (DatasetItem item : data.items("train")) {
          float[] x = m.input(data.loadChannels(item));
          for (int q = c * hw; q < (c + 1) * hw; q++) {
            sum += x[q];
            sq += (double) x[q] * x[q];
            n++;
          }
        }
        assertEquals(0, sum / n, 1e-3, "mean of channel " + c);
        assertEquals(1, Math.sqrt(sq / n - (sum / n) * (sum / n)), 1e-3, "SD of channel " + c);
      }
      for (DatasetItem item : data.items("test")) {
        float[] cached = m.input(data.loadChannels(item));
        ModelInput audio = ModelInput.read(m, Path.of(item.source()), new ModelInput.Span(item.start(), item.end()), ModelInput.Columns.UNKNOWN);
        assertArrayEquals(cached, audio.tensor(), 1e-4f, item.id());
        assertEquals(data.spectrogram(item).frequencies(), audio.axes().frequencies());
      }
    }
    DatasetItem test = data.items("test").get(0);
    CliRun p = CliRun.of("predict", "--model", model.toString(), "--start", "" + test.start(), "--end", "" + test.end(), test.source());
    assertEquals(0, p.exit(), p.err());
    assertTrue(p.out().contains("low=") && p.out().contains("high="), p.out());

    Path ex = tmp.resolve("explain");
    CliRun e = CliRun.of("explain", "--model", model.toString(), "--input", test.source(), "--start", "" + test.start(), "--end",
        "" + test.end(), "--methods", "saliency,gradcam", "--threads", "1", "--quiet", "--out", ex.toString());
    assertEquals(0, e.exit(), e.err());
    // one map per input whatever the channels (saliency: max |gradient| over the channels)
    for (String method : List.of("saliency", "gradcam")) assertArrayEquals(new int[] {1, 16, 16}, Npy.read(ex.resolve(method + ".npy")).shape());

    // an [H,W] grid cannot stand for a channel computed from the audio
    Path grid = tmp.resolve("grid.npy");
    Npy.write(grid, data.load(test));
    CliRun bad = CliRun.of("predict", "--model", model.toString(), grid.toString());
    assertEquals(2, bad.exit());
    assertEquals("spectrolens: " + grid + ": the model's channel cqt needs the audio; give the audio file or the [C,H,W] model input\n", bad.err());
  }
}

package org.spectrolens.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.corpus.Split;
import org.spectrolens.corpus.Task;
import org.spectrolens.corpus.textgrid.TextGrid;
import org.spectrolens.corpus.textgrid.TextGridWriter;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * A synthesised LJSpeech-layout corpus, built with the real front end: each vowel interval is a
 * pure tone at a frequency of its own, so the brightest row of every cached grid, read in Hz
 * through the dataset's frequency axis, must be that tone.
 */
class DatasetEndToEndTest {
  private static final int SR = 22050;
  /** Tone per ARPAbet label (Hz): distinct, below the 4 kHz crop. */
  private static final Map<String, Double> TONE = Map.of("IY1", 2300.0, "AE1", 1900.0, "ER0", 1400.0, "AA1", 800.0, "UW1", 400.0);
  private static final Map<String, String> CLASS = Map.of("IY1", "i", "AE1", "ae", "ER0", "er", "AA1", "aa", "UW1", "u");
  @TempDir Path tmp;

  /** 3 utterances of 1.2 s: silence, then the five vowels (120-200 ms each) and an S, then silence. */
  private Path corpus() throws IOException {
    Path root = tmp.resolve("lj");
    Files.createDirectories(root.resolve("wavs"));
    Files.createDirectories(root.resolve("TextGrid"));
    StringBuilder meta = new StringBuilder();
    String[] order = {"IY1", "AE1", "S", "ER0", "AA1", "UW1"};
    for (int u = 1; u <= 3; u++) {
      String id = String.format("LJ001-%04d", u);
      meta.append(id).append("|text|text\n");
      float[] x = new float[(int) (1.2 * SR)];
      List<TextGrid.Interval> iv = new ArrayList<>();
      double t = 0.1;
      iv.add(new TextGrid.Interval(0, t, ""));
      java.util.Random noise = new java.util.Random(u);
      for (int k = 0; k < order.length; k++) {
        double d = 0.12 + 0.02 * ((k + u) % 5);
        String label = order[(k + u) % order.length];
        for (int i = (int) Math.round(t * SR); i < Math.round((t + d) * SR); i++) {
          x[i] = label.equals("S") ? (float) (0.1 * noise.nextGaussian()) : (float) (0.5 * Math.sin(2 * Math.PI * TONE.get(label) * i / SR));
        }
        iv.add(new TextGrid.Interval(t, t + d, label));
        t += d;
      }
      iv.add(new TextGrid.Interval(t, 1.2, ""));
      WavWriter.writePcm16(root.resolve("wavs/" + id + ".wav"), new Clip(x, SR));
      TextGridWriter.write(root.resolve("TextGrid/" + id + ".TextGrid"), new TextGrid(0, 1.2, List.of(new TextGrid.Tier("phones", 0, 1.2, iv))));
    }
    Files.writeString(root.resolve("metadata.csv"), meta.toString());
    return root;
  }

  @Test
  void vowelGridsShowTheirToneAtTheRightFrequency() throws IOException {
    SpectrogramSpec spec = new SpectrogramSpec(SpectrogramSpec.Kind.STFT, SR, 1024, 551, 110, org.spectrolens.dsp.Window.HANN, true,
        SpectrogramSpec.PadMode.CONSTANT, 2.0, 128, 0, 4000, org.spectrolens.dsp.MelScale.HTK, SpectrogramSpec.MelNorm.NONE,
        true, 1.0, 1e-10, 80.0, 40, 0, 12, 84);
    InputFormat format = new InputFormat(spec, 0, 4000, 64, 32);
    Path root = corpus();
    // every stress: the fixture's /er/ is ER0, as CMUdict spells "-er" words
    DatasetRecipe recipe = DatasetRecipe.of(root, Task.VOWELS, format).withStress(org.spectrolens.corpus.Stress.ANY);
    DatasetBuilder builder = new DatasetBuilder(new SpectrogramFeaturiser(format, 0), format).threads(2);
    DatasetBuilder.Result r = recipe.build(tmp.resolve("ds"), builder, f -> AudioFile.probe(f).durationSeconds());
    CachedDataset ds = r.dataset();

    assertEquals(15, ds.items().size()); // 5 vowels x 3 utterances; the S is another label
    assertEquals(List.of("i", "ae", "er", "aa", "u"), ds.classes());
    assertEquals(Map.of("other label", 3, "silence or noise", 6), r.summary().dropped());
    double rowHz = (ds.info().frequencyAxis().hz(63) - ds.info().frequencyAxis().hz(0)) / 63;
    assertTrue(ds.info().frequencyAxis().hz(63) <= 4000 + rowHz, "top row " + ds.info().frequencyAxis().hz(63));
    for (DatasetItem item : ds.items()) {
      float[][] g = ds.load(item);
      int best = 0;
      double bestMean = Double.NEGATIVE_INFINITY;
      for (int row = 0; row < g.length; row++) {
        double m = 0;
        for (float v : g[row]) m += v;
        if (m > bestMean) {
          bestMean = m;
          best = row;
        }
      }
      String label = CLASS.entrySet().stream().filter(e -> e.getValue().equals(item.label())).findFirst().orElseThrow().getKey();
      double tone = TONE.get(label);
      assertEquals(tone, ds.info().frequencyAxis().hz(best), 1.5 * rowHz, item.id());
      // the grid's columns cover the segment, 5 ms hop: within a hop of its ends
      var times = ds.spectrogram(item).times();
      assertEquals(item.start(), times.seconds(-0.5), 0.0051, item.id());
      assertTrue(times.seconds(31.5) >= item.end() - 0.0051 && times.seconds(31.5) <= item.end() + 0.0101, item.id());
    }
    // 3 per class, round(0.9) = 1 in test
    r.summary().counts().values().forEach(m -> assertEquals(Map.of("train", 2, "test", 1), m));
    assertTrue(Files.isRegularFile(tmp.resolve("ds/summary.json")));
  }

  @Test
  void speakerSplitOfAPlainLjSpeechCorpusSaysItIsOneSpeaker() throws IOException {
    InputFormat format = new InputFormat(SpectrogramSpec.librosa(), 0, Double.NaN, 16, 16);
    DatasetRecipe base = DatasetRecipe.of(corpus(), Task.VOWELS, format);
    DatasetRecipe bySpeaker = new DatasetRecipe(base.corpus(), null, null, Task.VOWELS, null, null, 0, 0.03, 0, 1, 1, true,
        new Split(true, 0.3, 0, 0, 0), format);
    var e = org.junit.jupiter.api.Assertions.assertThrows(org.spectrolens.SpectrolensException.class,
        () -> bySpeaker.build(tmp.resolve("ds"), new DatasetBuilder(new SpectrogramFeaturiser(format, 0), format),
            f -> AudioFile.probe(f).durationSeconds()));
    assertTrue(e.problem().contains("one speaker"), e.getMessage());
    assertTrue(!Files.exists(tmp.resolve("ds")));
  }
}

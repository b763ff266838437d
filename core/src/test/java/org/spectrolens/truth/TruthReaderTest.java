package org.spectrolens.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.corpus.Task;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetRecipe;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.dataset.DatasetBuilder;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.synth.SynthCorpus;

/** Truth of a real (tiny) synthesised corpus through a real vowel dataset. */
class TruthReaderTest {
  private static final int SR = 16000;
  @TempDir static Path tmp;
  static Path corpus;
  static CachedDataset dataset;

  @BeforeAll
  static void build() {
    corpus = tmp.resolve("synth");
    new SynthCorpus(5, 6, SR).write(corpus, i -> { });
    SpectrogramSpec spec = new SpectrogramSpec(SpectrogramSpec.Kind.STFT, SR, 512, 400, 80, org.spectrolens.dsp.Window.HANN, true,
        SpectrogramSpec.PadMode.CONSTANT, 2.0, 128, 0, 4000, org.spectrolens.dsp.MelScale.HTK, SpectrogramSpec.MelNorm.NONE,
        true, 1.0, 1e-10, 80.0, 40, 0, 12, 84);
    InputFormat format = new InputFormat(spec, 0, 4000, 32, 16);
    DatasetBuilder builder = new DatasetBuilder(new SpectrogramFeaturiser(format, 0), format).threads(2);
    dataset = DatasetRecipe.of(corpus, Task.VOWELS, format)
        .build(tmp.resolve("ds"), builder, f -> AudioFile.probe(f).durationSeconds()).dataset();
  }

  @Test
  void synthTruthOfEachItemIsTheSynthesisersTrackOverItsSegment() {
    TruthReader reader = TruthReader.synth();
    reader.check(dataset);
    assertTrue(dataset.items().size() >= 10, "items: " + dataset.items().size());
    for (DatasetItem item : dataset.items()) {
      SegmentTruth t = reader.forItem(item);
      assertEquals(TruthSource.SYNTH, t.origin());
      for (double time : t.times()) assertTrue(time >= item.start() - 0.0100001 && time <= item.end() + 0.0100001);
      double f1 = t.medianFormant(1), f2 = t.medianFormant(2);
      assertTrue(f1 > 200 && f1 < 1200 && f2 > f1 && f2 < 3600, item.id() + ": F1 " + f1 + ", F2 " + f2);
      assertTrue(t.voicedFraction() > 0.5, item.id() + " is a vowel: voiced " + t.voicedFraction());
      TruthMasks m = reader.masks(dataset, item);
      assertEquals(dataset.info().height(), m.formants().length);
      assertEquals(dataset.info().width(), m.formants()[0].length);
      // The row holding the median F1, in the middle column, is inside the F1 band.
      int row = (int) Math.round(dataset.info().frequencyAxis().row(t.formantAt(1, mid(item))));
      int column = (int) Math.round((mid(item) - item.timeStart()) / item.timeStep());
      assertTrue(m.f1()[row][column], item.id() + ": F1 row " + row + " at column " + column);
      assertTrue(TruthMasks.share(m.harmonics()) > 0);
    }
  }

  @Test
  void trackerTruthAgreesWithTheSynthesiserOnVowels() {
    TruthReader synth = TruthReader.synth(), tracker = TruthReader.tracker(5500);
    List<Double> e1 = new ArrayList<>(), e2 = new ArrayList<>();
    int voiced = 0;
    for (DatasetItem item : dataset.items()) {
      SegmentTruth s = synth.forItem(item), t = tracker.forItem(item);
      assertEquals(TruthSource.TRACKER, t.origin());
      e1.add(Math.abs(t.medianFormant(1) / s.medianFormant(1) - 1));
      e2.add(Math.abs(t.medianFormant(2) / s.medianFormant(2) - 1));
      if (t.voicedFraction() > 0.5) voiced++;
      assertTrue(Math.abs(t.medianF0() / s.medianF0() - 1) < 0.1, item.id() + ": F0 " + t.medianF0() + " vs " + s.medianF0());
    }
    assertTrue(median(e1) < 0.10, "median |F1| error " + median(e1));
    assertTrue(median(e2) < 0.05, "median |F2| error " + median(e2));
    assertEquals(dataset.items().size(), voiced);
  }

  @Test
  void aSynthDatasetWithoutTruthFilesIsRefusedInOneLine() throws IOException {
    Path copy = tmp.resolve("no-truth");
    Files.createDirectories(copy);
    // Move the truth folder away for this test, then put it back.
    Files.move(corpus.resolve("truth"), copy.resolve("truth"));
    try {
      SpectrolensException e = assertThrows(SpectrolensException.class, () -> TruthReader.synth().check(dataset));
      assertTrue(e.getMessage().startsWith(dataset.dir().toString() + ": `truth` synth needs"), e.getMessage());
      assertTrue(e.getMessage().contains("`truth` tracker") && !e.getMessage().contains("\n"), e.getMessage());
      DatasetItem item = dataset.items().get(0);
      SpectrolensException one = assertThrows(SpectrolensException.class, () -> TruthReader.synth().forItem(item));
      assertTrue(one.getMessage().contains("no synthesiser truth file"), one.getMessage());
      TruthReader.tracker(5500).check(dataset); // the tracker needs no files
    } finally {
      Files.move(copy.resolve("truth"), corpus.resolve("truth"));
    }
  }

  @Test
  void unknownTruthSourceIsAnOptionError() {
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> TruthSource.fromId("praat", "--truth"));
    assertEquals("--truth: unknown truth source 'praat'; expected one of [synth, tracker]", e.getMessage());
    assertEquals(TruthSource.TRACKER, TruthSource.fromId("Tracker", "--truth"));
  }

  private static double mid(DatasetItem item) {
    return 0.5 * (item.start() + item.end());
  }

  private static double median(List<Double> v) {
    List<Double> s = v.stream().sorted(Comparator.naturalOrder()).toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : 0.5 * (s.get(n / 2 - 1) + s.get(n / 2));
  }
}

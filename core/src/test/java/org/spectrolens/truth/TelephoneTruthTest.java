package org.spectrolens.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.acoustics.FormantSettings;
import org.spectrolens.acoustics.FormantTrack;
import org.spectrolens.acoustics.FormantTracker;
import org.spectrolens.acoustics.SpeakerType;
import org.spectrolens.acoustics.SpectralResampler;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.corpus.Task;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetBuilder;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetRecipe;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.synth.SynthCorpus;

/**
 * Tracker truth on telephone-band audio (issue 25): spectrolens's synthesised vowels brought to
 * 8000 Hz (the synthesiser's truth stays exact, as resampling moves no formant below 4 kHz), read
 * with no option set, must lie within 10% of the synthesiser's truth.
 */
class TelephoneTruthTest {
  private static final int SR = 8000;
  @TempDir static Path tmp;
  static CachedDataset dataset;

  @BeforeAll
  static void build() throws IOException {
    Path corpus = tmp.resolve("synth");
    new SynthCorpus(7, 12, 16000).write(corpus, i -> { });
    try (DirectoryStream<Path> wavs = Files.newDirectoryStream(corpus.resolve("wavs"), "*.wav")) {
      for (Path wav : wavs) WavWriter.writePcm16(wav, Resampler.resample(AudioFile.read(wav), SR));
    }
    SpectrogramSpec spec = new SpectrogramSpec(SpectrogramSpec.Kind.STFT, SR, 256, 200, 40, org.spectrolens.dsp.Window.HANN, true,
        SpectrogramSpec.PadMode.CONSTANT, 2.0, 64, 0, 4000, org.spectrolens.dsp.MelScale.HTK, SpectrogramSpec.MelNorm.NONE,
        true, 1.0, 1e-10, 80.0, 40, 0, 12, 84);
    InputFormat format = new InputFormat(spec, 0, 4000, 32, 16);
    DatasetBuilder builder = new DatasetBuilder(new SpectrogramFeaturiser(format, 0), format).threads(2);
    dataset = DatasetRecipe.of(corpus, Task.VOWELS, format)
        .build(tmp.resolve("ds"), builder, f -> AudioFile.probe(f).durationSeconds()).dataset();
  }

  @Test
  void withNoOptionTheTrackerFollowsTheRateAndFindsTheSynthesisersFormants() {
    TruthReader synth = TruthReader.synth(), tracker = TruthReader.of(TruthSource.TRACKER);
    tracker.check(dataset);
    double[] errors = errors(synth, item -> tracker.forItem(item));
    assertTrue(errors[0] < 0.10 && errors[1] < 0.10 && errors[2] < 0.10, "median |F1|, |F2|, |F3| errors " + java.util.Arrays.toString(errors));
    @SuppressWarnings("unchecked")
    Map<String, Object> used = (Map<String, Object>) tracker.describe().get("used");
    assertEquals(Map.of("8000 Hz", Map.of("ceiling_hz", 4000.0, "max_formants", 4.0)), used);
  }

  @Test
  void theFormerFiveFormantsAtFiveThousandFiveHundredHzMissF3() {
    // What analyze --truth tracker did before issue 25: 5500 Hz, 5 formants, on 8 kHz audio.
    TruthReader synth = TruthReader.synth();
    FormantTracker old = new FormantTracker(0.01, 5, 5500, 0.025, 50, SpectralResampler::resample);
    double[] before = errors(synth, item -> medians(old, item));
    double[] man = errors(synth, item -> TruthReader.tracker(new FormantSettings(SpeakerType.MAN, Double.NaN, Double.NaN)).forItem(item));
    double[] woman = errors(synth, item -> TruthReader.tracker(new FormantSettings(SpeakerType.WOMAN, Double.NaN, Double.NaN)).forItem(item));
    double[] three = errors(synth, item -> TruthReader.tracker(new FormantSettings(null, 4000, 3.5)).forItem(item));
    System.out.printf(Locale.ROOT, "8 kHz synthetic vowels, median |F1| |F2| |F3| relative errors: 5500 Hz/5 %s, "
        + "man 4000/4 %s, woman 4000/3.5 %s, 4000/3.5 %s%n", fmt(before), fmt(man), fmt(woman), fmt(three));
    assertTrue(before[2] > 0.10, "the old setting was wrong: " + fmt(before));
    // No speaker named: one formant per 1000 Hz (4 at 4000 Hz) does at least as well as the woman's 3.5.
    assertTrue(Math.max(man[1], man[2]) <= Math.max(woman[1], woman[2]) + 0.005, fmt(man) + " vs " + fmt(woman));
  }

  @Test
  void aCeilingAboveNyquistIsRefusedBeforeTheWorkWithTheFormantsCommandsMessage() {
    DatasetItem item = dataset.items().get(0);
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> TruthReader.tracker(5500).check(dataset));
    assertTrue(e.getMessage().contains("formant ceiling 5500 Hz is above the Nyquist frequency (4000 Hz) of this 8000 Hz recording"),
        e.getMessage());
    SpectrolensException direct = assertThrows(SpectrolensException.class,
        () -> FormantTracker.praat(5500).requireCeilingWithinBand(AudioFile.read(Path.of(item.source()))));
    assertEquals(direct.problem(), e.problem());
    // A speaker's ceiling is a default, lowered to Nyquist with fewer formants; a given one is not.
    assertEquals(new FormantSettings.Resolved(4000, 2.5), new FormantSettings(SpeakerType.CHILD, Double.NaN, Double.NaN).resolve("x", SR));
    assertEquals(new FormantSettings.Resolved(4000, 4), FormantSettings.fromRate().resolve("x", SR));
    assertEquals(new FormantSettings.Resolved(5500, 5), FormantSettings.fromRate().resolve("x", 22050));
    assertEquals(new FormantSettings.Resolved(5000, 5), new FormantSettings(SpeakerType.MAN, Double.NaN, Double.NaN).resolve("x", 16000));
    assertEquals(new FormantSettings.Resolved(3500, 4.5), new FormantSettings(null, 3500, 4.5).resolve("x", SR));
    SpectrolensException n = assertThrows(SpectrolensException.class, () -> new FormantSettings(null, Double.NaN, 3.3));
    assertEquals("max_formants", n.parameter());
  }

  private interface Source {
    SegmentTruth of(DatasetItem item);
  }

  /** Median over items of |tracked / truth - 1| for F1, F2 and F3 (the items' median formants). */
  private static double[] errors(TruthReader synth, Source tracked) {
    double[] out = new double[3];
    for (int k = 1; k <= 3; k++) {
      List<Double> e = new ArrayList<>();
      for (DatasetItem item : dataset.items()) {
        double s = synth.forItem(item).medianFormant(k), t = tracked.of(item).medianFormant(k);
        e.add(Double.isNaN(t) ? 1.0 : Math.abs(t / s - 1));
      }
      out[k - 1] = e.stream().sorted(Comparator.naturalOrder()).toList().get(e.size() / 2);
    }
    return out;
  }

  /** A segment's frames from a fixed tracker, as a SegmentTruth (F0 unused). */
  private static SegmentTruth medians(FormantTracker tracker, DatasetItem item) {
    Clip clip = AudioFile.read(Path.of(item.source()), Math.max(0, item.start() - 0.06), item.end() + 0.06);
    FormantTrack track = tracker.track(clip);
    List<double[]> f = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    for (int j = 0; j < track.frameCount(); j++) {
      double t = track.time(j) + clip.offsetSeconds();
      if (t < item.start() || t > item.end()) continue;
      times.add(t);
      f.add(new double[] {track.frequency(j, 1), track.frequency(j, 2), track.frequency(j, 3)});
    }
    int n = f.size();
    double[][] b = new double[n][3];
    return new SegmentTruth(item.source(), TruthSource.TRACKER, item.start(), item.end(), times.stream().mapToDouble(x -> x).toArray(),
        new double[n], f.toArray(new double[0][]), b);
  }

  private static String fmt(double[] e) {
    return String.format(Locale.ROOT, "%.3f/%.3f/%.3f", e[0], e[1], e[2]);
  }
}

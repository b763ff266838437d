package org.spectrolens.acoustics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.truth.SegmentTruth;
import org.spectrolens.truth.TruthReader;
import org.spectrolens.truth.TruthSource;

/**
 * Tracker truth as {@code analyze --truth tracker} and {@code localisation --truth tracker} read
 * it with no option set ({@link TruthReader#of(TruthSource)}), against Praat run at the ceiling
 * and formant count the rule gives for the recording's rate (issue 25's "done means"): Debian's
 * pocketsphinx-testdata recordings at their own 16 kHz (5500 Hz, 5 formants) and brought to
 * 8 kHz (4000 Hz, 4 formants). Segments are Praat's voiced stretches of at least 80 ms, read
 * through {@link TruthReader#forSegment} (each segment tracked with its own context, as items
 * are); per segment the median F1, F2 and F3 must lie within 10% of Praat's medians over the
 * same frames, in the median over segments. Skipped without praat or the recordings.
 */
class TrackerTruthPraatTest {
  private static final double MIN_VOICED = 0.08;

  @TempDir static Path dir;

  @BeforeAll
  static void needsPraatAndRecordings() {
    assumeTrue(Files.isDirectory(RealSpeechPraatTest.DATA), "pocketsphinx-testdata is not installed");
    assumeTrue(Praat.available(), "praat is not installed");
  }

  @Test
  void sixteenKilohertzRecordingsAgreeWithPraatAtFiveThousandFiveHundredHz() throws Exception {
    compare(16000, new FormantSettings.Resolved(5500, 5));
  }

  @Test
  void eightKilohertzRecordingsAgreeWithPraatAtFourThousandHz() throws Exception {
    compare(8000, new FormantSettings.Resolved(4000, 4));
  }

  private void compare(int rate, FormantSettings.Resolved expected) throws Exception {
    TruthReader reader = TruthReader.of(TruthSource.TRACKER);
    List<List<Double>> diffs = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Path original : RealSpeechPraatTest.recordings()) {
      Path wav = original;
      Clip clip = AudioFile.read(original);
      if (clip.sampleRate() != rate) {
        wav = dir.resolve(original.getParent().getFileName() + "-" + original.getFileName().toString().replace(".wav", "-" + rate + ".wav"));
        WavWriter.writeFloat32(wav, Resampler.resample(clip, rate));
      }
      FormantSettings.Resolved used = FormantSettings.fromRate().resolve(wav.toString(), rate);
      assertEquals(expected, used, "the rule's settings at " + rate + " Hz");
      List<double[]> formants = new ArrayList<>(), pitch = new ArrayList<>();
      RealSpeechPraatTest.praatTracks(dir, wav, used.ceiling(), used.maxFormants(), formants, pitch);
      for (double[] seg : voicedStretches(pitch)) {
        SegmentTruth ours = reader.forSegment(wav, seg[0], seg[1]);
        for (int k = 1; k <= 3; k++) {
          int column = k;
          double praat = RealSpeechPraatTest.median(formants.stream().filter(f -> f[0] >= seg[0] - 1e-9 && f[0] <= seg[1] + 1e-9)
              .map(f -> f[column]).filter(v -> !Double.isNaN(v)).toList());
          double mine = ours.medianFormant(k);
          diffs.get(k - 1).add(Double.isNaN(praat) || Double.isNaN(mine) ? 1.0 : Math.abs(mine / praat - 1));
        }
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> usedByRate = (Map<String, Object>) reader.describe().get("used");
    assertEquals(Map.of(rate + " Hz", Map.of("ceiling_hz", expected.ceiling(), "max_formants", expected.maxFormants())), usedByRate);
    double[] m = diffs.stream().mapToDouble(RealSpeechPraatTest::median).toArray();
    System.out.printf(Locale.ROOT, "tracker truth with no option, %d Hz, %d voiced segments: median |F1| |F2| |F3| difference "
        + "from Praat at %.0f Hz/%s formants: %.2f%% %.2f%% %.2f%%%n", rate, diffs.get(0).size(), expected.ceiling(),
        expected.maxFormants(), 100 * m[0], 100 * m[1], 100 * m[2]);
    assertTrue(diffs.get(0).size() >= 20, "voiced segments: " + diffs.get(0).size());
    for (int k = 0; k < 3; k++) assertTrue(m[k] < 0.10, "F" + (k + 1) + " median difference " + m[k]);
  }

  /** Praat's voiced runs of at least {@value #MIN_VOICED} s, as [first frame time, last frame time]. */
  private static List<double[]> voicedStretches(List<double[]> pitch) {
    List<double[]> out = new ArrayList<>();
    int i = 0;
    while (i < pitch.size()) {
      if (Double.isNaN(pitch.get(i)[1])) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < pitch.size() && !Double.isNaN(pitch.get(j + 1)[1])) j++;
      if (pitch.get(j)[0] - pitch.get(i)[0] >= MIN_VOICED) out.add(new double[] {pitch.get(i)[0], pitch.get(j)[0]});
      i = j + 1;
    }
    return out;
  }
}

package org.spectrolens.dataset.channels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.features.Delta;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

class InputChannelsTest {
  private static final int SR = 22050;
  private static final int H = 32;
  private static final int W = 24;

  /** The speech defaults' front end (dB STFT, 25 ms / 5 ms), cropped to 0-4000 Hz, on 32 x 24. */
  private static InputFormat format(List<String> channels) {
    SpectrogramSpec spec = SpectrogramSpec.librosa().withFft(1024, 551, 110).withDb(true, 80);
    return new InputFormat(spec, 0, 4000, H, W).withChannels(channels);
  }

  /** 0.2 s of a 1000 Hz tone. */
  private static Clip tone(double hz) {
    float[] x = new float[(int) (0.2 * SR)];
    for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / SR));
    return new Clip(x, SR, "tone", 1.5);
  }

  @Test
  void everyChannelLandsOnTheFrontEndsGridWithItsAxes() {
    InputFormat f = format(List.of("spectrogram", "cqt", "freq-position"));
    SpectrogramFeaturiser feat = new SpectrogramFeaturiser(f);
    ChannelStack s = feat.featuriseChannels(tone(1000));
    Spectrogram single = new SpectrogramFeaturiser(format(List.of())).featurise(tone(1000));
    assertEquals(List.of("spectrogram", "cqt", "freq-position"), s.ids());
    assertEquals(3, s.count());
    assertEquals(3, f.channelCount());
    for (float[][] c : s.channels()) {
      assertEquals(H, c.length);
      for (float[] row : c) assertEquals(W, row.length);
    }
    // the axes are the single-channel front end's, and its grid is channel 0, value for value
    assertEquals(single.frequencies(), s.grid().frequencies());
    assertEquals(single.times(), s.grid().times());
    assertEquals(1.5, s.grid().times().seconds(0), 0.005); // seconds of the source, not of the clip
    for (int r = 0; r < H; r++) assertArrayEquals(single.values()[r], s.channels()[0][r]);
  }

  @Test
  void freqPositionHoldsEachRowsFrequencyOverNyquist() {
    ChannelStack s = new SpectrogramFeaturiser(format(List.of("freq-position"))).featuriseChannels(tone(500));
    FrequencyAxis rows = s.grid().frequencies();
    for (int r = 0; r < H; r++) {
      for (int t = 0; t < W; t++) assertEquals(rows.hz(r) / (SR / 2.0), s.channels()[0][r][t], 1e-6);
    }
    // rows of a 0-4000 Hz crop: between 0 and 4000 / 11025
    assertTrue(s.channels()[0][0][0] >= 0 && s.channels()[0][H - 1][0] <= 4000.0 / 11025 + 1e-6);
  }

  @Test
  void cqtPeaksAtTheRowOfTheTone() {
    for (double hz : new double[] {440, 1000, 2500}) {
      ChannelStack s = new SpectrogramFeaturiser(format(List.of("cqt"))).featuriseChannels(tone(hz));
      FrequencyAxis rows = s.grid().frequencies();
      double spacing = rows.hz(1) - rows.hz(0);
      int t = W / 2;
      int best = 0;
      for (int r = 1; r < H; r++) if (s.channels()[0][r][t] > s.channels()[0][best][t]) best = r;
      assertEquals(hz, rows.hz(best), spacing, "tone at " + hz + " Hz");
    }
  }

  /** A 600 Hz tone for 0.2 s with a click at 0.1 s: harmonic in time, percussive in frequency. */
  private static Clip toneAndClick() {
    Clip c = tone(600);
    float[] x = c.samples().clone();
    for (int i = 0; i < 20; i++) x[SR / 10 + i] += (float) (i % 2 == 0 ? 0.9 : -0.9);
    return new Clip(x, SR, "tone+click", 0);
  }

  @Test
  void deltaChannelsAreTheFeaturesDeltaOfTheLogSpectrogramOnTheGrid() {
    InputFormat f = format(List.of("spectrogram", "delta", "delta2"));
    ChannelStack s = new SpectrogramFeaturiser(f).featuriseChannels(toneAndClick());
    Spectrogram full = FrontEnd.compute(toneAndClick(), f.spec()); // the dB STFT, 0-4000 Hz, all frames
    for (int order = 1; order <= 2; order++) {
      float[][] d = Delta.librosa().withOrder(order).apply(full.values(), "test");
      float[][] want = full.withValues(d).cropFrequency(0, 4000).resize(H, W).values();
      for (int r = 0; r < H; r++) assertArrayEquals(want[r], s.channels()[order][r], 1e-4f, "delta order " + order + " row " + r);
    }
    // the click's onset is a large positive delta somewhere in the column nearest 0.1 s
    int col = (int) Math.round(s.grid().times().column(0.1 - 0.005));
    float max = Float.NEGATIVE_INFINITY;
    for (int r = 0; r < H; r++) max = Math.max(max, s.channels()[1][r][col]);
    assertTrue(max > 1, "delta at the click: " + max + " dB/frame");
  }

  @Test
  void harmonicAndPercussiveMagnitudesSumToTheFrontEnds() {
    InputFormat f = format(List.of("harmonic", "percussive"));
    Clip c = toneAndClick();
    Spectrogram full = FrontEnd.compute(c, f.spec());
    // on the full grid (no resize, which does not commute with dB) the parts' magnitudes add up
    ChannelSource src = new ChannelSource(c, full, full, g -> g);
    float[][] h = InputChannels.get("harmonic").compute(src);
    float[][] p = InputChannels.get("percussive").compute(src);
    float floor = full.max() - 80;
    int checked = 0;
    for (int k = 0; k < full.rows(); k++) {
      for (int t = 0; t < full.columns(); t++) {
        float v = full.values()[k][t];
        if (v < floor + 20 || h[k][t] <= floor || p[k][t] <= floor) continue;
        // soft masks that sum to 1 split the magnitude: |X| M_H + |X| M_P = |X|
        double sum = Math.pow(10, h[k][t] / 20) + Math.pow(10, p[k][t] / 20);
        assertEquals(v, 20 * Math.log10(sum), 0.01, "cell " + k + "," + t);
        checked++;
      }
    }
    assertTrue(checked > 100, checked + " cells checked");
    // the tone's row is harmonic away from the click, the click's column percussive away from the tone
    int toneRow = (int) Math.round(full.frequencies().row(600));
    int quiet = (int) Math.round(full.times().column(0.03));
    assertTrue(h[toneRow][quiet] > p[toneRow][quiet] + 10, h[toneRow][quiet] + " vs " + p[toneRow][quiet]);
    int clickCol = (int) Math.round(full.times().column(0.1 + 10.0 / SR));
    int highRow = (int) Math.round(full.frequencies().row(3000));
    assertTrue(p[highRow][clickCol] > h[highRow][clickCol] + 3, p[highRow][clickCol] + " vs " + h[highRow][clickCol]);
    // on the model grid both are [H][W]
    ChannelStack s = new SpectrogramFeaturiser(f).featuriseChannels(c);
    assertEquals(H, s.channels()[1].length);
    assertEquals(W, s.channels()[1][0].length);
  }

  @Test
  void aClipShorterThanTheDeltaWindowStillHasDeltas() {
    float[] x = new float[(int) (0.03 * SR)]; // 7 frames at hop 110
    for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(0.2 * i) * i / x.length;
    ChannelStack s = new SpectrogramFeaturiser(format(List.of("spectrogram", "delta"))).featuriseChannels(new Clip(x, SR));
    assertEquals(2, s.count());
    float max = 0;
    for (float[] row : s.channels()[1]) for (float v : row) max = Math.max(max, Math.abs(v));
    assertTrue(max > 0, "a rising sound has non-zero deltas");
  }

  @Test
  void listsAreCheckedAndCanonical() {
    assertEquals(List.of(), InputChannels.parse("spectrogram"));
    assertEquals(List.of("spectrogram", "freq-position"), InputChannels.parse("spectrogram, freq-position"));
    assertEquals("channels: unknown channel 'mel'; expected one of " + String.join(", ", InputChannels.ids()),
        assertThrows(SpectrolensException.class, () -> InputChannels.parse("spectrogram,mel")).getMessage());
    assertEquals("channels: channel cqt is listed twice",
        assertThrows(SpectrolensException.class, () -> InputChannels.parse("cqt,spectrogram,cqt")).getMessage());
    assertThrows(SpectrolensException.class, () -> InputChannels.parse("cqt,,spectrogram"));
    SpectrogramSpec mfcc = SpectrogramSpec.librosa().withKind(SpectrogramSpec.Kind.MFCC);
    assertThrows(SpectrolensException.class, () -> InputChannels.check(List.of("freq-position"), mfcc));
    // a grid alone defines spectrogram and freq-position, not cqt
    assertEquals(null, InputChannels.needingAudio(List.of("spectrogram", "freq-position")));
    assertEquals("cqt", InputChannels.needingAudio(List.of("spectrogram", "cqt")));
    // single-channel formats keep their old JSON (and so their dataset content ids)
    assertEquals(format(List.of()), format(List.of("spectrogram")));
    assertTrue(!org.spectrolens.io.Json.toString(format(List.of())).contains("channels"));
  }
}

package org.spectrolens.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

class SpectrogramImageTest {

  /** rows x cols grid at {@code floor} with the given rows at {@code peak}. */
  static float[][] grid(int rows, int cols, float floor, float peak, int... peakRows) {
    float[][] v = new float[rows][cols];
    for (float[] r : v) java.util.Arrays.fill(r, floor);
    for (int r : peakRows) java.util.Arrays.fill(v[r], peak);
    return v;
  }

  static Spectrogram linear(float[][] v) {
    return new Spectrogram(v, FrequencyAxis.linear(16000, 2 * (v.length - 1)), TimeAxis.of(0, 0.01, v[0].length), null);
  }

  private static int rgb(BufferedImage img, int x, int y) {
    return img.getRGB(x, y) | 0xFF000000;
  }

  @Test
  void lowRowsAreDrawnAtTheBottom() {
    Spectrogram s = linear(grid(32, 40, -80, 0, 0, 1, 2, 3));
    Figure fig = SpectrogramImage.defaults().withCellPixels(4).render(s);
    BufferedImage img = fig.image();
    Rectangle p = fig.plot();
    assertEquals(160, p.width);
    assertEquals(128, p.height);
    int bright = ColorMap.MAGMA.rgb(1.0);
    int dark = ColorMap.MAGMA.rgb(0.0);
    int bottom = p.y + p.height - 1;
    for (int x = p.x; x < p.x + p.width; x++) {
      assertEquals(bright, rgb(img, x, bottom), "bottom row at x=" + x);
      assertEquals(bright, rgb(img, x, bottom - 15), "4 rows x 4 px are bright");
      assertEquals(dark, rgb(img, x, bottom - 16), "row 4 is dark");
      assertEquals(dark, rgb(img, x, p.y), "top row at x=" + x);
    }
  }

  @Test
  void toneOnMelAxisIsDrawnAtItsTick() {
    // HTK mel rows 40 mel apart; row 20 is centred exactly on warp(1000 Hz) = 1000 mel.
    FrequencyScale mel = FrequencyScale.MEL_HTK;
    double step = 40;
    int toneRow = 20;
    FrequencyAxis axis = FrequencyAxis.of(mel, mel.warp(1000) - toneRow * step, step, 64);
    Spectrogram s = new Spectrogram(grid(64, 50, -80, 0, toneRow), axis, TimeAxis.of(0, 0.02, 50), null);
    int cell = 4;
    Figure fig = SpectrogramImage.defaults().withCellPixels(cell).withColorMap(ColorMap.VIRIDIS).render(s);
    Rectangle p = fig.plot();

    Tick kHz1 = fig.frequencyTicks().stream().filter(t -> Math.abs(t.value() - 1000) < 1e-9).findFirst().orElse(null);
    assertNotNull(kHz1, "a 1 kHz tick on a 0-7 kHz mel axis; ticks: " + fig.frequencyTicks());
    assertEquals("1", kHz1.label());

    // the bright band of the tone, found in the pixels
    int bright = ColorMap.VIRIDIS.rgb(1.0);
    List<Integer> ys = new ArrayList<>();
    for (int y = p.y; y < p.y + p.height; y++) if (rgb(fig.image(), p.x + p.width / 2, y) == bright) ys.add(y);
    assertEquals(cell, ys.size());
    double bandCentre = ys.stream().mapToInt(Integer::intValue).average().orElseThrow();
    // closed form: row 20 spans pixels [H - 21*cell, H - 20*cell) above the plot's top
    assertEquals(p.y + p.height - (toneRow + 1) * cell + (cell - 1) / 2.0, bandCentre, 1e-9);
    assertEquals(bandCentre, kHz1.pixel(), 1e-6);

    // and the tick mark really is drawn there (dark pixels just left of the frame)
    int markX = p.x - 3;
    List<Integer> marks = new ArrayList<>();
    for (int y = p.y; y < p.y + p.height; y++) {
      if ((fig.image().getRGB(markX, y) & 0xFF) < 100) marks.add(y);
    }
    assertTrue(marks.contains((int) Math.round(kHz1.pixel())), "tick mark rows " + marks);
    assertEquals(fig.frequencyTicks().size(), marks.size(), "one mark per tick");

    // mel ticks are not evenly spaced in pixels: Hz per pixel grows upwards
    List<Tick> t = fig.frequencyTicks();
    assertTrue(t.size() >= 4, "ticks " + t);
    for (int i = 1; i < t.size(); i++) assertTrue(t.get(i).pixel() < t.get(i - 1).pixel(), "ascending Hz go up");
  }

  @Test
  void linearTicksSitOnTheirBins() {
    // 16 kHz, n_fft 512: bin k at 31.25 k Hz, so 4000 Hz is bin 128
    Spectrogram s = linear(grid(257, 30, -60, 0, 128));
    Figure fig = SpectrogramImage.defaults().withPlotSize(300, 514).render(s);
    Tick t4 = fig.frequencyTicks().stream().filter(t -> t.value() == 4000).findFirst().orElseThrow();
    assertEquals(fig.plot().y + 514 - 2 * 128 - 1 - 0.5, t4.pixel(), 1e-9);
    assertEquals("4", t4.label());
    for (Tick t : fig.frequencyTicks()) assertEquals(0, t.value() % 500, 1e-9, "round Hz: " + t.value());
    // the tone's row is the bright one at that height
    assertEquals(ColorMap.MAGMA.rgb(1.0), rgb(fig.image(), fig.plot().x + 10, (int) Math.round(t4.pixel())));
  }

  @Test
  void timeTicksFollowTheTimeAxis() {
    // a clip starting 1.25 s into its file, 10 ms hop
    Spectrogram s = new Spectrogram(grid(20, 100, 0, 1), FrequencyAxis.linear(8000, 38), TimeAxis.of(1.25, 0.01, 100),
        null);
    Figure fig = SpectrogramImage.defaults().withCellPixels(5, 5).render(s);
    assertFalse(fig.timeTicks().isEmpty());
    for (Tick t : fig.timeTicks()) {
      double column = (t.value() - 1.25) / 0.01;
      assertEquals(fig.plot().x + (column + 0.5) * 5 - 0.5, t.pixel(), 1e-6);
      assertTrue(t.value() >= 1.245 && t.value() <= 2.245, "inside the clip: " + t.value());
      assertEquals(t.value(), Double.parseDouble(t.label()), 1e-12, "label says the value");
    }
    assertEquals(1.5, fig.secondsAt(fig.xOfSeconds(1.5)), 1e-12);
  }

  @Test
  void imageSizeAsConfigured() {
    Spectrogram s = linear(grid(65, 80, -80, 0, 3));
    BufferedImage img = SpectrogramImage.defaults().withFigureSize(640, 300).render(s).image();
    assertEquals(640, img.getWidth());
    assertEquals(300, img.getHeight());
    Figure cells = SpectrogramImage.defaults().withCellPixels(3, 2).render(s);
    assertEquals(240, cells.plot().width);
    assertEquals(130, cells.plot().height);
    Figure plot = SpectrogramImage.defaults().withPlotSize(500, 250).withTitle("t").render(s);
    assertEquals(new Rectangle(plot.plot().x, plot.plot().y, 500, 250), plot.plot());
    assertTrue(plot.image().getWidth() > 500 && plot.image().getHeight() > 250);
    assertThrows(IllegalArgumentException.class, () -> SpectrogramImage.defaults().withFigureSize(60, 40).render(s));
  }

  @Test
  void pngRoundTrip(@TempDir Path dir) throws Exception {
    Spectrogram s = linear(grid(33, 20, -50, -10, 5, 6));
    Path png = dir.resolve("sub/spec.png");
    Figure fig = SpectrogramImage.defaults().withTitle("round trip").write(s, png);
    BufferedImage back = ImageIO.read(png.toFile());
    assertEquals(fig.image().getWidth(), back.getWidth());
    assertEquals(fig.image().getHeight(), back.getHeight());
    int w = back.getWidth();
    int h = back.getHeight();
    assertArrayEquals(fig.image().getRGB(0, 0, w, h, null, 0, w), back.getRGB(0, 0, w, h, null, 0, w));
    try (Stream<Path> files = Files.list(png.getParent())) {
      assertEquals(List.of(png), files.toList(), "no temporary file left behind");
    }
  }

  @Test
  void colourRangeFromDataGivenOrDynamicRange() {
    Spectrogram s = linear(grid(9, 4, -120, 0, 1));
    assertArrayEquals(new double[] {-120, 0}, SpectrogramImage.defaults().range(s));
    assertArrayEquals(new double[] {-80, 0}, SpectrogramImage.defaults().withDynamicRange(80).range(s));
    assertArrayEquals(new double[] {-30, -10}, SpectrogramImage.defaults().withRange(-30, -10).range(s));
    assertArrayEquals(new double[] {-3, -2}, SpectrogramImage.defaults().range(linear(grid(9, 4, -3, -3))));
    Figure fig = SpectrogramImage.defaults().withDynamicRange(80).withCellPixels(2).render(s);
    // -120 dB is below the range: drawn in the low colour
    assertEquals(ColorMap.MAGMA.rgb(0.0), rgb(fig.image(), fig.plot().x, fig.plot().y));
    List<Tick> bar = fig.colorBarTicks();
    assertFalse(bar.isEmpty());
    for (Tick t : bar) assertTrue(t.value() >= -80 && t.value() <= 0);
  }

  @Test
  void mfccRowsAreLabelledByIndex() {
    SpectrogramSpec mfcc = SpectrogramSpec.librosa().withKind(SpectrogramSpec.Kind.MFCC);
    Spectrogram s = new Spectrogram(grid(20, 50, 0, 1, 0), FrequencyAxis.of(FrequencyScale.LINEAR, 0, 1, 20),
        TimeAxis.of(0, 512 / 22050.0, 50), mfcc);
    Figure fig = SpectrogramImage.defaults().withCellPixels(6, 12).render(s);
    assertTrue(fig.frequencyTicks().size() >= 3);
    for (Tick t : fig.frequencyTicks()) {
      assertEquals(Math.rint(t.value()), t.value());
      assertEquals(String.valueOf((int) t.value()), t.label());
      assertEquals(fig.yOfRow(t.value()), t.pixel(), 1e-9);
    }
    // the front end's cepstral axis needs no spec
    Spectrogram c = new Spectrogram(grid(13, 30, 0, 1, 0), FrequencyAxis.cepstral(13), TimeAxis.of(0, 0.01, 30), null);
    Figure cf = SpectrogramImage.defaults().withCellPixels(6, 20).render(c);
    assertEquals(List.of("0", "2", "4", "6", "8", "10", "12"), cf.frequencyTicks().stream().map(Tick::label).toList());
    assertEquals(3.0, cf.hzAt(cf.yOfRow(3)), 1e-12);
  }

  @Test
  void tracksAreDrawnAtTheirFrequency() {
    FrequencyScale mel = FrequencyScale.MEL_SLANEY;
    FrequencyAxis axis = FrequencyAxis.of(mel, 1, 0.5, 80);
    Spectrogram s = new Spectrogram(grid(80, 60, -80, -80), axis, TimeAxis.of(0, 0.01, 60), null);
    Track f1 = Track.constant("", 921, 0, 0.59).withColor(0x00FF00);
    Track f0 = new Track("", new double[] {0.1, 0.2, 0.3}, new double[] {220, Double.NaN, 220}, 0xFF0000, false);
    Figure fig = SpectrogramImage.defaults().withCellPixels(4).withTracks(List.of(f1, f0)).render(s);
    // the solid segment is broken at NaN: points at 0.1 and 0.3 s are lone dots, 0.2 s has nothing
    int y220 = (int) Math.floor(fig.yOfHz(220) + 0.5);
    assertEquals(0xFF0000, fig.image().getRGB((int) Math.floor(fig.xOfSeconds(0.1) + 0.5), y220) & 0xFFFFFF);
    assertEquals(ColorMap.MAGMA.rgb(0), fig.image().getRGB((int) Math.floor(fig.xOfSeconds(0.2) + 0.5), y220));
    // the dashed reference line crosses at 921 Hz: green pixels found in that pixel row only near it
    int y921 = (int) Math.floor(fig.yOfHz(921) + 0.5);
    int greens = 0;
    for (int x = fig.plot().x; x < fig.plot().x + fig.plot().width; x++) {
      if ((fig.image().getRGB(x, y921) & 0xFFFFFF) == 0x00FF00) greens++;
    }
    assertTrue(greens > fig.plot().width / 3, "dashes along 921 Hz: " + greens);
    assertEquals(ColorMap.MAGMA.rgb(0), fig.image().getRGB(fig.plot().x + 5, y921 - 4));
  }

  @Test
  void singleFramesAndRowsStillDraw() {
    // a 60 ms vowel at hop 512 / 22,050 Hz can be a handful of frames, even one
    Spectrogram oneFrame = new Spectrogram(grid(1025, 1, -40, 0, 40), FrequencyAxis.linear(22050, 2048),
        TimeAxis.of(3.2, 512 / 22050.0, 1), null);
    Figure a = SpectrogramImage.defaults().render(oneFrame);
    assertEquals(800, a.image().getWidth());
    // 1025 rows shrink to the plot's height by averaging (no aliasing), so the one-bin tone is
    // dimmed but its brightest pixel is where its frequency is
    int brightestY = -1;
    int brightest = -1;
    for (int y = a.plot().y; y < a.plot().y + a.plot().height; y++) {
      int v = rgb(a.image(), a.plot().x + 3, y);
      int lum = ((v >> 16) & 0xFF) + ((v >> 8) & 0xFF) + (v & 0xFF);
      if (lum > brightest) {
        brightest = lum;
        brightestY = y;
      }
    }
    assertEquals(a.yOfHz(40 * 22050 / 2048.0), brightestY, 1.0);
    Spectrogram oneCell = new Spectrogram(new float[][] {{1f}}, FrequencyAxis.of(FrequencyScale.LINEAR, 500, 100, 1),
        TimeAxis.of(0, 0.01, 1), null);
    Figure b = SpectrogramImage.defaults().withCellPixels(50).render(oneCell);
    assertEquals(new Rectangle(b.plot().x, b.plot().y, 50, 50), b.plot());
    assertThrows(IllegalArgumentException.class, () -> SpectrogramImage.defaults().render(
        new Spectrogram(new float[0][], FrequencyAxis.of(FrequencyScale.LINEAR, 0, 1, 0), TimeAxis.of(0, 1, 0), null)));
  }

  @Test
  void labelsAreDrawnWithAntialiasedText() {
    Spectrogram s = linear(grid(65, 80, -80, 0, 3));
    Figure fig = SpectrogramImage.defaults().withTitle("Title").render(s);
    BufferedImage img = fig.image();
    int ink = 0;
    int partial = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < fig.plot().x - 8; x++) {
        int g = img.getRGB(x, y) & 0xFF;
        if (g < 128) ink++;
        if (g > 20 && g < 235) partial++;
      }
    }
    assertTrue(ink > 50, "tick labels and the axis title are drawn left of the plot: " + ink);
    assertTrue(partial > 20, "anti-aliased glyph edges: " + partial);
  }
}

package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;

class SpectrogramCommandTest {
  @TempDir Path dir;

  private Path tone(String name, double hz, int rate, double seconds) {
    float[] x = new float[(int) (rate * seconds)];
    for (int i = 0; i < x.length; i++) x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    Path f = dir.resolve(name);
    WavWriter.writePcm16(f, new Clip(x, rate));
    return f;
  }

  @Test
  void oneFileToNpyWithAxesBeside() throws Exception {
    Path wav = tone("a.wav", 1000, 16000, 1.0);
    Path npy = dir.resolve("out/a.npy");
    CliRun r = CliRun.of("spectrogram", wav.toString(), "--out", npy.toString(), "--db");
    assertEquals(0, r.exit(), r.err());
    Npy.Array a = Npy.read(npy);
    // torchaudio defaults: n_fft 400 -> 201 rows; centred hop 200 -> 1 + 16000/200 frames
    assertArrayEquals(new int[] {201, 81}, a.shape());
    JsonNode axes = Json.MAPPER.readTree(dir.resolve("out/a.axes.json").toFile());
    assertEquals(201, axes.get("frequencies_hz").size());
    assertEquals(40.0, axes.get("frequencies_hz").get(1).asDouble(), 1e-9);
    // the 1 kHz tone peaks in row 25 (1000 / 40 Hz) of every column
    float[][] m = a.toMatrix();
    int best = 0;
    for (int k = 0; k < m.length; k++) if (m[k][40] > m[best][40]) best = k;
    assertEquals(25, best);
  }

  @Test
  void resamplesAndCropsToFmax() throws Exception {
    Path wav = tone("b.wav", 440, 44100, 0.5);
    Path npy = dir.resolve("b.npy");
    CliRun r = CliRun.of("spectrogram", wav.toString(), "--out", npy.toString(), "--sr", "22050",
        "--n-fft", "2048", "--hop", "512", "--fmax", "4000");
    assertEquals(0, r.exit(), r.err());
    assertEquals(372, Npy.read(npy).shape()[0]);
  }

  @Test
  void folderRunWritesGoodFilesAndCountsBadOnes() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.move(tone("c.wav", 500, 16000, 0.3), in.resolve("c.wav"));
    Files.move(tone("d.wav", 700, 16000, 0.3), in.resolve("d.wav"));
    byte[] good = Files.readAllBytes(in.resolve("d.wav"));
    Files.write(in.resolve("e.wav"), Arrays.copyOf(good, 60)); // truncated
    Path out = dir.resolve("specs");
    CliRun r = CliRun.of("spectrogram", in.toString(), "--out", out.toString(), "--kind", "mel", "--png");
    assertEquals(2, r.exit());
    assertTrue(Files.exists(out.resolve("c.npy")) && Files.exists(out.resolve("d.png")));
    assertFalse(Files.exists(out.resolve("e.npy")));
    assertTrue(r.out().contains("2 written, 1 failed"), r.out());
    String[] errLines = r.err().strip().split("\n");
    assertEquals(1, errLines.length, r.err());
    assertTrue(errLines[0].startsWith("spectrolens: " + in.resolve("e.wav")), errLines[0]);
    assertEquals(128, Npy.read(out.resolve("c.npy")).shape()[0]);
  }

  @Test
  void missingFileAndBadOptionGiveOneLineAndNonZeroExit() {
    CliRun r = CliRun.of("spectrogram", dir.resolve("nope.wav").toString(), "--out", dir.resolve("x.npy").toString());
    assertNotEquals(0, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("nope.wav"), r.err());
    CliRun bad = CliRun.of("spectrogram", "x.wav", "--out", "y.npy", "--kind", "wavelet");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().startsWith("spectrolens: "), bad.err());
  }

  @Test
  void folderRunMirrorsSubFoldersKeepsClashingExtensionsAndCountsFilesOnDisk() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in/sub"));
    Files.move(tone("x.wav", 500, 16000, 0.3), in.resolveSibling("x.wav"));
    Files.move(tone("x2.wav", 600, 16000, 0.3), in.resolve("x.wav"));
    try (var flac = getClass().getResourceAsStream("/bad-inputs/good.flac")) {
      Files.write(in.resolveSibling("x.flac"), flac.readAllBytes());
    }
    Path out = dir.resolve("specs");
    CliRun r = CliRun.of("spectrogram", in.getParent().toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.exists(out.resolve("x.wav.npy")) && Files.exists(out.resolve("x.flac.npy")) && Files.exists(out.resolve("sub/x.npy")));
    assertTrue(r.out().startsWith("3 written, 0 failed"), r.out());
    CliRun two = CliRun.of("spectrogram", in.resolveSibling("x.wav").toString(), in.resolve("x.wav").toString(), "--out",
        dir.resolve("y.npy").toString());
    assertEquals(2, two.exit());
    assertEquals("spectrolens: --out: names one .npy file, but the input is 2 paths; give a folder", two.err().strip());
    assertFalse(Files.exists(dir.resolve("y.npy")));
  }
}

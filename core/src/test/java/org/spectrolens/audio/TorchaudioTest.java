package org.spectrolens.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoded values equal torchaudio.load(normalize=True) averaged over channels (skipped without it). */
class TorchaudioTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final String SCRIPT = String.join("\n",
      "import sys, torchaudio",
      "for f in sys.argv[1:]:",
      "    x, sr = torchaudio.load(f, normalize=True)",
      "    x.mean(0).numpy().astype('<f4').tofile(f + '.f32')");

  @TempDir Path dir;

  @Test
  void everyWavEncodingMatchesTorchaudio() throws Exception {
    Sox.assumePresent();
    assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
    Path src = dir.resolve("src.wav");
    Files.write(src, FlacDecoderTest.wavOf(FlacDecoderTest.signal(2, 4000, 16000, 24, 0), 16000, 24));
    String[][] encodings = {{"unsigned-integer", "8"}, {"signed-integer", "16"}, {"signed-integer", "24"},
        {"signed-integer", "32"}, {"floating-point", "32"}, {"floating-point", "64"}, {"u-law", "8"}, {"a-law", "8"}};
    List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", SCRIPT));
    List<Path> files = new ArrayList<>();
    for (String[] e : encodings) {
      for (int channels = 1; channels <= 2; channels++) {
        Path f = dir.resolve(e[0] + e[1] + "-" + channels + ".wav");
        Sox.run(src, "-D", "-e", e[0], "-b", e[1], "-c", channels, f);
        files.add(f);
        cmd.add(f.toString());
      }
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assumeTrue(p.waitFor() == 0, "torchaudio unavailable: " + out);
    for (Path f : files) {
      float[] ref = AudioFile.readRaw(Path.of(f + ".f32"), RawFormat.of(16000, 1, "f32le")).samples();
      assertArrayEquals(ref, AudioFile.read(f).samples(), f.getFileName().toString());
    }
  }
}

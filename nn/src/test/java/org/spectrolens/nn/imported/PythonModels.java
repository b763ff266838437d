package org.spectrolens.nn.imported;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dsp.MelScale;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** Runs the reference scripts with Debian's python3-torch; the tests that need them skip where it is absent. */
final class PythonModels {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final int H = 64;
  static final int W = 96;
  static final int N = 3;

  private PythonModels() {}

  /** scripts/reference/import_reference.py into {@code dir}: model.pt, model.onnx, inputs and reference maps. Returns its output. */
  static String resnet18(Path dir) throws IOException, InterruptedException {
    return run("import_reference.py", "torch, torchvision", dir.toString(), "" + H, "" + W, "" + N);
  }

  /** {@code script} of scripts/reference with {@code args}, skipped where it or {@code modules} are absent; returns its output. */
  static String run(String script, String modules, String... args) throws IOException, InterruptedException {
    Path file = Path.of("../scripts/reference").resolve(script).toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isExecutable(PYTHON) && Files.isRegularFile(file), "no /usr/bin/python3 or " + script);
    Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import " + modules).redirectErrorStream(true).start();
    Assumptions.assumeTrue(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0, modules + " not installed");
    List<String> cmd = new java.util.ArrayList<>(List.of(PYTHON.toString(), file.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError(script + " failed:\n" + out);
    return out;
  }

  /** A log-mel front end whose grid is the H x W the network takes (what it is does not matter to the map checks). */
  static DeclaredFrontEnd frontEnd() {
    SpectrogramSpec spec = SpectrogramSpec.torchaudio().withKind(SpectrogramSpec.Kind.MEL)
        .withMel(H, MelScale.HTK, SpectrogramSpec.MelNorm.NONE).withDb(true, 80.0);
    return new DeclaredFrontEnd(new InputFormat(spec, 0, Double.NaN, H, W), new ModelConfig.Normalization(-40, 20));
  }
}

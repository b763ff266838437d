package org.spectrolens.nn.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.io.Npy;

/**
 * A PANNs-style CNN14 (random weights, 32 kHz, 64 Slaney log-mel bands; scripts/reference/cnn14_reference.py)
 * with torchaudio's front end in Python: the logits of the same WAV through spectrolens's declared
 * front end (the script's front.json) equal Python's within 1e-4.
 */
class ImportedCnn14Test {
  @TempDir Path dir;

  @Test
  void logitsThroughTheDeclaredFrontEndEqualTorchaudios() throws Exception {
    Path script = Path.of("../scripts/reference/cnn14_reference.py").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isExecutable(PythonModels.PYTHON) && Files.isRegularFile(script), "no /usr/bin/python3 or script");
    Process probe = new ProcessBuilder(PythonModels.PYTHON.toString(), "-c", "import torch, torchaudio").redirectErrorStream(true).start();
    Assumptions.assumeTrue(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0, "torch/torchaudio not installed");
    Process p = new ProcessBuilder(PythonModels.PYTHON.toString(), script.toString(), dir.toString(), "5").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    System.out.print(out);
    ModelImport imp = new ModelImport(dir.resolve("cnn14.pt"), "torchscript", DeclaredFrontEnd.read(dir.resolve("front.json")), 1,
        List.of("a", "b", "c", "d", "e"), "conv_block6");
    ModelImport.Result r = imp.write(dir.resolve("cnn14"), false, AudioFile.read(dir.resolve("probe.wav")),
        Npy.read(dir.resolve("expect.npy")).data(), 1e-4);
    System.out.printf("CNN14 logits through the declared front end vs torchaudio: largest difference %.3g%n", r.parity().maxAbsDifference());
    assertTrue(r.parity().maxAbsDifference() <= 1e-4);
    assertEquals(List.of(1, 64, 101), java.util.Arrays.stream(r.inputShape()).boxed().toList());
  }
}

package org.spectrolens.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;

/**
 * The bad-input suite's fixture folder: good files to damage and real outputs to protect. Built
 * in-process through the CLI itself (synth, dataset, train) so every output carries its marker.
 * <pre>
 *   good.wav good.flac tone.npy   notes/keep.txt   corpus/ (synth, 6 utterances)
 *   ds/ (dataset, 16x16)   ds2/ (another dataset)   ds-wide/ (16x32)   model/ (smallcnn, 1 epoch)   bad/ ({@link BadFiles})
 * </pre>
 */
final class Fixture {
  private Fixture() {}

  static void build(Path d) throws Exception {
    float[] x = new float[16000];
    for (int i = 0; i < x.length; i++) x[i] = (float) (0.4 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
    WavWriter.writePcm16(d.resolve("good.wav"), new Clip(x, 16000));
    try (InputStream in = Fixture.class.getResourceAsStream("/bad-inputs/good.flac")) {
      Files.write(d.resolve("good.flac"), in.readAllBytes());
    }
    // TorchScript files of scripts/reference/tiny_scripted.py (committed: the rows need no Python)
    Files.createDirectories(d.resolve("import"));
    for (String f : new String[] {"tiny.pt", "nan.pt", "mismatch.pt", "front.json", "wave.pt", "wave-grid.json"}) {
      try (InputStream in = Fixture.class.getResourceAsStream("/bad-inputs/import/" + f)) {
        Files.write(d.resolve("import").resolve(f), in.readAllBytes());
      }
    }
    Files.createDirectories(d.resolve("notes"));
    Files.writeString(d.resolve("notes/keep.txt"), "a user's notes");
    step("synth", "--out", d.resolve("corpus").toString(), "--utterances", "6", "--seed", "3");
    step("dataset", "--corpus", d.resolve("corpus").toString(), "--task", "vowels", "--out", d.resolve("ds").toString(),
        "--size", "16x16", "--no-progress", "--threads", "1");
    step("dataset", "--corpus", d.resolve("corpus").toString(), "--task", "voicing", "--out", d.resolve("ds2").toString(),
        "--size", "16x16", "--no-progress", "--threads", "1");
    step("dataset", "--corpus", d.resolve("corpus").toString(), "--task", "vowels", "--out", d.resolve("ds-wide").toString(),
        "--size", "16x32", "--no-progress", "--threads", "1"); // another grid than the model's
    step("train", "--data", d.resolve("ds").toString(), "--out", d.resolve("model").toString(), "--epochs", "1",
        "--batch", "4", "--quiet", "--threads", "1");
    step("spectrogram", d.resolve("good.wav").toString(), "--out", d.resolve("tone.npy").toString());
    // a model on input channels, one of which (cqt) only audio gives
    step("dataset", "--corpus", d.resolve("corpus").toString(), "--task", "vowels", "--out", d.resolve("dsc").toString(),
        "--size", "16x16", "--channels", "spectrogram,cqt", "--no-progress", "--threads", "1");
    step("train", "--data", d.resolve("dsc").toString(), "--out", d.resolve("modelc").toString(), "--epochs", "1",
        "--batch", "4", "--quiet", "--threads", "1");
    org.spectrolens.io.Npy.write(d.resolve("grid16.npy"), new float[16][16]);
    BadFiles.write(d);
  }

  private static void step(String... args) {
    CliRun r = CliRun.of(args);
    if (r.exit() != 0) throw new IllegalStateException(String.join(" ", args) + " failed: " + r.err());
  }
}

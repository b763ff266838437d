package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;

/**
 * {@code import} end to end on a small CNN scripted by Debian's python3-torch
 * (scripts/reference/tiny_scripted.py): the logits of a recording through the declared front end
 * equal torchaudio's within 1e-4, the model folder it writes is opened by the model commands, and
 * bad imports say why in one line and write nothing.
 */
class ImportCommandTest {
  @TempDir static Path dir;

  @BeforeAll
  static void script() throws Exception {
    ReferenceScripts.run("tiny_scripted.py", "torch, torchaudio", dir.toString());
    TwoBandDataset.write(dir.resolve("ds"), s -> "s" + s + ".wav");
  }

  @Test
  void parityWithTorchaudioThroughTheDeclaredFrontEnd() throws Exception {
    Path out = dir.resolve("parity");
    CliRun run = CliRun.of("import", "--torchscript", dir.resolve("tiny.pt").toString(), "--front-end", dir.resolve("front.json").toString(),
        "--classes", "low,high", "--layer", "conv2", "--check", dir.resolve("probe.wav").toString(), "--expect",
        dir.resolve("expect.npy").toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    System.out.print(run.out());
    assertTrue(run.out().contains("parity on"), run.out());
    JsonNode config = Json.MAPPER.readTree(out.resolve("config.json").toFile());
    assertEquals("torchscript", config.get("imported").get("engine").asText());
    assertEquals(64, config.get("imported").get("sha256").asText().length());
    assertEquals("MEL", config.get("dataset").get("spec").get("kind").asText());
    // the same import from the dataset command's options instead of a file
    CliRun opts = CliRun.of("import", "--torchscript", dir.resolve("tiny.pt").toString(), "--kind", "mel", "--sr", "16000",
        "--hop", "160", "--n-mels", "16", "--db", "--top-db", "80", "--size", "16x16", "--mean", "-40", "--std", "20",
        "--classes", "low,high", "--check", dir.resolve("probe.wav").toString(), "--expect", dir.resolve("expect.npy").toString(),
        "--out", dir.resolve("parity-options").toString());
    assertEquals(0, opts.exit(), opts.err());
  }

  @Test
  void everyModelCommandOpensTheImportedFolder() throws Exception {
    Path ds = dir.resolve("ds");
    Path model = dir.resolve("m");
    CliRun imp = CliRun.of("import", "--torchscript", dir.resolve("tiny.pt").toString(), "--front-end", ds.resolve("dataset.json").toString(),
        "--classes", "low,high", "--layer", "conv2", "--out", model.toString());
    assertEquals(0, imp.exit(), imp.err());
    CliRun ex = CliRun.of("explain", "--model", model.toString(), "--data", ds.toString(), "--per-class", "1",
        "--methods", "saliency,integrated-gradients,gradcam,scorecam,occlusion", "--param", "occlusion.height=4", "--param", "occlusion.width=4",
        "--quiet", "--out", dir.resolve("explain").toString());
    assertEquals(0, ex.exit(), ex.err());
    CliRun ev = CliRun.of("evaluate", "--model", model.toString(), "--data", ds.toString(), "--out", dir.resolve("eval").toString());
    assertEquals(0, ev.exit(), ev.err());
    CliRun f = CliRun.of("faithfulness", "--model", model.toString(), "--data", ds.toString(), "--methods", "saliency,gradcam",
        "--samples", "3", "--grid", "8x8", "--step", "0.25", "--out", dir.resolve("faith").toString());
    assertEquals(0, f.exit(), f.err());
    CliRun e = CliRun.of("embed", "--model", model.toString(), "--data", ds.toString(), "--split", "all", "--method", "pca",
        "--out", dir.resolve("embed").toString());
    assertEquals(0, e.exit(), e.err());
    CliRun s = CliRun.of("sanity", "--model", model.toString(), "--data", ds.toString(), "--methods", "saliency", "--samples", "2",
        "--out", dir.resolve("sanity").toString());
    assertEquals(0, s.exit(), s.err());
    JsonNode j = Json.MAPPER.readTree(dir.resolve("sanity/sanity.json").toFile());
    List<String> layers = new java.util.ArrayList<>();
    j.get("methods").get("saliency").get("cascading").forEach(step -> layers.add(step.get("layer").asText()));
    assertEquals(List.of("fc", "conv2", "conv1"), layers);
  }

  @Test
  void badImportsSayWhyInOneLineAndWriteNothing() throws Exception {
    String front = dir.resolve("front.json").toString();
    Path out = dir.resolve("bad");
    CliRun nan = CliRun.of("import", "--torchscript", dir.resolve("nan.pt").toString(), "--front-end", front, "--classes", "low,high",
        "--out", out.toString());
    assertEquals(2, nan.exit());
    assertTrue(nan.err().contains("outputs NaN on the probe input"), nan.err());
    CliRun count = CliRun.of("import", "--torchscript", dir.resolve("tiny.pt").toString(), "--front-end", front, "--classes", "a,b,c",
        "--out", out.toString());
    assertTrue(count.err().contains("gives 2 outputs per input, but 3 classes were named"), count.err());
    CliRun layer = CliRun.of("import", "--torchscript", dir.resolve("tiny.pt").toString(), "--front-end", front, "--classes", "a,b",
        "--layer", "conv9", "--out", out.toString());
    assertTrue(layer.err().contains("exposes no method 'to_conv9'"), layer.err());
    // from_conv2 pools with max where forward pools with mean: every method would run another network than forward
    CliRun composed = CliRun.of("import", "--torchscript", dir.resolve("mismatch.pt").toString(), "--front-end", front, "--classes", "a,b",
        "--layer", "conv2", "--out", out.toString());
    assertEquals(2, composed.exit());
    assertTrue(composed.err().contains("from_conv2(to_conv2(x)) differs from forward(x) by up to"), composed.err());
    CliRun parity = CliRun.of("import", "--torchscript", dir.resolve("tiny.pt").toString(), "--front-end", front, "--classes", "a,b",
        "--check", dir.resolve("probe.wav").toString(), "--expect", dir.resolve("expect.npy").toString(), "--mean", "0",
        "--out", out.toString());
    assertEquals(2, parity.exit());
    CliRun shifted = CliRun.of("import", "--torchscript", dir.resolve("tiny.pt").toString(), "--kind", "mel", "--sr", "16000",
        "--hop", "160", "--n-mels", "16", "--db", "--top-db", "80", "--size", "16x16", "--classes", "low,high",
        "--check", dir.resolve("probe.wav").toString(), "--expect", dir.resolve("expect.npy").toString(), "--out", out.toString());
    assertEquals(2, shifted.exit());
    assertTrue(shifted.err().contains("--expect: the logits of the probe through the declared front end differ by up to"), shifted.err());
    for (CliRun r : List.of(nan, count, layer, composed, parity, shifted)) {
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
    assertFalse(Files.exists(out));
  }
}

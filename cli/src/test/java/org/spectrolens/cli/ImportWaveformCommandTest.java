package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;

/**
 * {@code import --waveform} end to end on the bad-input suite's raw-waveform fixture (a 1-D CNN,
 * scripts/reference/waveform_reference.py's model.pt; no Python needed): the folder records the
 * complex STFT input, {@code predict} and {@code explain} open it, the maps are on the STFT grid in
 * Hz and seconds, the baseline is silence, and a CAM map on the 1-D layer says it has no
 * frequency resolution and is the same in every row. (ImportedWaveformTest checks the numbers
 * against PyTorch.)
 */
class ImportWaveformCommandTest {
  static final Path MODEL = Path.of("src/test/resources/bad-inputs/import/wave.pt");
  @TempDir Path dir;

  @Test
  void importPredictAndExplainOnTheStftGrid() throws Exception {
    Path model = dir.resolve("m");
    CliRun imp = CliRun.of("import", "--torchscript", MODEL.toString(), "--kind", "stft", "--sr", "8000", "--n-fft", "256", "--hop", "64",
        "--db", "--waveform", "4000", "--classes", "a,b,c", "--layer", "conv2", "--out", model.toString());
    assertEquals(0, imp.exit(), imp.err());
    assertTrue(imp.out().contains("input [2, 129, 63], 3 classes, layer conv2 (the complex STFT [real, imaginary] of 4000 samples)"), imp.out());
    JsonNode config = Json.MAPPER.readTree(model.resolve("config.json").toFile());
    assertEquals(4000, config.get("imported").get("waveform").get("samples").asInt());
    assertEquals("[\"stft-real\",\"stft-imag\"]", config.get("dataset").get("channels").toString());

    float[] x = new float[6000]; // a 1 kHz tone from 0.25 s: longer than the 4000 samples the network takes
    for (int i = 2000; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
    Path wav = dir.resolve("in/tone.wav");
    Files.createDirectories(wav.getParent());
    WavWriter.writeFloat32(wav, new Clip(x, 8000));
    CliRun pred = CliRun.of("predict", "--model", model.toString(), wav.toString());
    assertEquals(0, pred.exit(), pred.err());
    Path out = dir.resolve("ex");
    CliRun ex = CliRun.of("explain", "--model", model.toString(), "--input", wav.getParent().toString(), "--methods",
        "saliency,integrated-gradients,occlusion,gradcam", "--param", "integrated-gradients.steps=4", "--quiet", "--out", out.toString());
    assertEquals(0, ex.exit(), ex.err());
    JsonNode j = Json.MAPPER.readTree(out.resolve("explain.json").toFile());
    assertEquals(129, j.get("axes").get("frequencies_hz").size());
    assertEquals(4000.0, j.get("axes").get("frequencies_hz").get(128).asDouble(), 1e-9);
    assertEquals(0.008, j.get("axes").get("time_step").asDouble(), 1e-12);
    for (String m : new String[] {"saliency", "integrated-gradients", "occlusion", "gradcam"}) {
      assertEquals("zero", j.get("methods").get(m).get("options").get("baseline").asText(), m);
    }
    assertTrue(j.get("methods").get("gradcam").get("frequency").asText().startsWith("none: the layer has no frequency axis"));
    assertTrue(j.get("methods").get("saliency").get("frequency") == null, "an input-grid map resolves the grid");
    float[] cam = Npy.read(out.resolve("gradcam.npy")).data();
    for (int p = 0; p < 129 * 63; p++) assertEquals(cam[p % 63], cam[p], 0f, "a 1-D layer's map is the same in every row");
    // the first 0.25 s are silent, so their STFT cells are zero: occluding them (zero again) and
    // integrating from silence to them change nothing (to rounding); frames 0..29 see only silence
    float[] occ = Npy.read(out.resolve("occlusion.raw.npy")).data();
    float[] ig = Npy.read(out.resolve("integrated-gradients.raw.npy")).data();
    double late = 0;
    for (int f = 0; f < 129; f++) {
      for (int t = 0; t < 16; t++) {
        assertEquals(0f, occ[f * 63 + t], 1e-6f, "occlusion of silent cells, row " + f + " frame " + t);
        assertEquals(0f, ig[f * 63 + t], 1e-6f, "integrated gradients of silent cells, row " + f + " frame " + t);
      }
      for (int t = 32; t < 63; t++) late = Math.max(late, Math.abs(ig[f * 63 + t]));
    }
    assertTrue(late > 0, "the tone's cells get attribution");
  }
}

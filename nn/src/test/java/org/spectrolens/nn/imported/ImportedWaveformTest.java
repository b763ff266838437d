package org.spectrolens.nn.imported;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Profile;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * A 1-D convolutional network on the raw waveform (scripts/reference/waveform_reference.py:
 * random weights, 0.5 s at 8 kHz), imported with its maps read on the STFT n_fft 256, hop 64:
 * its input as spectrolens sees it is the complex STFT and its first stage the inverse STFT, so
 * logits equal {@code model(istft(X))} in PyTorch; saliency (|dS/dX|), Integrated Gradients and
 * Grad-CAM at its 1-D layer equal torch autograd through {@code torch.istft}; occlusion of STFT
 * cells equals zeroing them in PyTorch; and the ONNX export's occlusion equals the TorchScript
 * file's.
 */
class ImportedWaveformTest {
  static final List<String> CLASSES = List.of("a", "b", "c");
  static final int N = 2;
  static final int SAMPLES = 4000;
  @TempDir static Path dir;

  static DeclaredFrontEnd frontEnd(int samples) {
    SpectrogramSpec spec = SpectrogramSpec.torchaudio().withKind(SpectrogramSpec.Kind.STFT).withSampleRate(8000).withFft(256, 256, 64)
        .withDb(true, 80.0);
    return DeclaredFrontEnd.waveform(spec, samples, true);
  }

  @BeforeAll
  static void importIt() throws Exception {
    System.out.print(PythonModels.run("waveform_reference.py", "torch", dir.toString()));
    float[] expect = Arrays2.row(Npy.read(dir.resolve("logits.npy")).data(), 0, CLASSES.size());
    ModelImport.Result r = new ModelImport(dir.resolve("model.pt"), "torchscript", frontEnd(SAMPLES), 1, CLASSES, "conv2")
        .write(dir.resolve("ts"), false, new Clip(wave(0), 8000), expect, 1e-4);
    System.out.printf("waveform import parity on x0: largest logit difference %.3g%n", r.parity().maxAbsDifference());
    assertEquals(List.of(2, 129, 63), java.util.Arrays.stream(r.inputShape()).boxed().toList());
  }

  static float[] wave(int i) {
    return Npy.read(dir.resolve("x" + i + ".npy")).data();
  }

  /** Both recordings as the network input, [2, 2, 129, 63]. */
  static float[] inputs(TrainedModel m) {
    float[] a = m.input(new Clip(wave(0), 8000));
    float[] b = m.input(new Clip(wave(1), 8000));
    float[] x = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, x, a.length, b.length);
    return x;
  }

  static int[] targets() {
    float[] t = Npy.read(dir.resolve("targets.npy")).data();
    return new int[] {Math.round(t[0]), Math.round(t[1])};
  }

  @Test
  void logitsEqualTheModuleOnTheWaveform() {
    try (TrainedModel m = TrainedModel.open(dir.resolve("ts"))) {
      assertTrue(m.network().complexInput());
      float[][] z = m.logits(inputs(m), N);
      float[] ref = Npy.read(dir.resolve("logits.npy")).data();
      for (int i = 0; i < N; i++) assertArrayEquals(Arrays2.row(ref, i, 3), z[i], 1e-4f, "input " + i);
    }
  }

  @Test
  void mapsOnTheStftGridEqualAutogradThroughTorchIstft() {
    try (TrainedModel m = TrainedModel.open(dir.resolve("ts"))) {
      Options o = Options.of(Profile.PYTORCH_GRAD_CAM);
      Request r = Request.of(m.network(), inputs(m), N).withTargets(targets()).withLayer("conv2").withOptions(o);
      ImportedTorchScriptTest.assertMapsAgree("waveform saliency", Explainers.explain("saliency", r).raw(), rows("saliency.npy"));
      Explanation igMaps = Explainers.of("integrated-gradients", Profile.PYTORCH_GRAD_CAM, Map.of("integrated-gradients", Map.of("steps", "16")))
          .explain(r);
      ImportedTorchScriptTest.assertMapsAgree("waveform integrated gradients", igMaps.raw(), rows("ig.npy"));
      Explanation cam = Explainers.explain("gradcam", r);
      assertEquals(1, cam.rawHeight(), "a 1-D layer gives one row");
      ImportedTorchScriptTest.assertMapsAgree("waveform gradcam raw", cam.raw(), rows("gradcam.npy"));
      for (int i = 0; i < N; i++) {
        float[][] map = cam.map(i);
        for (float[] row : map) assertArrayEquals(map[0], row, 0f, "a 1-D layer's map is the same in every row");
      }
    }
  }

  @Test
  void occlusionZeroesStftCellsAsPytorchDoesAndOnnxAgrees() {
    Map<String, Map<String, String>> window = Map.of("occlusion", Map.of("height", "16", "width", "8", "stride-y", "8", "stride-x", "4"));
    try (TrainedModel m = TrainedModel.open(dir.resolve("ts"))) {
      float[] x = inputs(m);
      Request r = Request.of(m.network(), x, N).withTargets(targets()).withOptions(Options.of(Profile.SPECTROLENS));
      Explanation ts = Explainers.of("occlusion", Profile.SPECTROLENS, window).explain(r);
      float[][] ref = rows("occlusion.npy");
      double worst = 0;
      for (int i = 0; i < N; i++) for (int p = 0; p < ref[i].length; p++) worst = Math.max(worst, Math.abs(ref[i][p] - ts.raw()[i][p]));
      System.out.printf("waveform occlusion vs PyTorch: largest difference %.3g (logit drops)%n", worst);
      assertTrue(worst <= 1e-4, "occlusion differs from PyTorch's by " + worst);
      Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("model.onnx")), "torch.onnx.export failed here");
      new ModelImport(dir.resolve("model.onnx"), "onnx", frontEnd(SAMPLES), 1, CLASSES, null).write(dir.resolve("onnx"), false, null, null, 0);
      try (TrainedModel onnx = TrainedModel.open(dir.resolve("onnx"))) {
        Explanation on = Explainers.of("occlusion", Profile.SPECTROLENS, window).explain(
            new Request(onnx.network(), x, N, targets(), null, Options.of(Profile.SPECTROLENS), null));
        double d = 0;
        for (int i = 0; i < N; i++) for (int p = 0; p < ref[i].length; p++) d = Math.max(d, Math.abs(on.raw()[i][p] - ts.raw()[i][p]));
        System.out.printf("waveform occlusion ONNX vs TorchScript: largest difference %.3g%n", d);
        assertTrue(d <= 1e-5, "ONNX occlusion differs from TorchScript's by " + d);
      }
    }
  }

  @Test
  void badWaveformDeclarationsSayWhyAndWriteNothing() {
    Path pt = dir.resolve("model.pt");
    Path out = dir.resolve("bad");
    SpectrolensException e = assertThrows(SpectrolensException.class, () ->
        new ModelImport(pt, "torchscript", frontEnd(3000), 1, CLASSES, null).write(out, false, null, null, 0));
    assertTrue(e.getMessage().contains("rejects a waveform of shape [2, 1, 3000]"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    SpectrogramSpec gappy = SpectrogramSpec.torchaudio().withSampleRate(8000).withFft(256, 256, 300);
    e = assertThrows(SpectrolensException.class, () ->
        new ModelImport(pt, "torchscript", DeclaredFrontEnd.waveform(gappy, SAMPLES, true), 1, CLASSES, null).write(out, false, null, null, 0));
    assertTrue(e.getMessage().contains("cannot be inverted"), e.getMessage());
    e = assertThrows(SpectrolensException.class, () -> DeclaredFrontEnd.waveform(SpectrogramSpec.torchaudio().withKind(SpectrogramSpec.Kind.MEL),
        SAMPLES, true));
    assertTrue(e.getMessage().contains("read on an STFT"), e.getMessage());
    assertFalse(Files.exists(out));
  }

  static float[][] rows(String file) {
    float[] v = Npy.read(dir.resolve(file)).data();
    int per = v.length / N;
    float[][] out = new float[N][];
    for (int i = 0; i < N; i++) out[i] = Arrays2.row(v, i, per);
    return out;
  }

  /** Row i of a flat [n, per] array. */
  static final class Arrays2 {
    static float[] row(float[] v, int i, int per) {
      return java.util.Arrays.copyOfRange(v, i * per, (i + 1) * per);
    }
  }
}

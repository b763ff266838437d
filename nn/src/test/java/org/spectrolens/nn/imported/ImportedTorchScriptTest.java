package org.spectrolens.nn.imported;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Profile;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.io.Npy;
import org.spectrolens.judge.LayerStep;
import org.spectrolens.judge.MapMaker;
import org.spectrolens.judge.ParameterRandomisation;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.stats.Correlation;

/**
 * A torchvision resnet18 (1-channel stem, random weights) scripted by Debian's python3-torch and
 * imported: its logits equal PyTorch's, and saliency, Integrated Gradients and Grad-CAM equal
 * Captum's and pytorch-grad-cam's definitions computed in PyTorch on the same inputs
 * (scripts/reference/import_reference.py), Pearson r >= 0.999 per input.
 */
class ImportedTorchScriptTest {
  static final List<String> CLASSES = List.of("a", "b", "c");
  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void importIt() throws Exception {
    System.out.print(PythonModels.resnet18(dir));
    model = dir.resolve("imported");
    new ModelImport(dir.resolve("model.pt"), "torchscript", PythonModels.frontEnd(), 1, CLASSES, "layer4")
        .write(model, false, null, null, 0);
  }

  static float[] x() {
    return Npy.read(dir.resolve("x.npy")).data();
  }

  static int[] targets() {
    float[] t = Npy.read(dir.resolve("t.npy")).data();
    int[] out = new int[t.length];
    for (int i = 0; i < t.length; i++) out[i] = Math.round(t[i]);
    return out;
  }

  /** [n][H*W] rows of a reference .npy. */
  static float[][] rows(String file, int n) {
    float[] v = Npy.read(dir.resolve(file)).data();
    int per = v.length / n;
    float[][] out = new float[n][per];
    for (int i = 0; i < n; i++) System.arraycopy(v, i * per, out[i], 0, per);
    return out;
  }

  /** Pearson r >= 0.999 per input; a constant reference map (Grad-CAM's ReLU can zero a whole map) must be matched exactly. */
  static void assertMapsAgree(String what, float[][] ours, float[][] reference) {
    for (int i = 0; i < reference.length; i++) {
      if (constant(reference[i])) {
        assertArrayEquals(reference[i], ours[i], 1e-6f, what + " input " + i + " (constant)");
        continue;
      }
      double r = Correlation.pearson(new float[][] {ours[i]}, new float[][] {reference[i]});
      System.out.printf("%s input %d: pearson %.6f%n", what, i, r);
      assertTrue(r >= 0.999, what + " input " + i + ": r = " + r);
    }
  }

  static boolean constant(float[] v) {
    for (float x : v) if (x != v[0]) return false;
    return true;
  }

  @Test
  void logitsEqualPytorch() {
    try (TrainedModel m = TrainedModel.open(model)) {
      assertEquals("torchscript", m.config().model());
      float[][] z = m.logits(x(), PythonModels.N);
      float[][] ref = rows("logits.npy", PythonModels.N);
      for (int i = 0; i < z.length; i++) assertArrayEquals(ref[i], z[i], 1e-4f);
    }
  }

  @Test
  void gradientMethodsEqualTheirDefinitionsInPytorch() {
    try (TrainedModel m = TrainedModel.open(model)) {
      Request r = Request.of(m.network(), x(), PythonModels.N).withTargets(targets()).withLayer("layer4")
          .withOptions(Options.of(Profile.PYTORCH_GRAD_CAM));
      Explanation sal = Explainers.explain("saliency", r);
      assertMapsAgree("saliency", sal.raw(), rows("saliency.npy", PythonModels.N));
      Explanation ig = Explainers.explain("integrated-gradients", r);
      assertMapsAgree("integrated-gradients", ig.raw(), rows("ig.npy", PythonModels.N));
      Explanation cam = Explainers.explain("gradcam", r);
      assertMapsAgree("gradcam raw", cam.raw(), rows("gradcam_raw.npy", PythonModels.N));
      assertMapsAgree("gradcam", cam.maps(), rows("gradcam.npy", PythonModels.N));
    }
  }

  /**
   * The randomisation test reaches the module's own parameters: its layers are the resnet's
   * blocks from the output down, re-initialising them changes the maps, and the trained
   * parameters (so the logits) are back afterwards.
   */
  @Test
  void sanityReinitialisesTheModulesParameters() {
    try (TrainedModel m = TrainedModel.open(model)) {
      float[] x = x();
      int n = PythonModels.N;
      float[][] before = m.logits(x, n);
      MapMaker saliency = MapMaker.method("saliency", Options.of(Profile.PYTORCH_GRAD_CAM));
      float[][] trained = saliency.maps(m.network(), x, n, targets());
      List<LayerStep> steps = ParameterRandomisation.steps(m.network(), saliency, x, n, targets(), trained, 3, true);
      assertEquals(List.of("m.fc", "m.layer4", "m.layer3", "m.layer2", "m.layer1", "m.bn1", "m.conv1"),
          steps.stream().map(LayerStep::layer).toList());
      double last = steps.get(steps.size() - 1).spearman();
      System.out.printf("cascading randomisation of the imported resnet18: Spearman after fc %.3f, after conv1 %.3f%n",
          steps.get(0).spearman(), last);
      assertTrue(last < 0.5, "maps after randomising every layer still agree: " + last);
      float[][] after = m.logits(x, n);
      for (int i = 0; i < n; i++) assertArrayEquals(before[i], after[i], 0f);
    }
  }

  @Test
  void badImportsSayWhyAndWriteNothing() throws Exception {
    Path pt = dir.resolve("model.pt");
    Path out = dir.resolve("bad");
    SpectrolensException e = assertThrows(SpectrolensException.class, () ->
        new ModelImport(pt, "torchscript", PythonModels.frontEnd(), 1, List.of("a", "b"), null).write(out, false, null, null, 0));
    assertTrue(e.getMessage().contains("gives 3 outputs per input, but 2 classes were named"), e.getMessage());
    e = assertThrows(SpectrolensException.class, () ->
        new ModelImport(pt, "torchscript", PythonModels.frontEnd(), 1, CLASSES, "layer9").write(out, false, null, null, 0));
    assertTrue(e.getMessage().contains("exposes no method 'to_layer9'"), e.getMessage());
    e = assertThrows(SpectrolensException.class, () ->
        new ModelImport(pt, "torchscript", PythonModels.frontEnd(), 3, CLASSES, null).write(out, false, null, null, 0));
    assertTrue(e.getMessage().contains("rejects input of shape [2, 3, 64, 96]"), e.getMessage());
    Path text = Files.writeString(dir.resolve("notes.pt"), "not a model");
    e = assertThrows(SpectrolensException.class, () ->
        new ModelImport(text, "torchscript", PythonModels.frontEnd(), 1, CLASSES, null).write(out, false, null, null, 0));
    assertTrue(e.getMessage().contains("not a TorchScript file"), e.getMessage());
    e = assertThrows(SpectrolensException.class, () ->
        new ModelImport(pt, "onnx", PythonModels.frontEnd(), 1, CLASSES, null).write(out, false, null, null, 0));
    assertTrue(e.getMessage().contains("not an ONNX file"), e.getMessage());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("bad")), "a partial folder was left");
    }
  }
}

package org.spectrolens.nn.imported;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
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
import org.spectrolens.nn.model.TrainedModel;

/**
 * The resnet18 of {@link ImportedTorchScriptTest} exported by torch.onnx and run by ONNX
 * Runtime: its logits and occlusion maps equal the TorchScript file's (maps within 1e-5), and a
 * gradient or CAM method asked of it is refused in one line.
 */
class ImportedOnnxTest {
  static final List<String> CLASSES = List.of("a", "b", "c");
  @TempDir static Path dir;

  @BeforeAll
  static void importBoth() throws Exception {
    String out = PythonModels.resnet18(dir);
    Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("model.onnx")), "torch.onnx.export failed here: " + out);
    new ModelImport(dir.resolve("model.onnx"), "onnx", PythonModels.frontEnd(), 1, CLASSES, null).write(dir.resolve("onnx"), false, null, null, 0);
    new ModelImport(dir.resolve("model.pt"), "torchscript", PythonModels.frontEnd(), 1, CLASSES, null).write(dir.resolve("ts"), false, null, null, 0);
  }

  @Test
  void occlusionMapsEqualTheTorchScriptOnes() {
    float[] x = Npy.read(dir.resolve("x.npy")).data();
    int n = PythonModels.N;
    try (TrainedModel onnx = TrainedModel.open(dir.resolve("onnx")); TrainedModel ts = TrainedModel.open(dir.resolve("ts"))) {
      float[][] zo = onnx.logits(x, n);
      float[][] zt = ts.logits(x, n);
      for (int i = 0; i < n; i++) assertArrayEquals(zt[i], zo[i], 1e-4f);
      Options o = Options.of(Profile.PYTORCH_GRAD_CAM);
      Explanation a = Explainers.explain("occlusion", Request.of(onnx.network(), x, n).withOptions(o));
      Explanation b = Explainers.explain("occlusion", Request.of(ts.network(), x, n).withOptions(o));
      double raw = 0;
      double scaled = 0;
      for (int i = 0; i < n; i++) {
        for (int p = 0; p < a.raw()[i].length; p++) {
          raw = Math.max(raw, Math.abs(a.raw()[i][p] - b.raw()[i][p]));
          scaled = Math.max(scaled, Math.abs(a.maps()[i][p] - b.maps()[i][p]));
        }
      }
      System.out.printf("occlusion ONNX vs TorchScript: largest difference %.3g raw (logit drops), %.3g after min-max%n", raw, scaled);
      assertTrue(raw <= 1e-5, "raw occlusion maps differ by " + raw);
      assertTrue(scaled <= 1e-4, "min-max scaled occlusion maps differ by " + scaled);
    }
  }

  @Test
  void gradientAndCamMethodsAreRefusedInOneLine() {
    float[] x = Npy.read(dir.resolve("x.npy")).data();
    try (TrainedModel onnx = TrainedModel.open(dir.resolve("onnx"))) {
      for (String m : List.of("saliency", "integrated-gradients", "gradcam")) {
        SpectrolensException e = assertThrows(SpectrolensException.class,
            () -> Explainers.explain(m, Request.of(onnx.network(), java.util.Arrays.copyOf(x, x.length / PythonModels.N), 1)), m);
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("--"), e.getMessage());
        System.out.println(m + ": " + e.getMessage());
      }
    }
  }
}

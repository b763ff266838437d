package org.spectrolens.explain;

import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.method.GradCam;
import org.spectrolens.params.ParameterRecords;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;

/** The registry, parameter records and the generated docs table. */
class RegistryTest {
  @Test
  void everyDesignMethodIsRegisteredWithValidParameters() {
    assertEquals(List.of("cam", "gradcam", "gradcam++", "layercam", "hirescam", "xgradcam", "eigencam", "ablationcam", "scorecam",
        "faster-scorecam", "saliency", "smoothgrad", "integrated-gradients", "occlusion", "region-occlusion"), Explainers.IDS);
    for (MethodDefinition<?> d : Explainers.all()) {
      for (Profile p : Profile.values()) {
        Method m = Explainers.of(d.id(), p, Map.of());
        assertEquals(d.id(), m.id());
        // every parameter's value under every profile lies in its declared range
        Map<String, Object> values = ParameterRecords.values(d.defaults(p));
        for (ParameterRecords.Parameter q : d.parameters()) {
          Object v = values.get(q.name());
          if (v instanceof Number n) assertTrue(n.doubleValue() >= q.min() && n.doubleValue() <= q.max(), d.id() + "." + q.name());
          else if (!q.choices().isEmpty()) assertTrue(q.choices().contains(v), d.id() + "." + q.name());
        }
      }
    }
  }

  @Test
  void parametersAreSetFromTextAndChecked() {
    Method m = Explainers.of("smoothgrad:gradcam++", Profile.TF_KERAS_VIS,
        Map.of("smoothgrad", Map.of("samples", "7", "aggregation", "variance"), "gradcam++", Map.of("epsilon", "0.5")));
    assertEquals("smoothgrad:gradcam++", m.id());
    Map<String, Object> d = m.describe(Options.of(Profile.TF_KERAS_VIS));
    assertEquals(7, d.get("samples"));
    assertEquals("variance", d.get("aggregation"));
    assertEquals("gradcam++", d.get("wraps"));
    @SuppressWarnings("unchecked")
    Map<String, Object> inner = (Map<String, Object>) d.get("wrapped_parameters");
    assertEquals("normalised", inner.get("alpha"));
    assertEquals(0.5, inner.get("epsilon"));
    assertThrows(SpectrolensException.class, () -> Explainers.of("smoothgrad", Profile.SPECTROLENS, Map.of("smoothgrad", Map.of("samples", "2.5"))));
    assertThrows(SpectrolensException.class, () -> Explainers.of("smoothgrad", Profile.SPECTROLENS, Map.of("smoothgrad", Map.of("noise", "-1"))));
    assertThrows(SpectrolensException.class, () -> Explainers.of("smoothgrad", Profile.SPECTROLENS, Map.of("smoothgrad", Map.of("noise", "NaN"))));
    assertThrows(SpectrolensException.class, () -> Explainers.of("gradcam:saliency"));
    assertThrows(SpectrolensException.class, () -> Explainers.of("nope"));
    assertThrows(IllegalArgumentException.class, () -> Explainers.register(GradCam.DEFINITION.id().equals("gradcam")
        ? MethodDefinition.of("gradcam", "another", "1 forward", GradCam::new) : null));
  }

  @Test
  void docsTableIsTheRegistrysTable() throws Exception {
    String docs = Files.readString(Path.of("../docs/explain.md"));
    int a = docs.indexOf("<!-- methods:begin -->\n");
    int b = docs.indexOf("<!-- methods:end -->");
    assertTrue(a >= 0 && b > a, "docs/explain.md keeps the generated table between the markers");
    assertEquals(Explainers.markdownTable(), docs.substring(a + "<!-- methods:begin -->\n".length(), b),
        "regenerate the table in docs/explain.md from Explainers.markdownTable()");
  }
}

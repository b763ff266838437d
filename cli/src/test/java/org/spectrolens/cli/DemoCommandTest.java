package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrolens.io.Json;
import org.spectrolens.nn.evaluate.StudySummary;

/**
 * {@code demo --quick}: both studies end to end as a smoke test; the report carries every section and
 * the summary the accuracies. The run is {@link QuickDemo}'s, which the explorer's browser test serves.
 */
class DemoCommandTest {
  @Test
  void quickDemoRunsBothStudiesAndWritesTheReport() throws Exception {
    CliRun run = QuickDemo.run();
    assertEquals(0, run.exit(), run.err());
    Path out = QuickDemo.get();
    JsonNode summary = Json.MAPPER.readTree(out.resolve("summary.json").toFile());
    for (String exp : List.of("vowels-fullband", "vowels-4k", "voicing-4k")) {
      double acc = summary.get("speech").get(exp).get("accuracy").asDouble();
      assertTrue(acc > 0 && acc <= 1, exp + " accuracy " + acc);
      assertTrue(summary.get("speech").get(exp).get("deletion_auc_prob").has("random map"), exp);
    }
    double scene = summary.get("monitoring").get("accuracy").asDouble();
    assertTrue(scene > 0 && scene <= 1, "scene accuracy " + scene);
    assertTrue(summary.get("seconds").has("report"));
    // the library's record reads the file back whole: written and read through one shape
    assertEquals(summary, Json.MAPPER.readTree(Json.toString(StudySummary.read(out.resolve("summary.json")))));
    String page = Files.readString(out.resolve("report.html"));
    for (String kind : List.of("training", "explain", "faithfulness", "sanity", "localisation", "analysis", "groups", "ablation", "discriminativity")) {
      assertTrue(page.contains("class=\"" + kind + "\""), "report section " + kind);
    }
    for (String exp : List.of("vowels-fullband", "vowels-4k", "voicing-4k", "ablation", "monitoring-scene")) {
      assertTrue(page.contains("id=\"e-" + exp + "\""), "one chapter per experiment: " + exp);
    }
    assertTrue(page.contains("Layer choice, gradcam: the share of its relevance on the truth region is"), "the layer's evidence");
    assertTrue(page.contains("CAM methods at conv3"), "the layer the maps are read at");
    assertTrue(run.out().contains("$ ./spectrolens train --data"), "prints each step as a command");
    assertTrue(run.out().contains("report.html"), "ends with the report's path");
    assertTrue(run.out().contains("./spectrolens serve " + out), "ends with the command that explores its output");
  }
}

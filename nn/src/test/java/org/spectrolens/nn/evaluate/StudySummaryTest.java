package org.spectrolens.nn.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;
import org.spectrolens.judge.result.FaithfulnessResult;
import org.spectrolens.judge.result.JudgeRun;
import org.spectrolens.judge.result.MapScores;

/** The demo's headline figures come from the model's metrics and the faithfulness file, and are written in the keys demo always wrote. */
class StudySummaryTest {
  @Test
  void headlineFiguresAndTheirKeys(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("model");
    Path judge = dir.resolve("judge");
    // 3 of 4 right; recall 2/2 for a, 1/2 for b: balanced accuracy (1 + 0.5) / 2 = 0.75
    Json.write(model.resolve("metrics.json"), Metrics.of(List.of("a", "b"), new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 0}, "m", "d", "test", null));
    MapScores gradcam = new MapScores(Map.of("deletion_auc_prob", 0.25), 1.0, null);
    MapScores random = new MapScores(Map.of("deletion_auc_prob", 0.5), 1.0, null);
    new FaithfulnessResult(Map.of("gradcam", gradcam), Map.of("random", random), JudgeRun.of("m", "d", "test", 4, List.of("gradcam"), null, 1), null)
        .write(judge.resolve("faithfulness"));

    StudySummary.Headline h = StudySummary.Headline.of(model, judge);
    assertEquals(0.75, h.accuracy(), 1e-12);
    assertEquals(0.75, h.balancedAccuracy(), 1e-12);
    assertEquals(4, h.testItems());
    assertEquals(Map.of("gradcam", 0.25, "random map", 0.5), h.deletionAucProb());
    assertEquals(Map.of(), StudySummary.Headline.of(model, dir.resolve("nothing")).deletionAucProb(), "no faithfulness run, no AUCs");

    StudySummary s = new StudySummary(Map.of("vowels", h), h, null, Map.of("synth", 2.0), 3.0, "report.html");
    assertEquals(List.of("speech", "monitoring", "seconds", "total_seconds", "report"), fields(Json.toString(s)), "no paper-resolution key without one");
    assertEquals(List.of("accuracy", "balanced_accuracy", "test_items", "deletion_auc_prob"), fields(Json.toString(h)));
    s.write(dir);
    assertEquals(s, StudySummary.read(dir.resolve(StudySummary.FILE)));
    assertEquals("vowels                      75.00%    75.00%      4   gradcam 0.250, random map 0.500", s.table().get(1));
  }

  private static List<String> fields(String json) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    Json.MAPPER.readTree(json).fieldNames().forEachRemaining(out::add);
    return out;
  }
}

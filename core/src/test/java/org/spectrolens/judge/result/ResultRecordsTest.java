package org.spectrolens.judge.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;

/**
 * The judging result records write the files the commands wrote from maps (keys in the same order,
 * NaN as "NaN", the open metric keys flat beside seconds) and read them back, partial files too.
 */
class ResultRecordsTest {
  @TempDir Path dir;

  private static Map<String, Double> scores(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Double) kv[i + 1]);
    return m;
  }

  @Test
  void faithfulnessIsWrittenFlatInOrderAndReadBack() throws Exception {
    JudgeRun run = JudgeRun.of("m", "d", "test", 3, List.of("saliency"), null, 1).with(Map.of("baseline", "floor"))
        .with("seed", 1L).with("explain_options", Map.of("seed", 1));
    FaithfulnessResult r = new FaithfulnessResult(
        Map.of("saliency", new MapScores(scores("my_metric", 0.25, "deletion_auc_prob", Double.NaN), 1.5, null)),
        Map.of("random", new MapScores(scores("my_metric", 0.5), 0.5, null)), run, new FaithfulnessResult.Speed(2.0, 1.0, 10, 10.0, 2));
    r.write(dir);
    String text = Files.readString(dir.resolve(FaithfulnessResult.FILE));
    // the same text a LinkedHashMap of the same keys gives: the shape the commands wrote before the records
    Map<String, Object> saliency = new LinkedHashMap<>();
    saliency.put("my_metric", 0.25);
    saliency.put("deletion_auc_prob", Double.NaN);
    saliency.put("seconds", 1.5);
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("model", "m");
    options.put("data", "d");
    options.put("split", "test");
    options.put("samples", 3);
    options.put("methods", List.of("saliency"));
    options.put("layer", "last convolutional block");
    options.put("seed", 1L);
    options.put("targets", "predicted class");
    options.put("baseline", "floor");
    options.put("explain_options", Map.of("seed", 1));
    Map<String, Object> speed = new LinkedHashMap<>();
    speed.put("seconds", 2.0);
    speed.put("metric_seconds", 1.0);
    speed.put("forward_passes", 10L);
    speed.put("forward_passes_per_second", 10.0);
    speed.put("threads", 2);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("methods", Map.of("saliency", saliency));
    Map<String, Object> random = new LinkedHashMap<>();
    random.put("my_metric", 0.5);
    random.put("seconds", 0.5);
    expected.put("baselines", Map.of("random", random));
    expected.put("options", options);
    expected.put("speed", speed);
    assertEquals(Json.toString(expected) + "\n", text);
    assertTrue(text.contains("\"deletion_auc_prob\" : \"NaN\""), text);

    FaithfulnessResult back = FaithfulnessResult.read(dir.resolve(FaithfulnessResult.FILE));
    assertEquals(List.of("my_metric", "deletion_auc_prob"), back.metricIds());
    assertTrue(Double.isNaN(back.methods().get("saliency").score("deletion_auc_prob")));
    assertEquals(0.25, back.methods().get("saliency").score("my_metric"));
    assertEquals(1.5, back.methods().get("saliency").seconds());
    assertEquals(3, back.options().samples());
    assertEquals("floor", back.options().setting("baseline", "?"));
    assertEquals(r.speed(), back.speed());
    back.write(dir.resolve("again"));
    assertEquals(text, Files.readString(dir.resolve("again").resolve(FaithfulnessResult.FILE)), "a read file is written back unchanged");
  }

  @Test
  void localisationCarriesThePlateausAfterTheSeconds() throws Exception {
    MapScores s = new MapScores(scores("pointing_game", 0.4, "max_tied_cells", 256.0), 3.0, Plateaus.of(new double[] {1, 4, 1024}));
    LocalisationResult r = new LocalisationResult(Map.of("layercam", s), Map.of(), Map.of("pointing_game", 0.14),
        JudgeRun.of("m", "d", "test", 3, List.of("layercam"), "conv4", 0).with("truth", "synth"));
    r.write(dir);
    String text = Files.readString(dir.resolve(LocalisationResult.FILE));
    String entry = text.substring(text.indexOf("\"layercam\""), text.indexOf('}'));
    assertTrue(entry.indexOf("max_tied_cells") < entry.indexOf("seconds") && entry.indexOf("seconds") < entry.indexOf("\"items\" : 3")
        && entry.indexOf("\"items\" : 3") < entry.indexOf("\"items_with_tied_maximum\" : 2")
        && entry.indexOf("\"items_with_tied_maximum\"") < entry.indexOf("\"largest_tied_maximum\" : 1024"), entry);
    LocalisationResult back = LocalisationResult.read(dir.resolve(LocalisationResult.FILE));
    assertEquals(new Plateaus(3, 2, 1024), back.methods().get("layercam").plateaus());
    assertEquals(List.of("pointing_game", "max_tied_cells"), back.metricIds(), "the plateau counts are not scores");
    assertEquals(0.14, back.chance("pointing_game"));
    assertTrue(Double.isNaN(back.chance("relevance_mass")));
    assertEquals("conv4", back.options().layer());
  }

  @Test
  void sanityWritesTheDataRandomisationOnlyWhenThereIsOne() throws Exception {
    SanityResult.Step step = SanityResult.Step.of("fc", new SanityResult.Similarity(Double.NaN, 0.2, 2, 0));
    SanityResult.Checks without = new SanityResult.Checks(List.of(step), List.of(step), 0.3, true, null, true, true, List.of(), 1.0);
    SanityResult.Checks with = new SanityResult.Checks(List.of(step), List.of(), 0.9, false, new SanityResult.Similarity(0.9, 0.8, 2, 2),
        false, false, List.of("data_randomisation"), 1.0);
    Map<String, SanityResult.Checks> methods = new LinkedHashMap<>();
    methods.put("gradcam", without);
    methods.put("saliency", with);
    new SanityResult(methods, List.of("saliency"), JudgeRun.of("m", "d", "test", 2, List.of("gradcam", "saliency"), null, 0)
        .with("shuffled_model", null)).write(dir);
    String text = Files.readString(dir.resolve(SanityResult.FILE));
    assertEquals(1, text.split("data_randomisation\" :", -1).length - 1, "written once, for saliency: " + text);
    assertTrue(text.contains("\"shuffled_model\" : null"), text);
    String gradcam = text.substring(text.indexOf("\"gradcam\""), text.indexOf("\"saliency\""));
    List<String> keys = List.of("cascading", "independent", "random_logit_ssim", "random_logit_passes", "verdict_on_ssim_only", "passes",
        "failed_checks", "seconds");
    for (int i = 1; i < keys.size(); i++) {
      assertTrue(gradcam.indexOf("\"" + keys.get(i - 1) + "\"") < gradcam.indexOf("\"" + keys.get(i) + "\""), keys.get(i) + " in " + gradcam);
    }
    SanityResult back = SanityResult.read(dir.resolve(SanityResult.FILE));
    assertNull(back.methods().get("gradcam").dataRandomisation());
    assertEquals(0.8, back.methods().get("saliency").dataRandomisation().ssim());
    assertTrue(Double.isNaN(back.methods().get("gradcam").last().spearman()));
    assertEquals(List.of("saliency"), back.failing());
  }

  @Test
  void aPartialFileReadsWithAbsentFieldsAsNull() throws Exception {
    Path f = dir.resolve("sanity.json");
    Files.writeString(f, "{\"methods\": {\"gradcam\": {\"cascading\": [{\"layer\": \"fc\", \"spearman\": 0.9}], \"passes\": true}}}");
    SanityResult r = SanityResult.read(f);
    SanityResult.Checks c = r.methods().get("gradcam");
    assertNull(c.randomLogitSsim());
    assertNull(c.last().items());
    assertTrue(c.passes());
    assertEquals(List.of(), r.failing());
    assertNull(r.options());
  }

  @Test
  void anUnknownMetricIsItsOwnHeading() {
    // core defines no metrics; nn's registry provides them where it is on the class path
    MetricCatalogue.Column c = MetricCatalogue.column("no_such_metric");
    assertEquals("no_such_metric", c.headingWithArrow());
    assertEquals("AUC ↓", new MetricCatalogue.Column("x", "AUC", "lower").headingWithArrow());
  }
}

package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;

/** faithfulness, sanity and localisation through the command line: the contract's files and keys, and the one-line errors. */
class JudgeCommandsTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;
  static Path shuffled;

  @BeforeAll
  static void train() throws Exception {
    data = dir.resolve("ds");
    TwoBandDataset.write(data, s -> dir.resolve("s" + s + ".wav").toString());
    model = dir.resolve("model");
    CliRun t = CliRun.of("train", "--data", data.toString(), "--model", "smallcnn", "--out", model.toString(),
        "--epochs", "1", "--batch", "8", "--quiet", "--seed", "2");
    assertEquals(0, t.exit(), t.err());
    shuffled = dir.resolve("shuffled");
    CliRun s = CliRun.of("train", "--data", data.toString(), "--model", "smallcnn", "--out", shuffled.toString(),
        "--epochs", "1", "--batch", "8", "--quiet", "--seed", "2", "--shuffle-labels");
    assertEquals(0, s.exit(), s.err());
    assertTrue(Json.MAPPER.readTree(shuffled.resolve("config.json").toFile()).toString().contains("\"shuffle_labels\":true"));
  }

  static final List<String> FAITHFULNESS_KEYS = List.of("mean_top50_weight", "average_drop", "average_increase", "prediction_change",
      "deletion_auc_prob", "insertion_auc_prob", "deletion_auc_acc", "insertion_auc_acc", "road_morf_auc", "road_lerf_auc",
      "faithfulness_correlation", "sparseness", "seconds");

  @Test
  void faithfulnessWritesTheContractsJsonCurvesAndFigure() throws Exception {
    Path out = dir.resolve("faith");
    CliRun run = CliRun.of("faithfulness", "--model", model.toString(), "--data", data.toString(), "--methods", "saliency,gradcam",
        "--samples", "3", "--grid", "8x8", "--step", "0.25", "--seed", "1", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    // progress on stderr: the maps, then each map set's metrics (issue 25: an hour at the defaults said nothing)
    assertTrue(run.err().contains("faithfulness: explained 3 of 3 items"), run.err());
    assertTrue(run.err().contains("faithfulness: saliency: ") && run.err().contains("(map set 1 of 4)"), run.err());
    assertTrue(run.err().contains("faithfulness: energy: ") && run.err().contains("(map set 4 of 4)"), run.err());
    JsonNode j = Json.MAPPER.readTree(out.resolve("faithfulness.json").toFile());
    for (String group : List.of("methods", "baselines")) {
      List<String> names = new ArrayList<>();
      j.get(group).fieldNames().forEachRemaining(names::add);
      assertEquals(group.equals("methods") ? List.of("saliency", "gradcam") : List.of("random", "energy"), names);
      for (String name : names) for (String key : FAITHFULNESS_KEYS) assertTrue(j.get(group).get(name).has(key), group + "." + name + "." + key);
    }
    assertEquals("floor", j.get("options").get("baseline").asText());
    assertEquals("grid 8x8", j.get("options").get("units").asText());
    List<String> csv = Files.readAllLines(out.resolve("curves.csv"));
    assertEquals("method,curve,class,fraction,value", csv.get(0));
    // 4 map sets x 4 curves x (all + 2 classes at most) x 5 fractions
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("energy,insertion_acc,all,1.0000,")));
    assertTrue(csv.stream().anyMatch(l -> l.startsWith("saliency,deletion_prob,all,0.0000,")));
    assertTrue(Files.size(out.resolve("curves.png")) > 10_000);
    assertTrue(Files.size(out.resolve("curves-per-class.png")) > 10_000);
  }

  @Test
  void faithfulnessComputesOnlyWhatTheAskedMetricsNeed() throws Exception {
    Path out = dir.resolve("faith-complexity");
    CliRun run = CliRun.of("faithfulness", "--model", model.toString(), "--data", data.toString(), "--methods", "saliency",
        "--metrics", "sparseness,entropy", "--samples", "3", "--grid", "8x8", "--seed", "1", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode j = Json.MAPPER.readTree(out.resolve("faithfulness.json").toFile());
    // no forward pass for the metrics (the one pass that picks the explained classes is not theirs): no curve was run
    assertEquals(0, j.get("speed").get("forward_passes").asLong());
    assertTrue(j.get("methods").get("saliency").has("entropy"));
    assertFalse(Files.exists(out.resolve("curves.csv")));
    assertFalse(Files.exists(out.resolve("curves.png")));
  }

  @Test
  void sanitySaysWhichMethodsFail() throws Exception {
    Path out = dir.resolve("sanity");
    CliRun run = CliRun.of("sanity", "--model", model.toString(), "--data", data.toString(), "--methods", "saliency",
        "--samples", "2", "--shuffled-model", shuffled.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode j = Json.MAPPER.readTree(out.resolve("sanity.json").toFile());
    JsonNode s = j.get("methods").get("saliency");
    assertEquals(7, s.get("cascading").size());
    assertEquals("fc", s.get("cascading").get(0).get("layer").asText());
    assertTrue(s.get("cascading").get(0).has("spearman") && s.get("cascading").get(0).has("ssim"));
    // every mean says on how many items it rests (Spearman is undefined for a constant map)
    assertEquals(2, s.get("cascading").get(0).get("items").asInt());
    assertTrue(s.get("cascading").get(0).get("spearman_items").asInt() <= 2);
    assertTrue(s.get("verdict_on_ssim_only").isBoolean());
    assertEquals(7, s.get("independent").size());
    assertTrue(s.has("random_logit_ssim") && s.get("passes").isBoolean());
    assertFalse(j.get("methods").get("energy").get("passes").asBoolean()); // maps that ignore the weights
    assertTrue(j.get("failing").toString().contains("energy"));
    assertTrue(Files.size(out.resolve("sanity.png")) > 10_000);
  }

  @Test
  void badInputIsOneLineAndWritesNothing() {
    String m = model.toString();
    String d = data.toString();
    assertOneLine("--metrics: unknown metric 'accuracy'", "faithfulness", "--model", m, "--data", d, "--metrics", "accuracy");
    assertOneLine("--metrics: 'relevance_mass' is a localisation metric", "faithfulness", "--model", m, "--data", d, "--metrics", "relevance_mass");
    assertOneLine("--methods: unknown method 'gradkam'", "faithfulness", "--model", m, "--data", d, "--methods", "gradkam");
    assertOneLine("--methods: unknown method 'gradkam'", "sanity", "--model", m, "--data", d, "--methods", "gradkam");
    assertOneLine("--grid: 32x32 is larger than the input (16x16)", "faithfulness", "--model", m, "--data", d, "--grid", "32x32");
    assertOneLine("--step: must be in (0, 1], got 0.0", "faithfulness", "--model", m, "--data", d, "--grid", "8x8", "--step", "0");
    assertOneLine("--step: must be in (0, 1], got 1.5", "faithfulness", "--model", m, "--data", d, "--grid", "8x8", "--step", "1.5");
    assertOneLine(d + ": --truth synth needs the synthesiser's truth/<id>.csv", "localisation", "--model", m, "--data", d, "--truth", "synth");
    assertOneLine("--truth: unknown truth source 'oracle'", "localisation", "--model", m, "--data", d, "--truth", "oracle");
  }

  private static void assertOneLine(String start, String... args) {
    Path out = dir.resolve("bad-" + System.nanoTime());
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--out";
    all[args.length + 1] = out.toString();
    CliRun run = CliRun.of(all);
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().startsWith("spectrolens: " + start), "[" + run.err() + "] for " + String.join(" ", args));
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
  }
}

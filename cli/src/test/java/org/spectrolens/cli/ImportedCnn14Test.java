package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.stats.Correlation;

/**
 * A PANNs-style CNN14 brought in from Python (scripts/reference/cnn14_reference.py: the Cnn14 of
 * Kong et al. 2020 written out, random weights, 32 kHz, 64 Slaney log-mel bands, torchaudio's front
 * end) and read with every command a user would run on it: {@code import} checks the logits of a
 * recording through the declared front end against torchaudio's (within 1e-4); {@code explain} on
 * that recording gives Python's probability, saliency and Grad-CAM; then a vowel dataset made with the model's
 * front end goes through {@code explain}, {@code faithfulness}, {@code analyze} and {@code report}.
 */
class ImportedCnn14Test {
  static final List<String> VOWELS = List.of("i", "ae", "er", "aa", "u");
  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void scriptAndImport() throws Exception {
    System.out.print(ReferenceScripts.run("cnn14_reference.py", "torch, torchaudio", dir.toString(), "" + VOWELS.size()));
    model = dir.resolve("cnn14");
    CliRun imp = CliRun.of("import", "--torchscript", dir.resolve("cnn14.pt").toString(), "--front-end", dir.resolve("front.json").toString(),
        "--classes", String.join(",", VOWELS), "--layer", "conv_block6", "--check", dir.resolve("probe.wav").toString(),
        "--expect", dir.resolve("expect.npy").toString(), "--out", model.toString());
    assertEquals(0, imp.exit(), imp.err());
    System.out.print(imp.out());
    Matcher m = Pattern.compile("largest logit difference (\\S+)").matcher(imp.out());
    assertTrue(m.find(), imp.out());
    assertTrue(Double.parseDouble(m.group(1)) <= 1e-4, imp.out());
    assertTrue(imp.out().contains("input [1, 64, 101], 5 classes, layer conv_block6"), imp.out());
  }

  /** The probe recording explained by spectrolens: its probability and maps are Python's. */
  @Test
  void explainOnTheProbeEqualsTorchAutograd() throws Exception {
    Path out = dir.resolve("probe-explain");
    CliRun ex = CliRun.of("explain", "--model", model.toString(), "--input", dir.resolve("probe.wav").toString(),
        "--methods", "saliency,gradcam", "--quiet", "--out", out.toString());
    assertEquals(0, ex.exit(), ex.err());
    float[] logits = Npy.read(dir.resolve("expect.npy")).data();
    int t = 0;
    double sum = 0;
    for (int k = 0; k < logits.length; k++) {
      if (logits[k] > logits[t]) t = k;
    }
    for (float z : logits) sum += Math.exp(z - logits[t]);
    List<String> row = List.of(Files.readAllLines(out.resolve("items.csv")).get(1).split(","));
    List<String> header = List.of(Files.readAllLines(out.resolve("items.csv")).get(0).split(","));
    assertEquals(VOWELS.get(t), row.get(header.indexOf("predicted")));
    assertEquals(1 / sum, Double.parseDouble(row.get(header.indexOf("probability"))), 1e-5, "softmax of Python's logits");
    Npy.Array cam = Npy.read(out.resolve("gradcam.raw.npy"));
    assertArrayEquals(new int[] {1, 2, 3}, cam.shape()); // conv_block6: 64 mel / 32, 101 frames / 32
    pearsonAtLeast("gradcam raw", cam.data(), Npy.read(dir.resolve("probe_gradcam_raw.npy")).data());
    Npy.Array sal = Npy.read(out.resolve("saliency.raw.npy"));
    assertArrayEquals(new int[] {1, 64, 101}, sal.shape());
    pearsonAtLeast("saliency", sal.data(), Npy.read(dir.resolve("probe_saliency.npy")).data());
  }

  /** explain, faithfulness, analyze and report over a vowel dataset made with the imported model's front end. */
  @Test
  void explainFaithfulnessAnalyzeAndReportRunOnIt() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path ds = dir.resolve("ds");
    Path results = dir.resolve("results");
    run("synth", "--out", corpus.toString(), "--utterances", "24", "--seed", "3");
    run("dataset", "--corpus", corpus.toString(), "--task", "vowels", "--frontend-from", model.toString(), "--max-per-class", "3",
        "--seed", "1", "--no-progress", "--out", ds.toString());
    run("explain", "--model", model.toString(), "--data", ds.toString(), "--split", "all", "--per-class", "1",
        "--methods", "gradcam,saliency", "--quiet", "--out", results.resolve("explain").toString());
    run("faithfulness", "--model", model.toString(), "--data", ds.toString(), "--split", "all", "--methods", "gradcam,saliency",
        "--samples", "3", "--grid", "4x4", "--step", "0.25", "--metrics", "mean_top50_weight,average_drop,deletion_auc_prob,insertion_auc_prob,sparseness",
        "--out", results.resolve("faithfulness").toString());
    run("analyze", "--model", model.toString(), "--data", ds.toString(), "--split", "all", "--per-class", "1",
        "--methods", "gradcam,saliency", "--permutations", "200", "--out", results.resolve("analysis").toString());
    Path html = dir.resolve("report.html");
    run("report", "--in", results.toString(), "--out", html.toString(), "--title", "CNN14");

    // explain: one item per vowel, maps on the 64 x 101 grid in [0, 1], Grad-CAM at the exposed layer
    JsonNode ex = Json.MAPPER.readTree(results.resolve("explain/explain.json").toFile());
    assertEquals("conv_block6", ex.get("layer").asText());
    Npy.Array cam = Npy.read(results.resolve("explain/gradcam.npy"));
    assertArrayEquals(new int[] {5, 64, 101}, cam.shape());
    assertArrayEquals(new int[] {5, 2, 3}, Npy.read(results.resolve("explain/gradcam.raw.npy")).shape());
    for (float v : cam.data()) assertTrue(v >= 0 && v <= 1, "map value " + v);
    List<String> labels = new ArrayList<>();
    for (String l : Files.readAllLines(results.resolve("explain/items.csv")).subList(1, 6)) labels.add(l.split(",")[5]);
    assertEquals(VOWELS.stream().sorted().toList(), labels.stream().sorted().toList());

    // faithfulness: each method and both reference maps scored with the asked metrics
    JsonNode f = Json.MAPPER.readTree(results.resolve("faithfulness/faithfulness.json").toFile());
    for (JsonNode m : List.of(f.get("methods").get("gradcam"), f.get("methods").get("saliency"), f.get("baselines").get("random"),
        f.get("baselines").get("energy"))) {
      double del = m.get("deletion_auc_prob").asDouble();
      assertTrue(del > 0 && del < 1, m.toString());
      assertTrue(m.get("sparseness").asDouble() > 0, m.toString());
    }
    assertTrue(Files.readString(results.resolve("faithfulness/curves.csv")).contains("saliency,deletion_prob,all,1.0000,"));

    // analyze: read against the synthesiser's truth; 22,050 Hz recordings on a 32 kHz front end leave rows empty, and it says so
    JsonNode a = Json.MAPPER.readTree(results.resolve("analysis/analysis.json").toFile());
    assertEquals(5, a.get("items").asInt());
    assertEquals("synth", a.get("truth").asText());
    assertEquals(11025.0, a.get("signal_top_hz").asDouble(), 1e-9);
    double profile = 0;
    for (JsonNode v : a.get("methods").get("gradcam").get("band_profile").get("all")) profile += v.asDouble();
    assertEquals(1.0, profile, 1e-6);
    assertArrayEquals(new int[] {5, 64, 101}, Npy.read(results.resolve("analysis/class_means/gradcam.npy")).shape());

    // report: one page with the three sections, its numbers those the commands wrote
    JsonNode r = Json.MAPPER.readTree(dir.resolve("report.json").toFile()).get("experiments");
    JsonNode rf = r.get("faithfulness").elements().next();
    assertEquals(f.get("methods").get("gradcam").get("deletion_auc_prob").asDouble(), rf.get("gradcam").get("deletion_auc_prob").asDouble());
    JsonNode ra = r.get("analysis").elements().next();
    double classMean = 0; // the report's figure: formant alignment averaged over the classes
    for (String c : VOWELS) classMean += a.get("methods").get("saliency").get("alignment").get(c).get("formants").asDouble() / VOWELS.size();
    assertEquals(classMean, ra.get("saliency").get("formant_alignment").asDouble(), 1e-9);
    assertEquals("conv_block6", r.get("explain").elements().next().get("gradcam").get("layer").asText());
    String page = Files.readString(html);
    assertTrue(page.contains("conv_block6") && page.contains("faithfulness"), "report page");
  }

  private static void run(String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
  }

  static void pearsonAtLeast(String what, float[] ours, float[] reference) {
    double r = Correlation.pearson(new float[][] {ours}, new float[][] {reference});
    System.out.printf("CNN14 %s on the probe vs torch autograd: pearson %.6f%n", what, r);
    assertTrue(r >= 0.999, what + ": r = " + r);
  }
}

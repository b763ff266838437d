package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;

/** {@code analyze} end to end on a tiny built-in corpus: synth -> vowel dataset -> smallcnn -> analyze. */
class AnalyzeCommandTest {
  @TempDir static Path dir;
  static Path ds;
  static Path model;

  @BeforeAll
  static void corpusDatasetModel() {
    Path corpus = dir.resolve("corpus");
    ds = dir.resolve("ds");
    model = dir.resolve("model");
    for (String[] args : List.of(
        new String[] {"synth", "--out", corpus.toString(), "--utterances", "24", "--seed", "3"},
        new String[] {"dataset", "--corpus", corpus.toString(), "--task", "vowels", "--out", ds.toString(), "--size", "32x32",
            "--fmax", "4000", "--group-by", "speaker", "--seed", "1", "--no-progress"},
        new String[] {"train", "--data", ds.toString(), "--model", "smallcnn", "--out", model.toString(), "--epochs", "1",
            "--seed", "1", "--quiet"})) {
      CliRun r = CliRun.of(args);
      assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
    }
  }

  @Test
  void writesTheReadingWithTheEnergyReferenceAndSpeakerGroups() throws Exception {
    Path out = dir.resolve("analysis");
    CliRun r = CliRun.of("analyze", "--model", model.toString(), "--data", ds.toString(), "--split", "all",
        "--methods", "gradcam,saliency", "--permutations", "200", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode a = Json.MAPPER.readTree(out.resolve("analysis.json").toFile());
    assertEquals(List.of("energy", "gradcam", "saliency"), names(a.get("methods")));
    assertEquals("synth", a.get("truth").asText());
    assertEquals("conv4", a.get("options").get("layer").asText(), "the CAM layer by its name in the network");
    assertEquals(0, a.get("items_without_truth").asInt());
    int items = a.get("items").asInt();
    assertTrue(items >= 20, "items " + items);
    assertEquals(List.of("children", "men", "women"), names(a.get("groups")));
    int k = a.get("classes").size();
    for (String m : List.of("energy", "gradcam", "saliency")) {
      JsonNode mr = a.get("methods").get(m);
      // every band profile is a distribution over the 250 Hz bands of 0-4000 Hz
      double sum = 0;
      for (JsonNode v : mr.get("band_profile").get("all")) sum += v.asDouble();
      assertEquals(1.0, sum, 1e-6, m);
      assertEquals(k * (k - 1) / 2, mr.get("confusion_overlap").get("pairs").size());
      JsonNode all = mr.get("alignment").get("all");
      assertEquals(items, all.get("n").asInt() + mr.get("empty_maps").asInt(), m); // an all-zero map has no alignment
      double ceiling = 1 / all.get("formant_share").asDouble();
      assertTrue(all.get("formants").asDouble() > 0 && all.get("formants").asDouble() < ceiling, m + " " + all);
      Npy.Array means = Npy.read(out.resolve("class_means").resolve(m + ".npy"));
      assertEquals(List.of(k, 32, 32), java.util.Arrays.stream(means.shape()).boxed().toList());
      assertEquals(3, mr.get("group_band_profile").size());
    }
    assertEquals(16, a.get("bands").size());
    // 22,050 Hz recordings on a 0-4000 Hz grid: every row holds signal.
    assertTrue(a.get("signal_top_hz").isNull(), a.get("signal_top_hz").toString());
    // Vowels of different lengths resized to 32 columns: said, with the range of seconds per column.
    JsonNode step = a.get("column_step_range");
    assertTrue(step.get(1).asDouble() > step.get(0).asDouble(), step.toString());
    assertTrue(a.get("notes").toString().contains("were resized to 32 columns"), a.get("notes").toString());
    assertTrue(r.out().contains("note: segments of "), r.out());
    for (String f : List.of("band_profiles.csv", "named_bands.csv", "alignment.csv", "confusion_overlap.csv",
        "group_band_profiles.csv", "band_profiles.png", "class_means.png", "confusion_overlap.png")) {
      assertTrue(Files.size(out.resolve(f)) > 100, f);
    }
    assertEquals("method,class,n,formants,formants_median,f1,f2,f3,formant_share,voiced,harmonics,harmonics_median,harmonic_share",
        Files.readAllLines(out.resolve("alignment.csv")).get(0));
    assertTrue(r.out().contains("gradcam"), r.out());
  }

  @Test
  void trackerTruthStandsInAndBadInputIsOneLine() throws Exception {
    Path out = dir.resolve("tracker");
    CliRun r = CliRun.of("analyze", "--model", model.toString(), "--data", ds.toString(), "--methods", "saliency",
        "--truth", "tracker", "--by", "speaker", "--per-class", "2", "--permutations", "10", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode a = Json.MAPPER.readTree(out.resolve("analysis.json").toFile());
    assertEquals("tracker", a.get("truth").asText());
    assertTrue(a.get("items").asInt() <= 2 * a.get("classes").size(), "--per-class 2: " + a.get("items"));
    assertTrue(a.get("methods").get("saliency").get("alignment").get("all").get("n").asInt() > 0);
    // The tracker's settings follow the 22,050 Hz recordings (Praat's defaults there) and are recorded.
    JsonNode used = a.get("options").get("formant_tracker").get("used").get("22050 Hz");
    assertEquals(5500, used.get("ceiling_hz").asDouble());
    assertEquals(5, used.get("max_formants").asDouble());

    // A ceiling above Nyquist is refused before the work by analyze and localisation alike, with formants' message.
    String nyquist = "formant ceiling 12000 Hz is above the Nyquist frequency (11025 Hz) of this 22050 Hz recording";
    CliRun formants = CliRun.of("formants", "--ceiling", "12000", dir.resolve("corpus/wavs").toFile().listFiles()[0].toString(),
        "--out", dir.resolve("f.csv").toString());
    assertTrue(formants.err().contains(nyquist), formants.err());
    for (String command : List.of("analyze", "localisation")) {
      CliRun high = CliRun.of(command, "--model", model.toString(), "--data", ds.toString(), "--methods", "saliency",
          "--truth", "tracker", "--ceiling", "12000", "--out", dir.resolve("high").toString());
      assertEquals(2, high.exit(), high.err());
      assertTrue(high.err().contains(nyquist), high.err());
      assertEquals(1, high.err().lines().count(), high.err());
      assertFalse(Files.exists(dir.resolve("high")));
    }
    // localisation with the tracker: its settings as used, and the truth region's share of the grid
    Path loc = dir.resolve("loc");
    CliRun l = CliRun.of("localisation", "--model", model.toString(), "--data", ds.toString(), "--truth", "tracker", "--methods",
        "saliency", "--samples", "6", "--out", loc.toString());
    assertEquals(0, l.exit(), l.err());
    JsonNode lj = Json.MAPPER.readTree(loc.resolve("localisation.json").toFile());
    double share = lj.get("region_share").asDouble();
    assertTrue(share > 0 && share < 1, "region share " + share);
    assertEquals(share, lj.at("/chance/relevance_mass").asDouble(), 1e-9, "the share is relevance mass's chance level");
    assertTrue(lj.toString().contains("\"formant_tracker\"") && lj.toString().contains("\"22050 Hz\""), lj.toString());
    assertTrue(l.out().contains("truth region     "), l.out());

    CliRun half = CliRun.of("localisation", "--model", model.toString(), "--data", ds.toString(), "--truth", "tracker",
        "--max-formants", "3.3", "--out", dir.resolve("half").toString());
    assertEquals(2, half.exit(), half.err());
    assertTrue(half.err().startsWith("spectrolens: --max-formants: must be a multiple of 0.5"), half.err());

    CliRun by = CliRun.of("analyze", "--model", model.toString(), "--data", ds.toString(), "--by", "accent", "--out",
        dir.resolve("x").toString());
    assertEquals(2, by.exit());
    assertTrue(by.err().startsWith("spectrolens: --by: no column 'accent' in "), by.err());
    assertEquals(1, by.err().lines().count(), by.err());
    assertFalse(Files.exists(dir.resolve("x")));

    // the same dataset whose corpus lost its truth files
    Path truth = dir.resolve("corpus/truth"), away = dir.resolve("truth-away");
    Files.move(truth, away);
    try {
      CliRun none = CliRun.of("analyze", "--model", model.toString(), "--data", ds.toString(), "--out", dir.resolve("y").toString());
      assertEquals(2, none.exit());
      assertTrue(none.err().startsWith("spectrolens: " + ds + ": --truth synth needs the synthesiser's truth/<id>.csv"), none.err());
      assertEquals(1, none.err().lines().count(), none.err());
      assertFalse(Files.exists(dir.resolve("y")));
    } finally {
      Files.move(away, truth);
    }
  }

  @Test
  void ablationTrainsAndReadsOneModelPerCutoff() throws Exception {
    Path out = dir.resolve("ablation");
    CliRun r = CliRun.of("ablation", "--corpus", dir.resolve("corpus").toString(), "--fmax", "2000,full", "--size", "16x16",
        "--epochs", "1", "--methods", "saliency", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode a = Json.MAPPER.readTree(out.resolve("ablation.json").toFile());
    assertEquals(2, a.get("cutoffs").size());
    JsonNode low = a.get("cutoffs").get(0), full = a.get("cutoffs").get(1);
    assertEquals("2000", low.get("fmax").asText());
    assertEquals(8, low.get("bands").size()); // 250 Hz bands up to 2000 Hz
    assertTrue(full.get("top_hz").asDouble() > 10000, full.get("top_hz").toString());
    for (JsonNode c : a.get("cutoffs")) {
      double acc = c.get("accuracy").asDouble();
      JsonNode m = Json.MAPPER.readTree(out.resolve("evaluate/fmax-" + c.get("fmax").asText() + "/metrics.json").toFile());
      assertEquals(m.get("accuracy").asDouble(), acc, 1e-12);
      double sum = 0;
      for (JsonNode v : c.get("band_profile").get("saliency")) sum += v.asDouble();
      assertEquals(1.0, sum, 1e-6);
    }
    List<String> csv = Files.readAllLines(out.resolve("ablation.csv"));
    assertEquals(1 + 2 * 2, csv.size()); // energy and saliency per cut-off
    assertTrue(Files.size(out.resolve("ablation.png")) > 1000);
    assertTrue(r.out().contains("$ ./spectrolens dataset --corpus"), r.out());

    CliRun bad = CliRun.of("ablation", "--corpus", dir.resolve("corpus").toString(), "--fmax", "2000,lots", "--out", out.toString());
    assertEquals(2, bad.exit());
    assertEquals("spectrolens: --fmax: expected positive frequencies in Hz or 'full', got 'lots'\n", bad.err());
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}

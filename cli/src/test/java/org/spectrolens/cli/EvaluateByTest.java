package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.DatasetWriter;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.SpectrogramSpec;

/** {@code evaluate --by} and predictions.csv on a tiny two-class dataset of six speakers in three groups. */
class EvaluateByTest {
  private static final String[] SEX = {"male", "female", "child"};
  @TempDir Path dir;

  private Path dataset() throws Exception {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus.resolve("wavs"));
    StringBuilder speakers = new StringBuilder("id,speaker,sex,f0_mean\n");
    DatasetWriter w = new DatasetWriter(dir.resolve("ds"));
    SplittableRandom r = new SplittableRandom(3);
    for (int s = 0; s < 6; s++) {
      for (int u = 0; u < 4; u++) {
        String id = String.format("SL%03d-%04d", s, u);
        speakers.append(id).append(",SL").append(String.format("%03d", s)).append(',').append(SEX[s % 3]).append(",150\n");
        for (String label : List.of("voiced", "unvoiced")) {
          float[][] g = new float[16][16];
          for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) g[y][x] = (float) (-60 + 3 * r.nextGaussian() + (label.equals("voiced") == y < 5 ? 25 : 0));
          }
          w.add(new DatasetItem(id + "-" + label, corpus.resolve("wavs/" + id + ".wav").toString(), u, u + 0.1, label,
              String.format("SL%03d", s), s >= 3 ? "test" : "train", -1, "", u, 0.01), g);
        }
      }
    }
    Files.writeString(corpus.resolve("speakers.csv"), speakers);
    w.finish(new DatasetInfo(DatasetInfo.FORMAT, "tiny-groups", "voicing", List.of("voiced", "unvoiced"),
        SpectrogramSpec.torchaudio(), 0, 4000, 16, 16, "linear", 0, 4000.0 / 15, "speaker", 1, 0.5), Map.of());
    return dir.resolve("ds");
  }

  @Test
  void accuracyPerGroupAndSpeakerAndPredictionsCsv() throws Exception {
    Path ds = dataset();
    Path model = dir.resolve("model");
    CliRun t = CliRun.of("train", "--data", ds.toString(), "--model", "smallcnn", "--out", model.toString(), "--epochs", "2",
        "--batch", "8", "--lr", "1e-3", "--quiet", "--seed", "2");
    assertEquals(0, t.exit(), t.err());

    Path eval = dir.resolve("eval/eval.json");
    CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data", ds.toString(), "--by", "group", "--out", eval.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode printed = Json.MAPPER.readTree(r.out());
    assertEquals("group", printed.get("by").asText());
    assertEquals(List.of("children", "men", "women"), fieldNames(printed.get("groups")));

    // predictions.csv: one row per test item; p_ columns sum to 1; predicted is their argmax
    List<String> rows = Files.readAllLines(dir.resolve("eval/predictions.csv"));
    assertEquals("id,label,predicted,p_voiced,p_unvoiced", rows.get(0));
    assertEquals(24, rows.size() - 1);
    Map<String, int[]> correctByGroup = new HashMap<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      double pv = Double.parseDouble(f[3]), pu = Double.parseDouble(f[4]);
      assertEquals(1.0, pv + pu, 1e-5);
      assertEquals(pv >= pu ? "voiced" : "unvoiced", f[2], row);
      int speaker = Integer.parseInt(f[0].substring(2, 5));
      String group = List.of("men", "women", "children").get(speaker % 3);
      int[] c = correctByGroup.computeIfAbsent(group, g -> new int[2]);
      c[0] += f[1].equals(f[2]) ? 1 : 0;
      c[1]++;
    }
    // the per-group accuracy and confusion matrices are those of the group's rows
    JsonNode file = Json.MAPPER.readTree(dir.resolve("eval/eval.by-group.json").toFile());
    for (String g : List.of("men", "women", "children")) {
      JsonNode m = file.get("groups").get(g);
      assertEquals(correctByGroup.get(g)[1], m.get("n").asInt());
      assertEquals(correctByGroup.get(g)[0] / (double) correctByGroup.get(g)[1], m.get("accuracy").asDouble(), 1e-12);
      int cm = 0;
      for (JsonNode row : m.get("confusion_matrix")) for (JsonNode v : row) cm += v.asInt();
      assertEquals(8, cm);
      assertTrue(Files.isRegularFile(dir.resolve("eval/eval.by-group." + g + ".png")));
    }
    assertEquals(4, Files.readAllLines(dir.resolve("eval/eval.by-group.csv")).size());
    // a rerun replaces its own breakdown; a user's file named like it, --speakers itself among them, is kept
    assertEquals(0, CliRun.of("evaluate", "--model", model.toString(), "--data", ds.toString(), "--by", "group", "--out", eval.toString()).exit());
    Path own = dir.resolve("own/eval.by-group.csv");
    Files.createDirectories(own.getParent());
    Files.copy(dir.resolve("corpus/speakers.csv"), own);
    String table = Files.readString(own);
    CliRun over = CliRun.of("evaluate", "--model", model.toString(), "--data", ds.toString(), "--by", "group", "--speakers", own.toString(),
        "--out", dir.resolve("own/eval.json").toString());
    assertEquals(2, over.exit());
    assertEquals("spectrolens: " + own + ": is an input of this run (" + own + "); refusing to overwrite it (choose another --out, or --force)\n",
        over.err());
    Files.copy(own, dir.resolve("own/sp.csv"));
    over = CliRun.of("evaluate", "--model", model.toString(), "--data", ds.toString(), "--by", "group", "--speakers",
        dir.resolve("own/sp.csv").toString(), "--out", dir.resolve("own/eval.json").toString());
    assertEquals(2, over.exit());
    assertEquals("spectrolens: " + own + ": exists and was not written by 'spectrolens evaluate' (which writes a file of this name beside its"
        + " output); refusing to overwrite it (move it, or --force)\n", over.err());
    assertEquals(table, Files.readString(own));
    assertTrue(Files.notExists(dir.resolve("own/eval.json")));

    CliRun bySpeaker = CliRun.of("evaluate", "--model", model.toString(), "--data", ds.toString(), "--by", "speaker");
    assertEquals(List.of("SL003", "SL004", "SL005"), fieldNames(Json.MAPPER.readTree(bySpeaker.out()).get("groups")));
    CliRun bySex = CliRun.of("evaluate", "--model", model.toString(), "--data", ds.toString(), "--by", "sex");
    assertEquals(List.of("child", "female", "male"), fieldNames(Json.MAPPER.readTree(bySex.out()).get("groups")));

    CliRun bad = CliRun.of("evaluate", "--model", model.toString(), "--data", ds.toString(), "--by", "dialect");
    assertEquals(2, bad.exit());
    assertEquals("spectrolens: --by: no column 'dialect' in " + dir.resolve("corpus/speakers.csv")
        + " (columns: id, speaker, sex, f0_mean)\n", bad.err());
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}

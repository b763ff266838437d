package org.spectrolens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.explain.MapStack;
import org.spectrolens.io.Json;

/**
 * {@code --engine spark --master local[2]} against the single-machine path on the built-in
 * corpus: the same maps (within 1e-6), tables and predictions, plus the Parquet item table.
 */
class SparkEngineTest {
  @TempDir static Path dir;
  static Path corpus, ds, model;

  static final String SPARK_MASTER = "local[2]";

  @BeforeAll
  static void corpusAndModel() {
    corpus = dir.resolve("corpus");
    ds = dir.resolve("ds");
    model = dir.resolve("model");
    Run.ok("synth", "--out", corpus.toString(), "--utterances", "8", "--seed", "3");
    Run.ok("dataset", "--corpus", corpus.toString(), "--task", "vowels", "--out", ds.toString(), "--size", "16x16", "--no-progress",
        "--threads", "1");
    Run.ok("train", "--data", ds.toString(), "--out", model.toString(), "--epochs", "1", "--batch", "4", "--quiet", "--threads", "1");
  }

  static List<String> spark(String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--engine", "spark", "--master", SPARK_MASTER));
    return a;
  }

  @Test
  void explainDataGivesTheSingleMachineFolder() throws Exception {
    List<String> methods = List.of("gradcam", "saliency", "smoothgrad");
    String[] common = {"explain", "--model", model.toString(), "--data", ds.toString(), "--split", "all", "--methods", String.join(",", methods),
        "--param", "smoothgrad.samples=4", "--batch", "3", "--quiet", "--no-png"};
    Path one = dir.resolve("explain-one");
    Path many = dir.resolve("explain-spark");
    List<String> a = new ArrayList<>(List.of(common));
    a.addAll(List.of("--out", one.toString()));
    Run.ok(a.toArray(String[]::new));
    List<String> b = spark(common);
    b.addAll(List.of("--out", many.toString()));
    Run.ok(b.toArray(String[]::new));

    int n = MapStack.readItems(one).size();
    assertTrue(n > 6, "several batches and partitions: " + n);
    for (String m : methods) {
      for (boolean raw : new boolean[] {false, true}) {
        MapStack.Maps x = MapStack.read(one, m, raw);
        MapStack.Maps y = MapStack.read(many, m, raw);
        assertEquals(x.maps().length, y.maps().length, m);
        for (int i = 0; i < x.maps().length; i++) {
          for (int k = 0; k < x.maps()[i].length; k++) assertEquals(x.maps()[i][k], y.maps()[i][k], 1e-6, m + " item " + i);
        }
      }
    }
    assertEquals(Files.readAllLines(one.resolve("items.csv")), Files.readAllLines(many.resolve("items.csv")));
    assertEquals(MapStack.readProfiles(one).size(), MapStack.readProfiles(many).size());
    var j1 = Json.MAPPER.readTree(one.resolve("explain.json").toFile());
    var j2 = Json.MAPPER.readTree(many.resolve("explain.json").toFile());
    assertEquals(j1.get("count"), j2.get("count"));
    assertEquals(j1.get("axes"), j2.get("axes"));
    for (String m : methods) assertEquals(j1.get("methods").get(m).get("options"), j2.get("methods").get(m).get("options"), m);

    // the Parquet table beside the CSV, read back by Spark itself; no staging left behind
    assertFalse(Files.exists(many.resolve("shards")));
    var rows = Sessions.of(SPARK_MASTER, "test").read().parquet(many.resolve("items.parquet").toString()).collectAsList();
    assertEquals(n, rows.size());
    try (Stream<Path> f = Files.list(many.resolve("items.parquet"))) {
      assertTrue(f.allMatch(p -> p.getFileName().toString().endsWith(".parquet")), "one table, no side files");
    }
  }

  @Test
  void predictPrintsTheSingleMachineLines() throws Exception {
    List<String> wavs;
    try (Stream<Path> f = Files.list(corpus.resolve("wavs"))) {
      wavs = f.map(Path::toString).sorted().toList();
    }
    List<String> a = new ArrayList<>(List.of("predict", "--model", model.toString()));
    a.addAll(wavs);
    Run one = Run.ok(a.toArray(String[]::new));
    Run many = Run.ok(spark(a.toArray(String[]::new)).toArray(String[]::new));
    assertEquals(wavs.size(), one.out().lines().count());
    assertEquals(one.out(), many.out());
  }
}

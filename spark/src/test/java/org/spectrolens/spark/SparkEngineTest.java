package org.spectrolens.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.cli.CliRun;
import org.spectrolens.explain.MapShards;
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
    ok("synth", "--out", corpus.toString(), "--utterances", "12", "--seed", "3");
    ok("dataset", "--corpus", corpus.toString(), "--task", "vowels", "--out", ds.toString(), "--size", "16x16", "--no-progress",
        "--threads", "1");
    ok("train", "--data", ds.toString(), "--out", model.toString(), "--epochs", "1", "--batch", "4", "--quiet", "--threads", "1");
  }

  /** Runs a CLI step in-process that must succeed. */
  static CliRun ok(String... args) {
    CliRun r = CliRun.of(args);
    if (r.exit() != 0) throw new AssertionError(String.join(" ", args) + " failed: " + r.err());
    return r;
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
    ok(a.toArray(String[]::new));
    List<String> b = spark(common);
    b.addAll(List.of("--out", many.toString()));
    ok(b.toArray(String[]::new));

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
    assertEquals(Files.readAllLines(one.resolve("profiles.csv")), Files.readAllLines(many.resolve("profiles.csv")));
    // the maps in shards, one per method, kind and partition, listed in the index; no stacked file, no attempt's temporary file
    MapShards.Index index = MapShards.index(many);
    assertEquals(n, index.count());
    long parts = index.shards().stream().map(MapShards.Shard::from).distinct().count();
    assertTrue(parts > 1, "more than one partition");
    assertEquals(methods.size() * 2 * parts, index.shards().size());
    for (String m : methods) assertFalse(Files.exists(many.resolve(MapStack.fileStem(m) + ".npy")), m);
    try (Stream<Path> f = Files.list(many.resolve(MapShards.DIR))) {
      assertEquals(index.shards().size() + 1, f.filter(p -> !p.getFileName().toString().endsWith(".tmp")).count());
    }
    try (Stream<Path> f = Files.walk(many)) {
      assertTrue(f.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
    // report reads the sharded folder as any explain folder
    Path page = dir.resolve("report-spark.html");
    ok("report", "--in", many.toString(), "--out", page.toString());
    assertTrue(Files.readString(page).contains("What each map resolves"));
    var j1 = Json.MAPPER.readTree(one.resolve("explain.json").toFile());
    var j2 = Json.MAPPER.readTree(many.resolve("explain.json").toFile());
    assertEquals(j1.get("count"), j2.get("count"));
    assertEquals(j1.get("axes"), j2.get("axes"));
    for (String m : methods) assertEquals(j1.get("methods").get(m).get("options"), j2.get("methods").get(m).get("options"), m);

    // the Parquet table beside the CSV, read back by Spark itself; no staging left behind
    assertFalse(Files.exists(many.resolve("shards")));
    var rows = SparkSession.builder().master(SPARK_MASTER).getOrCreate().read().parquet(many.resolve("items.parquet").toString()).collectAsList();
    assertEquals(n, rows.size());
    try (Stream<Path> f = Files.list(many.resolve("items.parquet"))) {
      assertTrue(f.allMatch(p -> p.getFileName().toString().endsWith(".parquet")), "one table, no side files");
    }
  }

  /** The executors opened the model from the copy Spark shipped (unpacked under SparkFiles' folder), its files the model's. */
  static void assertModelShipped() throws Exception {
    Path root = Path.of(SparkFiles.getRootDirectory());
    List<Path> copies;
    try (Stream<Path> f = Files.list(root)) {
      copies = f.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("model-")).toList();
    }
    assertEquals(1, copies.size(), "one unpacked model under " + root);
    List<Path> files;
    try (Stream<Path> f = Files.list(model)) {
      files = f.sorted().toList();
    }
    try (Stream<Path> f = Files.list(copies.get(0))) {
      assertEquals(files.size(), f.count());
    }
    for (Path p : files) assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(copies.get(0).resolve(p.getFileName())), p.toString());
  }

  @Test
  void faithfulnessScoresAreTheSingleMachineScores() throws Exception {
    String[] common = {"faithfulness", "--model", model.toString(), "--data", ds.toString(), "--split", "all", "--methods", "gradcam,saliency",
        "--samples", "40", "--grid", "4x4", "--step", "0.25"};
    Path one = judge(common, "faith-one", false);
    Path many = judge(common, "faith-spark", true);
    assertEquals(Files.readAllLines(one.resolve("items.csv")), Files.readAllLines(many.resolve("items.csv")));
    assertEquals(Files.readAllLines(one.resolve("curves.csv")), Files.readAllLines(many.resolve("curves.csv")));
    JsonTrees.assertClose(Json.MAPPER.readTree(one.resolve("faithfulness.json").toFile()),
        Json.MAPPER.readTree(many.resolve("faithfulness.json").toFile()), 1e-6);
    // the per-item scores as Parquet too, one row per item and map set
    var rows = SparkSession.builder().master(SPARK_MASTER).getOrCreate().read().parquet(many.resolve("items.parquet").toString()).collectAsList();
    assertEquals(Files.readAllLines(one.resolve("items.csv")).size() - 1, rows.size());
  }

  @Test
  void localisationScoresAreTheSingleMachineScores() throws Exception {
    String[] common = {"localisation", "--model", model.toString(), "--data", ds.toString(), "--split", "all", "--methods", "gradcam,saliency",
        "--truth", "synth"};
    Path one = judge(common, "loc-one", false);
    Path many = judge(common, "loc-spark", true);
    assertEquals(Files.readAllLines(one.resolve("items.csv")), Files.readAllLines(many.resolve("items.csv")));
    JsonTrees.assertClose(Json.MAPPER.readTree(one.resolve("localisation.json").toFile()),
        Json.MAPPER.readTree(many.resolve("localisation.json").toFile()), 1e-6);
  }

  /** Runs a judging command line into {@code name}, on Spark or not; the items judged span more than one part. */
  static Path judge(String[] common, String name, boolean onSpark) throws Exception {
    Path out = dir.resolve(name);
    List<String> a = onSpark ? spark(common) : new ArrayList<>(List.of(common));
    a.addAll(List.of("--out", out.toString()));
    ok(a.toArray(String[]::new));
    assertTrue(Files.readAllLines(out.resolve("items.csv")).size() > 3 * 33, "more than one part of 32 items per map set");
    return out;
  }

  @Test
  void datasetGivesTheSingleMachineCache() throws Exception {
    Path many = dir.resolve("ds-spark");
    ok(spark("dataset", "--corpus", corpus.toString(), "--task", "vowels", "--out", many.toString(), "--size", "16x16", "--no-progress")
        .toArray(String[]::new));
    for (String f : List.of("manifest.csv", "dataset.json", "summary.json")) {
      assertEquals(Files.readString(ds.resolve(f)), Files.readString(many.resolve(f)), f);
    }
    List<Path> grids;
    try (Stream<Path> f = Files.list(ds.resolve("items"))) {
      grids = f.sorted().toList();
    }
    assertTrue(grids.size() > 16, "more than one part: " + grids.size());
    try (Stream<Path> f = Files.list(many.resolve("items"))) {
      assertEquals(grids.size(), f.count());
    }
    for (Path g : grids) assertArrayEquals(Files.readAllBytes(g), Files.readAllBytes(many.resolve("items").resolve(g.getFileName())), g.toString());
    // the manifest as Parquet too (Spark only), its rows the CSV's in order, and the cache still opens
    assertFalse(Files.exists(ds.resolve("manifest.parquet")));
    List<String> manifest = Files.readAllLines(ds.resolve("manifest.csv"));
    var rows = SparkSession.builder().master(SPARK_MASTER).getOrCreate().read().parquet(many.resolve("manifest.parquet").toString())
        .select("id", "label").collectAsList();
    assertEquals(manifest.size() - 1, rows.size());
    List<String> header = List.of(manifest.get(0).split(","));
    for (int i = 0; i < rows.size(); i++) {
      List<String> f = org.spectrolens.io.Csv.split(manifest.get(i + 1));
      assertEquals(f.get(header.indexOf("id")), rows.get(i).getString(0), "row " + i);
      assertEquals(f.get(header.indexOf("label")), rows.get(i).getString(1), "row " + i);
    }
    assertEquals(grids.size(), org.spectrolens.dataset.CachedDataset.open(many).items().size());
  }

  @Test
  void predictPrintsTheSingleMachineLines() throws Exception {
    List<String> wavs;
    try (Stream<Path> f = Files.list(corpus.resolve("wavs"))) {
      wavs = f.map(Path::toString).sorted().toList();
    }
    List<String> a = new ArrayList<>(List.of("predict", "--model", model.toString()));
    a.addAll(wavs);
    CliRun one = ok(a.toArray(String[]::new));
    CliRun many = ok(spark(a.toArray(String[]::new)).toArray(String[]::new));
    assertEquals(wavs.size(), one.out().lines().count());
    assertEquals(one.out(), many.out());
    // predict opens no model in the driver for its tasks to share, so even local mode ships it
    assertModelShipped();
  }
}

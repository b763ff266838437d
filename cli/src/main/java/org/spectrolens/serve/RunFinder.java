package org.spectrolens.serve;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.MapStack;
import org.spectrolens.explain.result.ExplainResult;
import org.spectrolens.judge.result.ItemScores;
import org.spectrolens.nn.evaluate.ItemGroups;

/**
 * Finds the runs under the served folders: every dataset cache ({@code dataset.json} beside
 * {@code manifest.csv}), with the predictions, explain folders and judging scores found in the
 * folder that holds it (an experiment folder, as {@code demo} writes them) whose items are the
 * dataset's. A folder that cannot be read is left out with one line on standard error; the
 * explorer serves the rest.
 */
public final class RunFinder {
  /** How deep below a served folder runs are looked for (demo's ablation datasets are 4 deep). */
  static final int DEPTH = 5;
  /** Folders that hold many files and never a run: not walked. */
  private static final Set<String> BULK = Set.of("wavs", "items", "truth", "TextGrid", "figures", "stems", "positive", "negative", "logs",
      "class_means", "report-figures", "checkpoints");

  private RunFinder() {}

  /** Every run under {@code folders}, in path order. */
  public static List<ExplorerRun> find(ServedFolders folders) {
    List<Path> datasets = new ArrayList<>();
    List<Path> explains = new ArrayList<>();
    List<Path> predictions = new ArrayList<>();
    List<Path> judged = new ArrayList<>();
    for (Path root : folders.roots()) {
      walk(root, f -> {
        String name = f.getFileName().toString();
        Path dir = f.getParent();
        if (name.equals("dataset.json") && Files.isRegularFile(dir.resolve("manifest.csv"))) datasets.add(dir);
        else if (name.equals(ExplainResult.FILE)) explains.add(dir);
        else if (name.equals("predictions.csv")) predictions.add(f);
        else if (name.equals(ItemScores.FILE) && (Files.isRegularFile(dir.resolve("faithfulness.json"))
            || Files.isRegularFile(dir.resolve("localisation.json")))) judged.add(f);
      });
    }
    datasets.sort(null);
    List<ExplorerRun> out = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (Path d : datasets) {
      try {
        ExplorerRun r = run(folders, d, explains, predictions, judged);
        if (ids.add(r.id())) out.add(r);
      } catch (RuntimeException e) {
        System.err.println("spectrolens: " + d + ": left out of the explorer: " + e.getMessage());
      }
    }
    return out;
  }

  private static ExplorerRun run(ServedFolders folders, Path datasetDir, List<Path> explains, List<Path> predictionFiles, List<Path> judged) {
    CachedDataset ds = CachedDataset.open(datasetDir);
    Map<String, DatasetItem> items = new LinkedHashMap<>();
    for (DatasetItem i : ds.items()) items.put(i.id(), i);
    Path experiment = datasetDir.getFileName().toString().equals("dataset") ? datasetDir.getParent() : datasetDir;
    String id = folders.name(experiment);

    Map<String, ExplorerRun.Prediction> predictions = Map.of();
    for (Path f : predictionFiles) {
      if (!f.startsWith(experiment)) continue;
      Map<String, ExplorerRun.Prediction> p = PredictionTable.read(f, ds.classes());
      if (overlap(p.keySet(), items) > overlap(predictions.keySet(), items)) predictions = p;
    }

    List<ExplorerRun.Explained> explained = new ArrayList<>();
    for (Path dir : explains) {
      if (!dir.startsWith(experiment) || folders.inside(dir) == null) continue;
      ExplainResult r = ExplainResult.read(dir.resolve(ExplainResult.FILE));
      Map<String, MapStack.ItemRow> rows = new HashMap<>();
      for (MapStack.ItemRow row : MapStack.readItems(dir)) if (items.containsKey(row.id())) rows.put(row.id(), row);
      if (!rows.isEmpty()) explained.add(new ExplorerRun.Explained(dir, r, rows));
    }

    Map<String, Map<String, Double>> scores = new HashMap<>();
    Map<String, Boolean> keys = new LinkedHashMap<>();
    for (Path f : judged) {
      if (!f.startsWith(experiment)) continue;
      String study = f.getParent().getFileName().toString();
      for (ItemScores s : ItemScores.read(f)) {
        if (!items.containsKey(s.id())) continue;
        s.scores().forEach((metric, v) -> {
          String key = study + "/" + metric + "/" + s.map();
          keys.put(key, true);
          scores.computeIfAbsent(s.id(), k -> new LinkedHashMap<>()).put(key, v);
        });
      }
    }
    return new ExplorerRun(id, ds, items, predictions, explained, scores, List.copyOf(keys.keySet()), groups(folders, ds));
  }

  /** The speaker groups, where the corpus's speakers table lies under a served folder. */
  private static Function<DatasetItem, String> groups(ServedFolders folders, CachedDataset ds) {
    if (ds.items().isEmpty()) return null;
    Path source = Path.of(ds.items().get(0).source());
    Path corpus = source.getParent() == null ? null : source.getParent().getParent();
    if (corpus == null || folders.inside(corpus.resolve("speakers.csv")) == null) return null;
    try {
      return ItemGroups.by("group", ds, corpus.resolve("speakers.csv"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static int overlap(Set<String> ids, Map<String, DatasetItem> items) {
    int n = 0;
    for (String i : ids) if (items.containsKey(i)) n++;
    return n;
  }

  private static void walk(Path root, java.util.function.Consumer<Path> file) {
    try {
      Files.walkFileTree(root, Set.of(), DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && BULK.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) file.accept(f);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path f, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      System.err.println("spectrolens: " + root + ": cannot walk: " + e.getMessage());
    }
  }
}

package org.spectrolens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.explain.MapStack;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.io.Json;
import org.spectrolens.nn.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spectrolens demo}: the seed paper's three experiments on the built-in synthetic corpus,
 * end to end through the same commands a user runs (each is printed before it runs): synthesise
 * an LJSpeech-layout corpus with MFA TextGrids, cut vowels (full band and 0-4000 Hz) and
 * voiced/unvoiced segments with a speaker-independent split, train smallcnn on each, and explain
 * one test segment per class with several methods, read back in Hz.
 */
@Command(name = "demo",
    description = {"Run the seed study end to end on built-in synthetic speech.",
        "synth -> dataset (vowels full band, vowels 0-4000 Hz, voicing 0-4000 Hz) -> train -> explain;",
        "each step is printed as the command that reproduces it."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Range(min = 1, max = 1_000_000)
  @Option(names = "--utterances", defaultValue = "600", paramLabel = "N", description = "Synthetic utterances (default: ${DEFAULT-VALUE}).")
  int utterances;

  @Range(min = 1, max = 100_000)
  @Option(names = "--epochs", defaultValue = "3", paramLabel = "N", description = "Training epochs per model (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of every step (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--methods", defaultValue = "gradcam,gradcam++,layercam,faster-scorecam,saliency,smoothgrad",
      paramLabel = "LIST", description = "Explanation methods (default: ${DEFAULT-VALUE}).")
  String methods;

  @Range(min = 1, max = 1024, orZero = true)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  /** One of the paper's experiments: a task cut with an upper frequency. */
  private record Experiment(String name, String task, Double fmax) {}

  private static final List<Experiment> EXPERIMENTS = List.of(
      new Experiment("vowels-fullband", "vowels", null),
      new Experiment("vowels-4k", "vowels", 4000.0),
      new Experiment("voicing-4k", "voicing", 4000.0));

  @Override
  public Integer call() throws IOException {
    long t0 = System.nanoTime();
    Path corpus = out.resolve("corpus");
    step("synth", "--out", corpus.toString(), "--utterances", "" + utterances, "--seed", "" + seed);
    Map<String, Object> summary = new LinkedHashMap<>();
    for (Experiment e : EXPERIMENTS) {
      Path ds = out.resolve("datasets").resolve(e.name());
      Path model = out.resolve("models").resolve(e.name());
      List<String> dataset = new ArrayList<>(List.of("dataset", "--corpus", corpus.toString(), "--task", e.task(),
          "--out", ds.toString(), "--group-by", "speaker", "--seed", "" + seed, "--no-progress", "--threads", "" + threads));
      if (e.fmax() != null) dataset.addAll(List.of("--fmax", "" + e.fmax().intValue()));
      step(dataset.toArray(String[]::new));
      discardEarlierDemoModel(model);
      step("train", "--data", ds.toString(), "--model", "smallcnn", "--out", model.toString(), "--epochs", "" + epochs,
          "--seed", "" + seed, "--threads", "" + threads, "--quiet");
      Map<String, Object> result = new LinkedHashMap<>();
      JsonNode metrics = Json.MAPPER.readTree(model.resolve("metrics.json").toFile());
      result.put("accuracy", metrics.get("accuracy").asDouble());
      result.put("balanced_accuracy", metrics.get("balanced_accuracy").asDouble());
      result.put("explanations", explainOnePerClass(CachedDataset.open(ds), model, out.resolve("explain").resolve(e.name())));
      summary.put(e.name(), result);
    }
    Json.write(out.resolve("summary.json"), summary);
    printSummary(summary);
    System.out.printf(Locale.ROOT, "demo finished in %.0f s; everything is under %s (summary.json, models/*/curves.png, "
        + "explain/*/figures/*/methods.png)%n", (System.nanoTime() - t0) / 1e9, out);
    return 0;
  }

  /** Explains one test segment of each class (batched); returns, per segment, each method's strongest 500 Hz band. */
  private List<Map<String, Object>> explainOnePerClass(CachedDataset ds, Path model, Path dir) throws IOException {
    step("explain", "--model", model.toString(), "--data", ds.dir().toString(), "--per-class", "1", "--methods", methods,
        "--seed", "" + seed, "--png", "--quiet", "--out", dir.toString(), "--threads", "" + threads);
    List<MapStack.ProfileRow> profiles = MapStack.readProfiles(dir);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (MapStack.ItemRow item : MapStack.readItems(dir)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", item.label());
      row.put("source", item.source());
      row.put("start", item.start());
      row.put("end", item.end());
      row.put("predicted", item.predicted());
      Map<String, String> peaks = new LinkedHashMap<>();
      for (MapStack.ProfileRow p : profiles) {
        if (p.row() != item.row() || !p.axis().equals("hz")) continue;
        MapStack.ProfileRow best = profiles.stream().filter(q -> q.row() == item.row() && q.axis().equals("hz") && q.method().equals(p.method()))
            .max(java.util.Comparator.comparingDouble(MapStack.ProfileRow::importance)).orElseThrow();
        peaks.putIfAbsent(p.method(), String.format(Locale.ROOT, "%.0f-%.0f", best.from(), best.to()));
      }
      row.put("strongest_band_hz", peaks);
      rows.add(row);
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static void printSummary(Map<String, Object> summary) {
    System.out.println();
    System.out.println("experiment          test accuracy  balanced   (smallcnn, speaker-independent split)");
    summary.forEach((name, r) -> {
      Map<String, Object> m = (Map<String, Object>) r;
      System.out.printf(Locale.ROOT, "%-19s %12.2f%% %9.2f%%%n", name, 100 * (double) m.get("accuracy"),
          100 * (double) m.get("balanced_accuracy"));
    });
    System.out.println();
    System.out.println("strongest 500 Hz band of each map (Hz), one test segment per class:");
    summary.forEach((name, r) -> {
      for (Map<String, Object> row : (List<Map<String, Object>>) ((Map<String, Object>) r).get("explanations")) {
        System.out.printf(Locale.ROOT, "  %-16s %-9s -> %-9s %s%n", name, row.get("label"), row.get("predicted"),
            row.get("strongest_band_hz"));
      }
    });
  }

  /**
   * A re-run of the demo replaces the models an earlier run left (train refuses to overwrite a
   * model directory); only a folder train wrote, holding nothing else, is removed.
   */
  private static void discardEarlierDemoModel(Path model) {
    OutputFolder.delete(model, Trainer.COMMAND);
  }

  /** Prints the equivalent command, runs it in this process, and stops the demo if it fails. */
  private static void step(String... args) {
    System.out.println("\n$ ./spectrolens " + String.join(" ", args));
    int code = Main.run(args);
    if (code != 0) throw new SpectrolensException("demo", "step '" + args[0] + "' failed with exit code " + code);
  }
}

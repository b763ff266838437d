package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.io.Json;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.train.Trainer;
import org.spectrolens.analyze.Ablation;
import org.spectrolens.analyze.AcousticReading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spectrolens ablation}: the paper's frequency cut-off check. Per cut-off it runs, and
 * prints, {@code dataset}, {@code train}, {@code evaluate} and {@code analyze}; then writes
 * {@code ablation.json}, {@code ablation.csv} and {@code ablation.png}.
 */
@Command(name = "ablation", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Frequency cut-off ablation: one dataset, model and analysis per --fmax; accuracy, formant alignment and",
        "band profile per cut-off (DIR/ablation.json, .csv, .png; the steps' outputs under DIR/datasets, models, analysis)."})
final class AblationCommand implements Callable<Integer>, Checked {
  @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Corpus directory (as for dataset).")
  Path corpus;

  @Option(names = "--task", defaultValue = "vowels", paramLabel = "TASK", description = "vowels or voicing (default: ${DEFAULT-VALUE}).")
  String task;

  @Option(names = "--stress", defaultValue = "primary", paramLabel = "WHICH",
      description = "--task vowels: vowel tokens kept by stress digit, primary or any, as for dataset (default: ${DEFAULT-VALUE}).")
  String stress;

  @Option(names = "--fmax", split = ",", defaultValue = "2000,3000,4000,5000,full", paramLabel = "LIST",
      description = "Cut-offs in Hz, 'full' for none (default: ${DEFAULT-VALUE}).")
  List<String> fmax;

  @Option(names = "--model", defaultValue = "smallcnn", paramLabel = "NAME", description = "Network (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--group-by", defaultValue = "speaker", paramLabel = "speaker|recording|none",
      description = "speaker: speaker-independent splits; recording: by source file, for single-speaker corpora "
          + "(default: ${DEFAULT-VALUE}).")
  String groupBy;

  @Option(names = "--size", defaultValue = "64x64", paramLabel = "HxW", description = "Model input size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--epochs", defaultValue = "3", paramLabel = "N", description = "Training epochs per model (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--methods", defaultValue = "gradcam,layercam,saliency", paramLabel = "LIST",
      description = "Methods of each analysis (default: ${DEFAULT-VALUE}).")
  String methods;

  @Option(names = "--truth", defaultValue = "synth", paramLabel = "SOURCE", description = "synth or tracker (default: ${DEFAULT-VALUE}).")
  String truth;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of every step (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  /** The tasks whose analysis has a formant truth to align with: chunks have none (and would repeat the whole study per window). */
  private static final List<String> TASKS = List.of("vowels", "voicing");

  @Override
  public void checkOptions() {
    if (!TASKS.contains(task)) {
      throw new SpectrolensException("--task", "ablation measures formant alignment, which needs vowels or voicing, found '" + task + "'");
    }
    cutoffs();
  }

  /** The --fmax list: frequencies in Hz, or full. */
  private List<String> cutoffs() {
    List<String> cutoffs = new ArrayList<>();
    for (String f : fmax) {
      String c = f.trim().toLowerCase(Locale.ROOT);
      if (!c.equals("full")) {
        try {
          if (!(Double.parseDouble(c) > 0)) throw new NumberFormatException();
        } catch (NumberFormatException e) {
          throw new SpectrolensException("--fmax", "expected positive frequencies in Hz or 'full', got '" + f + "'");
        }
      }
      cutoffs.add(c);
    }
    return cutoffs;
  }

  @Override
  public Integer call() throws Exception {
    List<String> cutoffs = cutoffs();
    // in place (folder.dir() is out): each step writes its own folder inside, as the paths given (the results record them), and a
    // re-run of an unfinished ablation continues in it
    List<Ablation.Cutoff> rows = new ArrayList<>();
    try (OutputFolder folder = OutputFolder.inPlace(out, "ablation", false, corpus)) {
      for (String c : cutoffs) {
        String name = "fmax-" + c;
        Path ds = out.resolve("datasets").resolve(name), m = out.resolve("models").resolve(name);
        Path eval = out.resolve("evaluate").resolve(name).resolve("metrics.json"), analysis = out.resolve("analysis").resolve(name);
        List<String> dataset = new ArrayList<>(List.of("dataset", "--corpus", corpus.toString(), "--task", task, "--out", ds.toString(),
            "--size", size, "--seed", "" + seed, "--no-progress", "--stress", stress));
        if (!groupBy.equals("none")) dataset.addAll(List.of("--group-by", groupBy));
        if (!c.equals("full")) dataset.addAll(List.of("--fmax", c));
        step(dataset.toArray(String[]::new));
        OutputFolder.delete(m, Trainer.COMMAND); // train refuses an existing model; a re-run replaces its own
        step("train", "--data", ds.toString(), "--model", model, "--out", m.toString(), "--epochs", "" + epochs, "--seed", "" + seed,
            "--quiet");
        step("evaluate", "--model", m.toString(), "--data", ds.toString(), "--out", eval.toString());
        step("analyze", "--model", m.toString(), "--data", ds.toString(), "--methods", methods, "--truth", truth, "--seed", "" + seed,
            "--out", analysis.toString());
        Metrics metrics = Json.read(eval, Metrics.class);
        rows.add(Ablation.Cutoff.of(c, Json.read(analysis.resolve("analysis.json"), AcousticReading.class), metrics.balancedAccuracy()));
      }
      Ablation a = new Ablation(task, rows);
      Json.write(out.resolve("ablation.json"), a);
      AtomicFiles.writeString(out.resolve("ablation.csv"), a.csv());
      a.figure(out.resolve("ablation.png"), methods.split(",")[0].trim());
      folder.commit();
    }
    System.out.println("\ncut-off   accuracy  formant alignment (" + methods + ")");
    for (Ablation.Cutoff r : rows) {
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-9s %8.3f ", r.fmax(), r.accuracy()));
      r.alignment().forEach((method, al) -> s.append(String.format(Locale.ROOT, " %s %.2f", method, al.formants())));
      System.out.println(s);
    }
    return 0;
  }

  /** Prints the equivalent command, runs it in this process, and stops if it fails. */
  private static void step(String... args) {
    System.out.println("\n$ ./spectrolens " + String.join(" ", args));
    int code = Main.run(args);
    if (code != 0) throw new SpectrolensException("ablation", "step '" + args[0] + "' failed with exit code " + code);
  }
}

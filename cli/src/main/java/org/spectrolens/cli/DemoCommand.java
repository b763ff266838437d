package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.nn.evaluate.StudySummary;
import org.spectrolens.nn.train.Trainer;
import org.spectrolens.params.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spectrolens demo}: both seed studies end to end on built-in data, through the same
 * commands a user runs (each printed before it runs, and run in this process): the speech paper's
 * three experiments on the synthetic corpus (trained, evaluated per speaker group, explained,
 * judged for faithfulness, sanity and localisation against the synthesiser's truth, read
 * acoustically), its frequency cut-off ablation, the monitoring thesis's study on the synthetic
 * intensive-care scene (thesis recipe, its four methods judged, class discriminativity), and one
 * report gathering it all. {@code --quick} shrinks every step to a smoke test.
 */
@Command(name = "demo",
    description = {"Both seed studies end to end on built-in data: synth -> dataset (vowels full band, vowels 0-4000 Hz,",
        "voicing 0-4000 Hz) -> train -> evaluate per speaker group -> explain -> faithfulness, sanity, localisation ->",
        "analyze; the cut-off ablation; synth-scene -> dataset/train --recipe thesis -> faithfulness -> discriminativity;",
        "report. Each step is printed as the command that reproduces it. DIR/report.html is the result to open;",
        "DIR/summary.json holds the headline figures and each step's time."})
final class DemoCommand implements Callable<Integer>, Checked {
  @Option(names = "--out", defaultValue = "demo-out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--quick", description = "A smoke test of every step (small corpus and scene, few samples; a few minutes).")
  boolean quick;

  @Option(names = "--full", description = "Also the paper's setting at its resolution: resnet18 on 224x224 vowels (long on a CPU).")
  boolean full;

  @Option(names = "--model", paramLabel = "ARCH", description = "With --full: the network of the 224x224 run (default: resnet18; resnet101 is the paper's, for when there is time).")
  String fullModel;

  @Override
  public void checkOptions() {
    if (fullModel != null && !full) throw new SpectrolensException("--model", "applies with --full only");
    if (fullModel == null) fullModel = "resnet18";
    if (!List.of("resnet18", "resnet34", "resnet50", "resnet101").contains(fullModel)) {
      throw new SpectrolensException("--model", "with --full: expected resnet18, resnet34, resnet50 or resnet101, found '" + fullModel + "'");
    }
  }

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of every step (default: ${DEFAULT-VALUE}).")
  long seed;

  @Param(min = 1, max = 1024, orZero = true)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  /** One of the paper's experiments: a task cut with an upper frequency. */
  private record Experiment(String name, String task, Double fmax) {}

  /**
   * The vowel tokens the demo keeps: every stress, so that its figures stay those published before
   * {@code dataset --stress} existed. The default, primary, would leave out the synthesiser's
   * unstressed ER0 tokens ("-er" words; 357 of 2,678 vowels at 600 utterances, seed 1, all of them
   * /er/, which the synthesiser centralises and shortens) and change every vowel figure; a user's
   * own corpus gets the seed paper's stressed vowels.
   */
  static final String STRESS = "any";

  private static final List<Experiment> EXPERIMENTS = List.of(
      new Experiment("vowels-fullband", "vowels", null),
      new Experiment("vowels-4k", "vowels", 4000.0),
      new Experiment("voicing-4k", "voicing", 4000.0));

  /**
   * The faithfulness metrics of the thesis's Tables 3.1 to 3.4 and sparseness; ROAD and
   * Faithfulness Correlation (hundreds of perturbed inputs per sample) are left to the
   * {@code faithfulness} command, to keep the demo within its time.
   */
  static final String THESIS_METRICS = "mean_top50_weight,average_drop,average_increase,prediction_change,deletion_auc_prob,"
      + "insertion_auc_prob,deletion_auc_acc,insertion_auc_acc,sparseness";

  /** The thesis's four methods. */
  static final String THESIS_METHODS = org.spectrolens.explain.method.Explainers.THESIS_METHODS;

  /** How big each step is: the default study, or the quick smoke test. */
  private record Scale(int utterances, String size, int epochs, int samples, int sanitySamples, String step, String grid,
      int explainPerClass, String fmax, int clips, int sceneEpochs, int pairs, String smoothSamples, String layer, String otherLayer) {}

  private static final Scale STUDY = new Scale(600, "64x64", 3, 100, 10, "0.02", "32x32", 2, "2000,3000,4000,5000,full", 1000, 12, 50, "10", "conv3", "conv4");
  private static final Scale QUICK = new Scale(150, "32x32", 2, 12, 3, "0.1", "8x8", 1, "2000,full", 160, 2, 6, "3", "conv3", "conv4");

  private final Map<String, Double> seconds = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    // in place: every step writes its own folder inside (continued by a re-run), the marker records them on success
    long t0 = System.nanoTime();
    StudySummary summary;
    Path report;
    try (OutputFolder folder = OutputFolder.inPlace(out, "demo", false)) {
      Scale s = quick ? QUICK : STUDY;
      Path corpus = out.resolve("corpus");
      step("synth", "synth", "--out", corpus.toString(), "--utterances", "" + s.utterances(), "--seed", "" + seed);
      Map<String, StudySummary.Headline> speech = new LinkedHashMap<>();
      for (Experiment e : EXPERIMENTS) speech.put(e.name(), experiment(e, corpus, s));
      Path ablation = out.resolve("ablation");
      step("ablation", "ablation", "--corpus", corpus.toString(), "--task", "vowels", "--stress", STRESS, "--fmax", s.fmax(), "--size", s.size(),
          "--epochs", "" + s.epochs(), "--methods", "gradcam,layercam,saliency", "--seed", "" + seed, "--out", ablation.toString());
      StudySummary.Headline monitoring = monitoring(s);
      StudySummary.PaperResolution paper = full ? paperResolution(corpus, s) : null;
      report = out.resolve("report.html");
      Path intro = out.resolve("logs").resolve("report-intro.txt");
      org.spectrolens.io.AtomicFiles.writeString(intro, intro(s));
      step("report", "report", "--in", out.toString(), "--out", report.toString(), "--title", "spectrolens demo: both seed studies", "--intro",
          intro.toString(), "--force");
      summary = new StudySummary(speech, monitoring, paper, seconds, (System.nanoTime() - t0) / 1e9, report.toString());
      summary.write(out);
      folder.commit();
    }
    System.out.println();
    summary.table().forEach(System.out::println);
    System.out.printf(Locale.ROOT, "%ndemo finished in %.0f s; open %s (numbers in summary.json and report.json)%n",
        (System.nanoTime() - t0) / 1e9, report.toAbsolutePath());
    System.out.println("explore it item by item: ./spectrolens serve " + out + "   (docs/serve.md)");
    return 0;
  }

  private StudySummary.Headline experiment(Experiment e, Path corpus, Scale s) throws Exception {
    String n = e.name();
    Path dir = out.resolve(n);
    Path ds = dir.resolve("dataset");
    Path model = dir.resolve("model");
    List<String> dataset = new ArrayList<>(List.of("dataset", "--corpus", corpus.toString(), "--task", e.task(), "--out", ds.toString(),
        "--group-by", "speaker", "--size", s.size(), "--seed", "" + seed, "--no-progress", "--threads", "" + threads));
    if (e.fmax() != null) dataset.addAll(List.of("--fmax", "" + e.fmax().intValue()));
    if (e.task().equals("vowels")) dataset.addAll(List.of("--stress", STRESS));
    step(n + ": dataset", dataset.toArray(String[]::new));
    OutputFolder.delete(model, Trainer.COMMAND); // a re-run replaces the model an earlier run left
    step(n + ": train", "train", "--data", ds.toString(), "--model", "smallcnn", "--out", model.toString(), "--epochs", "" + s.epochs(),
        "--seed", "" + seed, "--threads", "" + threads, "--quiet");
    Path eval = dir.resolve("groups");
    step(n + ": evaluate", "evaluate", "--model", model.toString(), "--data", ds.toString(), "--by", "group", "--out",
        eval.resolve("metrics.json").toString(), "--threads", "" + threads);
    step(n + ": explain", "explain", "--model", model.toString(), "--data", ds.toString(), "--per-class", "" + s.explainPerClass(),
        "--methods", THESIS_METHODS + ",gradcam,layercam", "--param", "smoothgrad.samples=" + s.smoothSamples(), "--png", "--quiet",
        "--seed", "" + seed, "--layer", s.layer(), "--out", dir.resolve("explain").toString(), "--threads", "" + threads);
    Path judge = dir.resolve("judge");
    step(n + ": faithfulness", "faithfulness", "--model", model.toString(), "--data", ds.toString(), "--methods", THESIS_METHODS,
        "--metrics", THESIS_METRICS, "--samples", "" + s.samples(), "--grid", s.grid(), "--step", s.step(), "--seed", "" + seed, "--out",
        judge.resolve("faithfulness").toString(), "--threads", "" + threads);
    step(n + ": sanity", "sanity", "--model", model.toString(), "--data", ds.toString(), "--methods", THESIS_METHODS + ",gradcam",
        "--samples", "" + s.sanitySamples(), "--seed", "" + seed, "--layer", s.layer(), "--out", judge.resolve("sanity").toString(),
        "--threads", "" + threads);
    // the maps' layer, against the next one: the report compares how well each localises
    for (String layer : List.of(s.layer(), s.otherLayer())) {
      step(n + ": localisation " + layer, "localisation", "--model", model.toString(), "--data", ds.toString(), "--truth", "synth", "--methods",
          THESIS_METHODS + ",gradcam,layercam", "--samples", "" + s.samples(), "--seed", "" + seed, "--layer", layer, "--out",
          judge.resolve(layer.equals(s.layer()) ? "localisation" : "localisation-" + layer).toString(), "--threads", "" + threads);
    }
    step(n + ": analyze", "analyze", "--model", model.toString(), "--data", ds.toString(), "--methods", "gradcam,layercam,saliency",
        "--truth", "synth", "--by", "group", "--seed", "" + seed, "--layer", s.layer(), "--out", dir.resolve("analyze").toString(),
        "--threads", "" + threads);
    return StudySummary.Headline.of(model, judge);
  }

  private StudySummary.Headline monitoring(Scale s) throws Exception {
    Path scene = out.resolve("scene-corpus");
    step("scene: synth-scene", "synth-scene", "--out", scene.toString(), "--clips", "" + s.clips(), "--seed", "" + seed);
    Path dir = out.resolve("monitoring-scene");
    Path ds = dir.resolve("dataset");
    step("scene: dataset", "dataset", "--corpus", scene.toString(), "--task", "chunks", "--recipe", "thesis", "--out", ds.toString(), "--seed",
        "" + seed, "--no-progress", "--threads", "" + threads);
    Path model = dir.resolve("model");
    OutputFolder.delete(model, Trainer.COMMAND);
    step("scene: train", "train", "--data", ds.toString(), "--recipe", "thesis", "--epochs", "" + s.sceneEpochs(), "--out", model.toString(),
        "--seed", "" + seed, "--threads", "" + threads, "--quiet");
    Path judge = dir.resolve("judge");
    step("scene: faithfulness", "faithfulness", "--model", model.toString(), "--data", ds.toString(), "--methods", THESIS_METHODS,
        "--metrics", THESIS_METRICS, "--samples", "" + s.samples(), "--grid", s.grid(), "--step", s.step(), "--seed", "" + seed, "--out",
        judge.resolve("faithfulness").toString(), "--threads", "" + threads);
    step("scene: discriminativity", "discriminativity", "--model", model.toString(), "--data", ds.toString(), "--pairs", "" + s.pairs(),
        "--methods", THESIS_METHODS, "--seed", "" + seed, "--out", judge.resolve("discriminativity").toString(), "--threads", "" + threads);
    return StudySummary.Headline.of(model, judge);
  }

  /** --full: the paper's resolution, 224x224 vowels 0-4000 Hz, on a ResNet, explained and judged. */
  private StudySummary.PaperResolution paperResolution(Path corpus, Scale s) throws Exception {
    Path dir = out.resolve("vowels-4k-224-" + fullModel);
    Path ds = dir.resolve("dataset");
    step("224: dataset", "dataset", "--corpus", corpus.toString(), "--task", "vowels", "--fmax", "4000", "--size", "224x224", "--group-by",
        "speaker", "--stress", STRESS, "--out", ds.toString(), "--seed", "" + seed, "--no-progress", "--threads", "" + threads);
    Path model = dir.resolve("model");
    OutputFolder.delete(model, Trainer.COMMAND);
    step("224: train", "train", "--data", ds.toString(), "--model", fullModel, "--out", model.toString(), "--epochs", "" + s.epochs(), "--seed",
        "" + seed, "--threads", "" + threads, "--quiet");
    step("224: explain", "explain", "--model", model.toString(), "--data", ds.toString(), "--per-class", "" + s.explainPerClass(), "--methods",
        "cam,gradcam,layercam", "--png", "--quiet", "--out", dir.resolve("explain").toString(), "--threads", "" + threads);
    step("224: localisation", "localisation", "--model", model.toString(), "--data", ds.toString(), "--truth", "synth", "--methods",
        "gradcam,layercam", "--samples", "" + s.samples(), "--out", dir.resolve("judge/localisation").toString(), "--threads",
        "" + threads);
    return StudySummary.PaperResolution.of(fullModel, model);
  }

  /**
   * The report's opening: how the speech experiments were set up and why at this grid and layer,
   * with the cell sizes computed from the grid (smallcnn halves the grid in each of its four
   * blocks: {@link #downsampling}).
   */
  static String intro(Scale s) {
    int rows = Integer.parseInt(s.size().split("x")[0]);
    int columns = Integer.parseInt(s.size().split("x")[1]);
    int down = downsampling(s.layer());
    int otherDown = downsampling(s.otherLayer());
    double fullBand = org.spectrolens.synth.SynthCorpus.DEFAULT_SAMPLE_RATE / 2.0; // the demo's corpus is synthesised at the default rate
    return String.format(Locale.ROOT, """
        The speech experiments below use %d x %d inputs (frequency rows x time columns) and the monitoring thesis's smallcnn. Their         CAM maps (Grad-CAM, Grad-CAM++, LayerCAM, Score-CAM) are read at %s, whose %d x %d cells are %.0f Hz high on the 0-4000 Hz         experiments and %.0f Hz on the full band; at %s they would be %.0f and %.0f Hz. A formant band is a few hundred hertz wide,         so only the finer layer can put a map on one formant rather than on the whole vowel.

        The grid and layer were chosen by measurement (scripts/demo/grid_choice.py; its table is in docs/demo.md): the share of the         CAM maps' relevance on the synthesiser's formant tracks, at each grid and layer, against the time the demo may take. Each         speech chapter repeats the check on its own model: its localisation at %s and at %s, compared in its "Layer choice"         sentences. Gradient methods (saliency, SmoothGrad) work on the input's own %d rows and need no such choice.

        Every step ran through the same command a user runs; logs/ holds each step's output and the command that reproduces it.""",
        rows, columns, s.layer(), rows / down, columns / down, 4000.0 / (rows / down), fullBand / (rows / down), s.otherLayer(),
        4000.0 / (rows / otherDown), fullBand / (rows / otherDown), s.layer(), s.otherLayer(), rows);
  }

  /** How many input cells one cell of smallcnn's block {@code convK} spans per axis: each block halves the grid. */
  private static int downsampling(String layer) {
    return 1 << Integer.parseInt(layer.substring("conv".length()));
  }

  /**
   * Prints the equivalent command, runs it in this process with its own output going to
   * {@code DIR/logs/<step>.log} (errors still reach the terminal), times it, prints one progress
   * line, and stops the demo if it fails.
   */
  private void step(String name, String... args) throws java.io.IOException {
    System.out.println("[" + name + "] $ ./spectrolens " + String.join(" ", args));
    Path log = out.resolve("logs").resolve(name.replaceAll("[^A-Za-z0-9.-]+", "_") + ".log");
    Files.createDirectories(log.getParent());
    OutputFolder.recordWrite(log); // ours: a rerun after a failed step must not take it for a user's file
    long t0 = System.nanoTime();
    java.io.PrintStream terminal = System.out;
    java.io.PrintStream terminalErr = System.err;
    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
    int code;
    try (java.io.OutputStream file = Files.newOutputStream(log);
        java.io.PrintStream both = new java.io.PrintStream(file, true, java.nio.charset.StandardCharsets.UTF_8);
        java.io.PrintStream err = new java.io.PrintStream(new Tee(file, errors), true, java.nio.charset.StandardCharsets.UTF_8)) {
      System.setOut(both);
      System.setErr(err); // the step's error line goes into the demo's one line, not beside it
      code = Main.run(args);
    } finally {
      System.setOut(terminal);
      System.setErr(terminalErr);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    seconds.put(name, s);
    if (code != 0) {
      String why = errors.toString(java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("spectrolens: ")).reduce((a, b) -> b)
          .map(l -> ": " + l.substring("spectrolens: ".length())).orElse(" with exit code " + code);
      throw new SpectrolensException("demo", "step '" + name + "' failed" + why + " (its output: " + log + ")");
    }
    System.out.printf(Locale.ROOT, "  done in %.1f s (output: %s)%n", s, log);
  }

  /** Writes to two streams; closing it closes neither (their owners do). */
  private static final class Tee extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    Tee(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws java.io.IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      a.flush();
      b.flush();
    }

    @Override
    public void close() throws java.io.IOException {
      flush();
    }
  }
}

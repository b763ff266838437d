package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.explain.Baseline;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.ExplainSource;
import org.spectrolens.explain.DatasetInputs;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.ExplainWorkflow;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.FileInputs;
import org.spectrolens.explain.InputSet;
import org.spectrolens.explain.Method;
import org.spectrolens.explain.ModelInput;
import org.spectrolens.explain.Options;
import org.spectrolens.params.Param;
import org.spectrolens.params.ParameterRecords;
import org.spectrolens.explain.PostProcess;
import org.spectrolens.explain.Profile;
import org.spectrolens.explain.Resize;
import org.spectrolens.explain.TargetLayers;
import org.spectrolens.explain.result.ExplainResult;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.TrainedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spectrolens explain}: explanation maps of a model's decisions, in Hz and seconds, for files or a whole dataset. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Explanation maps of every input and method, batched across inputs. DIR gets, per method,",
        "<method>.npy (float32 [N,H,W] on the input grid, in [0,1], row 0 the lowest frequency) and <method>.raw.npy",
        "([N,h,w], the raw signed map on the method's own grid), items.csv (row,id,source,start,end,label,predicted,",
        "target,probability,time_start), profiles.csv (row,method,axis,from,to,importance: band profiles in Hz, time",
        "profiles in s), explain.json (options per method, the axes in Hz and s) and, with --png, figures/<row>-<id>/",
        "(<method>.png overlays and methods.png). The folder is written whole or not at all. With --engine spark the",
        "stacks are in shards, maps/<method>.part-NNNNN.npy listed in maps/index.json; every reader takes either form.",
        "Inputs: --data DS (a dataset cache made with the model's front end) or --input IN (audio, featurised with",
        "the model's front end, optionally cut with --start/--end; .npy [C,H,W] model tensors or [H,W] dataset grids;",
        "a folder stands for its audio and .npy files). 'explain --list' prints every method and its parameters."})
public final class ExplainCommand implements Callable<Integer>, Checked {
  @Option(names = "--list", description = "Print every method with its parameters and defaults, then exit.")
  boolean list;

  @Option(names = "--model", paramLabel = "MODEL", description = "Model directory.")
  Path model;

  @ArgGroup(exclusive = true)
  Source source;

  static final class Source {
    @Option(names = "--input", paramLabel = "IN", description = "An input file or folder (repeatable).")
    List<Path> inputs;

    @Option(names = "--data", paramLabel = "DS", description = "A dataset cache: explain its items.")
    Path data;
  }

  @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT", description = "--data: train, test or all (default: ${DEFAULT-VALUE}).")
  String split;

  @Param(min = 0, max = 100_000_000)
  @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "--data: at most N items, drawn with --seed (0: all; default: ${DEFAULT-VALUE}).")
  int limit;

  @Param(min = 0, max = 100_000_000)
  @Option(names = "--per-class", defaultValue = "0", paramLabel = "N", description = "--data: at most N items per class, drawn with --seed (0: all).")
  int perClass;

  @Param(min = 0, max = 1e7)
  @Option(names = "--start", paramLabel = "S", description = "Audio inputs: start of the span (s).")
  Double start;

  @Param(min = 0, max = 1e7, minOpen = true)
  @Option(names = "--end", paramLabel = "S", description = "Audio inputs: end of the span (s).")
  Double end;

  @Option(names = "--time-start", defaultValue = "0", paramLabel = "S", description = ".npy inputs: time of column 0 (s).")
  double timeStart;

  @Param(min = 0, max = 3600)
  @Option(names = "--time-step", defaultValue = "0", paramLabel = "S", description = ".npy inputs: seconds between columns (0: unknown).")
  double timeStep;

  @Option(names = "--methods", split = ",", paramLabel = "LIST",
      defaultValue = "gradcam,gradcam++,layercam,faster-scorecam,saliency,smoothgrad",
      description = "Methods, comma-separated (see --list; smoothgrad:METHOD wraps any method; default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--param", paramLabel = "METHOD.NAME=VALUE", description = "A method parameter (repeatable), e.g. smoothgrad.samples=50, gradcam++.alpha=normalised.")
  List<String> params = new ArrayList<>();

  @Option(names = "--target", paramLabel = "CLASS", description = "Class to explain, by name or index (default: each input's predicted class).")
  String target;

  @Option(names = "--layer", paramLabel = "NAME", description = "Layer of the CAM methods (default: the last convolutional block).")
  String layer;

  @Option(names = "--compat", paramLabel = "LIB", description = "Defaults as in pytorch-grad-cam or tf-keras-vis (every method's parameters, post-processing, baseline).")
  String compat;

  @Option(names = "--baseline", paramLabel = "B", description = "What masking and occlusion replace the input with: zero, floor, mean, freq-mean, blur (default: floor; zero with --compat).")
  String baseline;

  @Option(names = "--resize", paramLabel = "MODE", description = "Map upsampling: bilinear (half-pixel), bilinear-corners, nearest.")
  String resize;

  @Option(names = "--post-order", paramLabel = "ORDER", description = "relu-resize-minmax or relu-minmax-resize-minmax.")
  String postOrder;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of every random step and of --limit/--per-class draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Param(min = 1, max = 4096)
  @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "Inputs explained together (default: ${DEFAULT-VALUE}).")
  int batch;

  @Param(min = 1, max = 4096)
  @Option(names = "--batch-size", paramLabel = "N", description = "Masked, noisy or interpolated inputs per forward pass (default: 64; never changes a map).")
  Integer batchSize;

  @Option(names = "--audio", description = "Also write audio/<row>-<id>/: input.wav and per method <method>.masked.wav (the sound the map keeps) and"
      + " <method>.complement.wav (the rest); original phase for audio inputs, Griffin-Lim for dataset items and .npy.")
  boolean audio;

  @Option(names = "--png", negatable = true, description = "Write figures (default: only for at most 16 inputs).")
  Boolean png;

  @Sets(ExplainWorkflow.Outputs.class)
  @Option(names = "--band-hz", defaultValue = "500", paramLabel = "HZ", description = "Width of the frequency profile's bands (default: ${DEFAULT-VALUE}).")
  double bandHz;

  @Sets(ExplainWorkflow.Outputs.class)
  @Option(names = "--span-s", defaultValue = "0.05", paramLabel = "S", description = "Width of the time profile's spans (default: ${DEFAULT-VALUE}).")
  double spanSeconds;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Spec
  CommandSpec spec;

  @Option(names = "--force", description = "Replace an output another command wrote, or write inside an input.")
  boolean force;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Param(min = 0, max = 1024)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  /** Figures are written by default for at most this many inputs. */
  static final int FIGURES_UP_TO = 16;

  @Override
  public Integer call() {
    if (list) {
      Explainers.describe().forEach(System.out::println);
      return 0;
    }
    List<Method> chosen = chosenMethods();
    Engines.init(threads);
    ScaleOut scaleOut = engine.scaleOut();
    try (Worker w = worker(chosen)) {
      ExplainResult.Run run = new ExplainResult.Run(model.toString(), source.data == null ? null : source.data.toString(),
          source.data == null ? null : split, source.data == null ? source.inputs.stream().map(Path::toString).toList() : null,
          w.model.config().inputShape(), target, TargetLayers.resolve(w.model.network(), layer));
      boolean figures = png != null ? png : w.inputs.size() <= FIGURES_UP_TO;
      List<Path> read = new ArrayList<>(List.of(model));
      if (source.data != null) read.add(source.data);
      else read.addAll(source.inputs);
      ExplainWorkflow.Outputs outputs = new ExplainWorkflow.Outputs(figures, audio, bandHz, spanSeconds);
      try (OutputFolder folder = OutputFolder.create(out, "explain", force, read.toArray(Path[]::new))) {
        ExplainSource explainer = scaleOut == null ? w.engine
            : scaleOut.explain(engine.job("explain", spec.commandLine().getParseResult().originalArgs(), folder.dir().resolve("shards"))
                .opened(w), batch);
        BatchExplainer.Run r;
        try (ProgressBar bar = quiet || w.inputs.size() <= batch ? null : new ProgressBarBuilder().setTaskName("explain")
            .setInitialMax(w.inputs.size()).setUnit(" inputs", 1).showSpeed().setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(250).build()) {
          r = ExplainWorkflow.run(w.model, w.inputs, explainer, run, outputs, folder, bar == null ? null : bar::stepTo);
        }
        System.err.printf(java.util.Locale.ROOT, "explained %d inputs with %d methods in %.1f s (%.1f inputs/s)%n", r.inputs(), chosen.size(),
            r.seconds(), r.inputsPerSecond());
      }
      System.out.println(out);
    }
    return 0;
  }

  /** The methods of {@code --methods} with their {@code --param} values. */
  private List<Method> chosenMethods() {
    Profile profile = options().profile();
    Map<String, Map<String, String>> set = parameters();
    List<Method> chosen = new ArrayList<>();
    for (String m : methods) chosen.add(Explainers.of(m, profile, set));
    for (String id : set.keySet()) {
      if (methods.stream().noneMatch(m -> List.of(m.split(":")).contains(id))) {
        throw new SpectrolensException("--param", "sets a parameter of '" + id + "', which is not among --methods");
      }
    }
    return chosen;
  }

  /** The model, inputs and explainer of this command line (the engine must be initialised). */
  private Worker worker(List<Method> chosen) {
    TrainedModel m = TrainedModel.open(model);
    try {
      Integer t = target == null ? null : classIndex(m.config().classes(), target);
      InputSet inputs;
      if (source.data != null) {
        inputs = DatasetInputs.of(CachedDataset.open(source.data), m, split, limit, perClass, seed);
      } else {
        FileInputs f = FileInputs.of(m, source.inputs, new ModelInput.Span(start, end), new ModelInput.Columns(timeStart, timeStep));
        f.input(0); // a bad first input fails before anything is written
        inputs = f;
      }
      return new Worker(m, inputs, new BatchExplainer(m.network(), chosen, options(), layer, t, batch));
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  /**
   * The command's work on a worker of a {@link ScaleOut} engine: the model, inputs and explainer
   * the same command line gives in this process, so a worker's maps are this process's.
   */
  public static final class Worker implements AutoCloseable {
    final TrainedModel model;
    final InputSet inputs;
    final BatchExplainer engine;

    private Worker(TrainedModel model, InputSet inputs, BatchExplainer engine) {
      this.model = model;
      this.inputs = inputs;
      this.engine = engine;
    }

    /** The worker of an {@code explain} command line (the whole line, as given); the engine must be initialised. */
    public static Worker open(List<String> args) {
      ExplainCommand c = Main.parse(args, ExplainCommand.class);
      c.checkOptions();
      return c.worker(c.chosenMethods());
    }

    public InputSet inputs() {
      return inputs;
    }

    /** Every method's explanation of inputs {@code [from, to)}. */
    public Map<String, Explanation> explain(int from, int to) {
      return engine.explain(inputs, from, to);
    }

    @Override
    public void close() {
      model.close();
    }
  }

  @Override
  public void checkOptions() {
    if (list) return;
    if (model == null) throw new SpectrolensException("--model", "is required (or --list)");
    if (out == null) throw new SpectrolensException("--out", "is required");
    if (source == null) throw new SpectrolensException("--input/--data", "give the inputs: --input IN... or --data DS");
    if (source.data == null && (limit != 0 || perClass != 0 || !split.equals("test"))) {
      throw new SpectrolensException("--split/--limit/--per-class", "apply to --data only");
    }
    if (source.data != null && (start != null || end != null)) throw new SpectrolensException("--start/--end", "apply to --input audio only");
    if (end != null && !(end > (start == null ? 0 : start))) throw new SpectrolensException("--end", "must be after --start, got " + end);
    if (methods.isEmpty()) throw new SpectrolensException("--methods", "name at least one method");
    new ExplainWorkflow.Outputs(false, false, bandHz, spanSeconds); // the library's ranges, before any work
  }

  Options options() {
    Options o = compat == null ? Options.defaults() : Options.of(ParameterRecords.choice(Profile.class, compat, "--compat"));
    if (baseline != null) o = o.withBaseline(ParameterRecords.choice(Baseline.class, baseline, "--baseline"));
    o = o.withSeed(seed);
    if (resize != null || postOrder != null) {
      PostProcess p = o.post();
      o = o.withPost(new PostProcess(p.relu(),
          postOrder == null ? p.order() : ParameterRecords.choice(PostProcess.Order.class, postOrder, "--post-order"),
          resize == null ? p.resize() : ParameterRecords.choice(Resize.class, resize, "--resize")));
    }
    if (batchSize != null) o = o.withBatchSize(batchSize);
    return o;
  }

  /** {@code --param method.name=value} by method, then name. */
  Map<String, Map<String, String>> parameters() {
    Map<String, Map<String, String>> out = ParameterRecords.parseMemberValues(params, "METHOD.NAME=VALUE", "--param");
    for (String method : out.keySet()) Explainers.definition(method);
    return out;
  }


  static int classIndex(List<String> classes, String target) {
    int i = classes.indexOf(target);
    if (i >= 0) return i;
    try {
      int k = Integer.parseInt(target);
      if (k >= 0 && k < classes.size()) return k;
    } catch (NumberFormatException ignored) {
      // not an index either
    }
    throw new SpectrolensException("--target", "no class '" + target + "'; classes: " + String.join(", ", classes));
  }
}

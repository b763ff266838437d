package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.spectrolens.explain.ModelInput;
import org.spectrolens.io.Json;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.hybrid.HybridModel;
import org.spectrolens.nn.model.Prediction;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.params.Param;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code spectrolens predict}: class probabilities for inputs. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Class probabilities for each input: one line with the top class and every probability.",
        "IN is an audio file (WAV, ...; optionally only --start..--end), featurised with the model's front end",
        "exactly as its dataset was, or a .npy float32 array: [C,H,W] is the model's exact input tensor",
        "(already normalised); [H,W] is a grid as in a dataset cache (normalised and repeated over channels)."})
public final class PredictCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory.")
  Path model;

  @Parameters(arity = "1..*", paramLabel = "IN", description = "Inputs: audio files or .npy arrays.")
  List<Path> inputs;

  @Param(min = 0, max = 1e7)
  @Option(names = "--start", paramLabel = "S", description = "Audio input: segment start in seconds.")
  Double start;

  @Param(min = 0, max = 1e7, minOpen = true)
  @Option(names = "--end", paramLabel = "S", description = "Audio input: segment end in seconds.")
  Double end;

  @Option(names = "--json", description = "Print, per input, one JSON object with the classes, logits and probabilities.")
  boolean json;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Mixin
  EngineOptions engine = new EngineOptions();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Engines.init(threads);
    ScaleOut scaleOut = engine.scaleOut();
    if (scaleOut != null) {
      scaleOut.predict(engine.job("predict", spec.commandLine().getParseResult().originalArgs(), null), inputs.size()).forEach(System.out::println);
      return 0;
    }
    try (Worker w = new Worker(this)) {
      for (int i = 0; i < inputs.size(); i++) System.out.println(w.lines(i, i + 1).get(0));
    }
    return 0;
  }

  /**
   * The command's work on one process: the printed line of inputs by index. A {@link ScaleOut}
   * worker opens it from the driver's command line and runs it on a partition of the inputs.
   */
  public static final class Worker implements AutoCloseable {
    private final PredictCommand c;
    private final HybridModel hybrid;
    private final TrainedModel model;

    private Worker(PredictCommand c) {
      this.c = c;
      hybrid = HybridModel.isHybrid(c.model) ? HybridModel.open(c.model) : null;
      model = hybrid == null ? TrainedModel.open(c.model) : null;
    }

    /** The worker of a {@code predict} command line (the whole line, as given); the engine must be initialised. */
    public static Worker open(List<String> args) {
      return new Worker(Main.parse(args, PredictCommand.class));
    }

    /** The printed lines of inputs {@code [from, to)}, their tensors run through the network as one batch. */
    public List<String> lines(int from, int to) {
      List<String> out = new ArrayList<>();
      if (hybrid != null) {
        for (Path in : c.inputs.subList(from, to)) out.add(c.line(in, hybrid.config().classes(), null, hybrid.predict(HybridCommands.clip(in, c.start, c.end))));
        return out;
      }
      int size = 1;
      for (int d : model.config().inputShape()) size *= d;
      float[] x = new float[(to - from) * size];
      for (int i = from; i < to; i++) {
        float[] t = ModelInput.read(model, c.inputs.get(i), new ModelInput.Span(c.start, c.end), ModelInput.Columns.UNKNOWN).tensor();
        System.arraycopy(t, 0, x, (i - from) * size, size);
      }
      float[][] logits = model.logits(x, to - from);
      for (int i = from; i < to; i++) {
        out.add(c.line(c.inputs.get(i), model.config().classes(), logits[i - from], TrainedModel.softmax(logits[i - from])));
      }
      return out;
    }

    @Override
    public void close() {
      if (hybrid != null) hybrid.close();
      if (model != null) model.close();
    }
  }

  /** One line per input: text or (--json) a JSON object; {@code logits} null for hybrid models. */
  private String line(Path in, List<String> classes, float[] logits, double[] p) {
    int top = TrainedModel.argmax(p);
    if (json) return Json.toString(Prediction.of(in.toString(), classes, logits, p)).replaceAll("\\s*\\n\\s*", " ");
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < p.length; i++) parts.add(String.format(Locale.ROOT, "%s=%.4f", classes.get(i), p[i]));
    return in + "\t" + classes.get(top) + "\t" + String.join(" ", parts);
  }
}

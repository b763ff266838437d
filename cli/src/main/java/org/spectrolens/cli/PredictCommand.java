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
import picocli.CommandLine.Option;
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

  @Override
  public Integer call() {
    Engines.init(threads);
    if (HybridModel.isHybrid(model)) {
      try (HybridModel m = HybridModel.open(model)) {
        for (Path in : inputs) {
          double[] p = m.predict(HybridCommands.clip(in, start, end));
          print(in, m.config().classes(), null, p);
        }
      }
      return 0;
    }
    try (TrainedModel m = TrainedModel.open(model)) {
      for (Path in : inputs) {
        float[] x = ModelInput.read(m, in, new ModelInput.Span(start, end), ModelInput.Columns.UNKNOWN).tensor();
        float[] logits = m.logits(x, 1)[0];
        print(in, m.config().classes(), logits, TrainedModel.softmax(logits));
      }
    }
    return 0;
  }

  /** One line per input: text or (--json) a JSON object; {@code logits} null for hybrid models. */
  private void print(Path in, List<String> classes, float[] logits, double[] p) {
    int top = TrainedModel.argmax(p);
    if (json) {
      System.out.println(Json.toString(Prediction.of(in.toString(), classes, logits, p)).replaceAll("\\s*\\n\\s*", " "));
    } else {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < p.length; i++) parts.add(String.format(Locale.ROOT, "%s=%.4f", classes.get(i), p[i]));
      System.out.println(in + "\t" + classes.get(top) + "\t" + String.join(" ", parts));
    }
  }
}

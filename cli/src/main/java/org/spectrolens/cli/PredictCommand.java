package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.TrainedModel;
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

  @Option(names = "--start", paramLabel = "S", description = "Audio input: segment start in seconds.")
  Double start;

  @Option(names = "--end", paramLabel = "S", description = "Audio input: segment end in seconds.")
  Double end;

  @Option(names = "--json", description = "Print, per input, one JSON object with the classes, logits and probabilities.")
  boolean json;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() {
    Engines.init(threads);
    try (TrainedModel m = TrainedModel.open(model)) {
      int[] s = m.config().inputShape();
      for (Path in : inputs) {
        float[] x = input(m, in, s, start, end);
        float[] logits = m.logits(x, 1)[0];
        double[] p = TrainedModel.softmax(logits);
        List<String> classes = m.config().classes();
        int top = TrainedModel.argmax(p);
        if (json) {
          Map<String, Object> o = new LinkedHashMap<>();
          o.put("input", in.toString());
          o.put("top", classes.get(top));
          o.put("classes", classes);
          o.put("logits", logits);
          o.put("probabilities", p);
          System.out.println(Json.toString(o).replaceAll("\\s*\\n\\s*", " "));
        } else {
          List<String> parts = new ArrayList<>();
          for (int i = 0; i < p.length; i++) parts.add(String.format(Locale.ROOT, "%s=%.4f", classes.get(i), p[i]));
          System.out.println(in + "\t" + classes.get(top) + "\t" + String.join(" ", parts));
        }
      }
    }
    return 0;
  }

  static float[] input(TrainedModel m, Path in, int[] s, Double start, Double end) {
    String name = in.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".npy")) {
      Clip clip;
      if (start != null || end != null) {
        double a = start == null ? 0 : start;
        double b = end == null ? AudioFile.probe(in).durationSeconds() : end;
        clip = AudioFile.read(in, a, b);
      } else {
        clip = AudioFile.read(in);
      }
      return m.input(clip);
    }
    if (start != null || end != null) throw new SpectrolensException("--start/--end", "apply to audio inputs, not to " + in);
    Npy.Array a = Npy.read(in);
    int[] shape = a.shape();
    if (shape.length == 3) {
      if (shape[0] != s[0] || shape[1] != s[1] || shape[2] != s[2]) {
        throw new SpectrolensException(in.toString(), "shape " + java.util.Arrays.toString(shape) + ", the model needs ["
            + s[0] + ", " + s[1] + ", " + s[2] + "]");
      }
      return a.data();
    }
    if (shape.length == 2) {
      if (shape[0] != s[1] || shape[1] != s[2]) {
        throw new SpectrolensException(in.toString(), "grid " + shape[0] + "x" + shape[1] + ", the model needs " + s[1] + "x" + s[2]);
      }
      return m.input(a.toMatrix());
    }
    throw new SpectrolensException(in.toString(), "expected a [C,H,W] or [H,W] array, got " + shape.length + " dimensions");
  }
}

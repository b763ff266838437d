package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.explain.Baseline;
import org.spectrolens.explain.Options;
import org.spectrolens.judge.MapMaker;
import picocli.CommandLine.Option;

/** The options the judging commands (faithfulness, sanity, localisation) share. */
final class JudgeOptions {
  @Option(names = "--model", required = true, paramLabel = "M", description = "Model directory.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "DS", description = "Dataset cache directory.")
  Path data;

  @Option(names = "--split", defaultValue = "test", description = "test, train or all (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--methods", split = ",", paramLabel = "LIST", defaultValue = "saliency,smoothgrad,gradcam++,faster-scorecam",
      description = "Explanation methods (default: the thesis's four, ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--baseline", defaultValue = "floor", paramLabel = "B",
      description = "What masking replaces the input with (x' = b + m (x - b)): zero, floor, mean, freq-mean or blur (default: ${DEFAULT-VALUE}).")
  String baseline;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the sample, the random map and every random step (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  Baseline baseline() {
    return Baseline.fromId(baseline);
  }

  /** The explain options: defaults with this seed and baseline. */
  Options explainOptions() {
    return Options.defaults().withSeed(seed).withBaseline(baseline());
  }

  /** One map maker per method, in order (a one-line error for an unknown method). */
  Map<String, MapMaker> makers() {
    Map<String, MapMaker> out = new LinkedHashMap<>();
    for (String m : methods) out.put(m.trim(), MapMaker.method(m.trim(), explainOptions()));
    return out;
  }

  /** The record of what was judged, for the options block of the JSON. */
  Map<String, Object> describe(int samples) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("model", model.toString());
    o.put("data", data.toString());
    o.put("split", split);
    o.put("samples", samples);
    o.put("methods", methods);
    o.put("seed", seed);
    o.put("targets", "predicted class");
    return o;
  }
}

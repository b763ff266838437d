package org.spectrolens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.Baseline;
import org.spectrolens.explain.Explainers;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.MapAxes;
import org.spectrolens.explain.ModelInput;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.PostProcess;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Resize;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;
import org.spectrolens.nn.Engines;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.render.OverlayImage;
import org.spectrolens.render.PanelFigure;
import org.spectrolens.spectrogram.Spectrogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens explain}: explanation maps of a model's decisions, in Hz and seconds. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Explanation maps for each input and method: DIR/<input>/input.npy (the exact model input [C,H,W]),",
        "<method>.npy (float32 [H,W] on the input grid, in [0,1]), <method>.raw.npy (the raw map on its own grid),",
        "<method>.png (overlay in Hz and seconds), methods.png (all methods side by side) and explain.json",
        "(prediction, target, layer, options, band profiles in Hz, time spans in s, times).",
        "IN is audio (optionally cut with --start/--end, featurised with the model's training front end)",
        "or a .npy float32 model input tensor [C,H,W] (already normalised)."})
public final class ExplainCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model directory.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "IN", description = "An input (repeatable).")
  List<Path> inputs;

  @Option(names = "--start", paramLabel = "S", description = "Audio inputs: start of the span (s).")
  Double start;

  @Option(names = "--end", paramLabel = "S", description = "Audio inputs: end of the span (s).")
  Double end;

  @Option(names = "--methods", split = ",", paramLabel = "LIST",
      defaultValue = "gradcam,gradcam++,layercam,faster-scorecam,saliency,smoothgrad",
      description = "Methods, comma-separated: cam, gradcam, gradcam++, layercam, hirescam, xgradcam, eigencam, ablationcam, "
          + "scorecam, faster-scorecam, saliency, smoothgrad, integrated-gradients, occlusion (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(names = "--target", paramLabel = "CLASS", description = "Class to explain, by name or index (default: the predicted one).")
  String target;

  @Option(names = "--layer", paramLabel = "NAME", description = "Layer of the CAM methods (default: the last convolutional block).")
  String layer;

  @Option(names = "--compat", paramLabel = "LIB", description = "Every variant and post-processing step as in pytorch-grad-cam or tf-keras-vis.")
  String compat;

  @Option(names = "--baseline", paramLabel = "B", description = "What masking and occlusion replace the input with: zero, floor, mean, freq-mean, blur "
      + "(default: floor; zero with --compat).")
  String baseline;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of every random step (default: 0).")
  Long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--alpha", paramLabel = "A", description = "Grad-CAM++ alpha: unnormalised (paper, pytorch-grad-cam), normalised (tf-keras-vis), thresholded (authors' code).")
  String alpha;

  @Option(names = "--score-weighting", paramLabel = "W", description = "Score-CAM weights: class-probability, channel-softmax, double-softmax.")
  String scoreWeighting;

  @Option(names = "--faster-channels", paramLabel = "N", description = "Faster Score-CAM: channels kept (default: 10).")
  Integer fasterChannels;

  @Option(names = "--faster-selection", paramLabel = "SEL", description = "Faster Score-CAM: per-sample or batch-union.")
  String fasterSelection;

  @Option(names = "--resize", paramLabel = "MODE", description = "Map upsampling: bilinear (half-pixel), bilinear-corners, nearest.")
  String resize;

  @Option(names = "--post-order", paramLabel = "ORDER", description = "relu-resize-minmax or relu-minmax-resize-minmax.")
  String postOrder;

  @Option(names = "--smooth-samples", paramLabel = "N", description = "SmoothGrad samples (default: 20).")
  Integer smoothSamples;

  @Option(names = "--smooth-noise", paramLabel = "F", description = "SmoothGrad sigma as a fraction of the input's range (default: 0.2).")
  Double smoothNoise;

  @Option(names = "--ig-steps", paramLabel = "N", description = "Integrated Gradients steps (default: 50).")
  Integer igSteps;

  @Option(names = "--occlusion-patch", paramLabel = "HxW", description = "Occlusion window in input cells (default: 16x16).")
  String occlusionPatch;

  @Option(names = "--occlusion-stride", paramLabel = "HxW", description = "Occlusion stride in input cells (default: half the patch).")
  String occlusionStride;

  @Option(names = "--occlusion-band", paramLabel = "HZ", description = "Occlusion window height as a band in Hz (overrides the patch height).")
  Double occlusionBand;

  @Option(names = "--occlusion-span", paramLabel = "S", description = "Occlusion window width as a span in seconds (overrides the patch width).")
  Double occlusionSpan;

  @Option(names = "--batch-size", paramLabel = "N", description = "Masked inputs per forward pass (default: 32).")
  Integer batchSize;

  @Option(names = "--band-hz", defaultValue = "500", paramLabel = "HZ", description = "Width of the bands of the frequency profile (default: ${DEFAULT-VALUE}).")
  double bandHz;

  @Option(names = "--span-s", defaultValue = "0.05", paramLabel = "S", description = "Width of the spans of the time profile (default: ${DEFAULT-VALUE}).")
  double spanSeconds;

  @Option(names = "--time-start", defaultValue = "0", paramLabel = "S", description = ".npy inputs: time of column 0 (s).")
  double timeStart;

  @Option(names = "--time-step", defaultValue = "0", paramLabel = "S", description = ".npy inputs: seconds between columns (0: unknown, times reported as column indices).")
  double timeStep;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Engine threads; 0 = all cores (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() {
    Options options = options();
    for (String m : methods) Explainers.of(m);
    Engines.init(threads);
    try (TrainedModel m = TrainedModel.open(model)) {
      List<String> classes = m.config().classes();
      Integer t = target == null ? null : classIndex(classes, target);
      Set<String> names = new HashSet<>();
      for (Path in : inputs) {
        if (!Files.isRegularFile(in)) throw new SpectrolensException(in.toString(), "no such file");
        String name = uniqueName(in, names);
        ModelInput input = ModelInput.read(m, in, start == null ? Double.NaN : start, end == null ? Double.NaN : end, timeStart, timeStep);
        explainOne(m, in, input, out.resolve(name), t, options);
        System.out.println(in + "\t" + out.resolve(name));
      }
    }
    return 0;
  }

  private void explainOne(TrainedModel m, Path in, ModelInput input, Path dir, Integer t, Options options) {
    int[] s = m.config().inputShape();
    List<String> classes = m.config().classes();
    Request r = new Request(m.network(), input.tensor(), 1, t == null ? null : new int[] {t}, layer, options, input.axes());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("input", in.toString());
    json.put("kind", input.kind());
    if (start != null) json.put("start", start);
    if (end != null) json.put("end", end);
    json.put("model", model.toString());
    json.put("classes", classes);
    // every map is computed before anything is written: a failing method leaves no partial folder
    Map<String, Explanation> done = new LinkedHashMap<>();
    for (String method : methods) done.put(method, Explainers.explain(method, r));
    Npy.write(dir.resolve("input.npy"), new Npy.Array(s, input.tensor()));
    json.put("input_shape", s);
    json.put("compat", options.compat().id());
    json.put("baseline", options.baseline().id());
    json.put("seed", options.seed());
    json.put("axes", axesJson(input.axes()));
    json.put("layer", r.resolvedLayer());
    Map<String, Object> ms = new LinkedHashMap<>();
    List<PanelFigure.Panel> panels = new ArrayList<>();
    for (String method : methods) {
      Explanation e = done.get(method);
      if (!json.containsKey("predicted")) prediction(json, classes, e);
      float[][] map = e.map(0);
      Npy.write(dir.resolve(method + ".npy"), map);
      Npy.write(dir.resolve(method + ".raw.npy"), e.rawMap(0));
      double[] p = TrainedModel.softmax(e.logits()[0]);
      int target = e.targets()[0];
      OverlayImage overlay = OverlayImage.defaults().withTitle(method + ": " + OverlayImage.predictionTitle(classes.get(target), p[target]));
      Spectrogram display = input.display();
      panels.add(PanelFigure.Panel.of(overlay.write(display, map, dir.resolve(method + ".png")), "")); // the overlay title names the method
      Map<String, Object> mj = new LinkedHashMap<>();
      mj.put("layer", e.layer());
      mj.put("target", classes.get(target));
      mj.put("target_index", target);
      mj.put("target_probability", p[target]);
      mj.put("raw_shape", new int[] {e.rawHeight(), e.rawWidth()});
      mj.put("options", e.options());
      mj.put("seconds", e.seconds());
      mj.put("band_profile_hz", bands(input.axes().frequencyBands(map, bandHz)));
      List<MapAxes.Band> spans = input.axes().timeSpans(map, spanSeconds);
      mj.put("time_profile_s", spans == null ? null : bands(spans));
      if (spans == null) mj.put("column_profile", MapAxes.columnProfile(map));
      ms.put(method, mj);
    }
    json.put("methods", ms);
    if (!panels.isEmpty()) {
      PanelFigure.defaults().withTitle(in.getFileName().toString()).write(panels, dir.resolve("methods.png"));
    }
    Json.write(dir.resolve("explain.json"), json);
  }

  private static void prediction(Map<String, Object> json, List<String> classes, Explanation e) {
    double[] p = TrainedModel.softmax(e.logits()[0]);
    int best = 0;
    for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
    json.put("predicted", classes.get(best));
    Map<String, Double> probs = new LinkedHashMap<>();
    for (int i = 0; i < p.length; i++) probs.put(classes.get(i), p[i]);
    json.put("probabilities", probs);
    json.put("target", classes.get(e.targets()[0]));
  }

  private static List<Map<String, Object>> bands(List<MapAxes.Band> bands) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (MapAxes.Band b : bands) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("from", b.from());
      o.put("to", b.to());
      o.put("importance", b.importance());
      out.add(o);
    }
    return out;
  }

  private static Map<String, Object> axesJson(MapAxes a) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("frequency_scale", a.frequencies().scale().id());
    o.put("row_hz", a.frequencies().hz());
    if (a.times() != null) {
      o.put("time_start", a.times().start());
      o.put("time_step", a.times().step());
    } else {
      o.put("time_start", null);
      o.put("time_step", null);
    }
    return o;
  }

  Options options() {
    Options o = compat == null ? Options.defaults() : Options.compat(Options.Compat.fromId(compat));
    if (baseline != null) o = o.withBaseline(Baseline.fromId(baseline));
    if (seed != null) o = o.withSeed(seed);
    if (alpha != null) o = o.withAlpha(pick(Options.Alpha.values(), alpha, "--alpha", Options.Alpha::id));
    if (scoreWeighting != null) {
      o = o.withScoreWeighting(pick(Options.ScoreWeighting.values(), scoreWeighting, "--score-weighting", Options.ScoreWeighting::id));
    }
    if (fasterChannels != null || fasterSelection != null) {
      int n = fasterChannels == null ? o.fasterChannels() : fasterChannels;
      if (n < 1) throw new SpectrolensException("--faster-channels", "must be at least 1");
      Options.Selection sel = fasterSelection == null ? o.fasterSelection()
          : pick(Options.Selection.values(), fasterSelection, "--faster-selection", Options.Selection::id);
      o = o.withFaster(n, sel);
    }
    if (resize != null || postOrder != null) {
      PostProcess p = o.post();
      o = o.withPost(new PostProcess(p.relu(),
          postOrder == null ? p.order() : pick(PostProcess.Order.values(), postOrder, "--post-order", PostProcess.Order::id),
          resize == null ? p.resize() : Resize.fromId(resize)));
    }
    if (smoothSamples != null || smoothNoise != null) {
      int n = smoothSamples == null ? o.smoothSamples() : smoothSamples;
      double sd = smoothNoise == null ? o.smoothNoise() : smoothNoise;
      if (n < 1) throw new SpectrolensException("--smooth-samples", "must be at least 1");
      if (!(sd >= 0)) throw new SpectrolensException("--smooth-noise", "must be 0 or more");
      o = o.withSmoothGrad(n, sd);
    }
    if (igSteps != null) {
      if (igSteps < 1) throw new SpectrolensException("--ig-steps", "must be at least 1");
      o = o.withIgSteps(igSteps);
    }
    if (occlusionPatch != null || occlusionStride != null || occlusionBand != null || occlusionSpan != null) {
      Options.OcclusionWindow w = o.occlusion();
      int[] patch = occlusionPatch == null ? new int[] {w.height(), w.width()} : cells(occlusionPatch, "--occlusion-patch");
      int[] stride = occlusionStride == null ? new int[] {Math.max(1, patch[0] / 2), Math.max(1, patch[1] / 2)}
          : cells(occlusionStride, "--occlusion-stride");
      o = o.withOcclusion(new Options.OcclusionWindow(patch[0], patch[1], stride[0], stride[1],
          occlusionBand == null ? 0 : occlusionBand, occlusionSpan == null ? 0 : occlusionSpan));
    }
    if (batchSize != null) {
      if (batchSize < 1) throw new SpectrolensException("--batch-size", "must be at least 1");
      o = o.withBatchSize(batchSize);
    }
    return o;
  }

  private static int[] cells(String v, String option) {
    String[] p = v.toLowerCase(Locale.ROOT).split("x");
    try {
      int[] out = p.length == 1 ? new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[0])}
          : new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
      if (p.length > 2 || out[0] < 1 || out[1] < 1) throw new NumberFormatException();
      return out;
    } catch (NumberFormatException e) {
      throw new SpectrolensException(option, "expected HxW in cells, e.g. 16x8, got '" + v + "'");
    }
  }

  private static <E> E pick(E[] values, String id, String option, java.util.function.Function<E, String> name) {
    List<String> ids = new ArrayList<>();
    for (E e : values) {
      if (name.apply(e).equals(id)) return e;
      ids.add(name.apply(e));
    }
    throw new SpectrolensException(option, "unknown value '" + id + "'; expected one of " + String.join(", ", ids));
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

  private static String uniqueName(Path in, Set<String> used) {
    String n = in.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String base = dot > 0 ? n.substring(0, dot) : n;
    String name = base;
    for (int k = 2; !used.add(name); k++) name = base + "-" + k;
    return name;
  }
}

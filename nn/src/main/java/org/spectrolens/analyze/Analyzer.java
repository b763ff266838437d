package org.spectrolens.analyze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.DatasetInputs;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.Method;
import org.spectrolens.explain.Options;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.evaluate.Predictions;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.analyze.Readings.ClassTruth;
import org.spectrolens.analyze.Readings.MethodReading;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.truth.SegmentTruth;
import org.spectrolens.truth.TruthMasks;
import org.spectrolens.truth.TruthReader;

/**
 * Reads a model's explanation maps over a dataset split acoustically (issue 10): explains every
 * item with each method through the batch engine, then per method the class-mean maps, band profiles, formant and F0
 * alignment against each item's truth, confusion against overlap, and band profiles per speaker
 * group; the input's own energy (the grid min-max scaled) is read the same way as the reference
 * a method must beat.
 */
public final class Analyzer {
  /** Reference map id: the model input itself. */
  public static final String ENERGY = "energy";
  /** Items explained together by default. */
  public static final int DEFAULT_BATCH = 32;

  private Analyzer() {}

  /**
   * What to read.
   *
   * @param methods method names ({@link Explainers}: an id, or {@code wrapper:id})
   * @param split test, train or all
   * @param perClass at most this many items of each class, drawn with the options' seed (0: all)
   * @param truth where formants and F0 come from
   * @param bandHz width of the uniform bands (Hz)
   * @param groups speaker group of each item (null: no group profiles)
   * @param options explanation options (profile, seed, batch size of masked inputs, ...)
   * @param batch items explained together by the batch engine
   * @param permutations permutations of the Spearman test
   * @param layer the CAM family's layer (null: the last convolutional block)
   */
  public record Settings(List<String> methods, String split, int perClass, TruthReader truth, double bandHz,
      Function<DatasetItem, String> groups, Options options, int batch,
      @org.spectrolens.params.Param(value = "permutations of the Spearman test", min = 0, max = 10_000_000) int permutations, String layer) {
    public Settings {
      if (methods.isEmpty()) throw SpectrolensException.ofParameter("methods", "no method given");
      methods.forEach(Explainers::of); // unknown names fail here, before any work
      org.spectrolens.params.Params.check(org.spectrolens.explain.ExplainWorkflow.Outputs.class, "bandHz", bandHz);
      org.spectrolens.params.Params.check(Settings.class, "permutations", permutations);
      if (batch < 1) throw SpectrolensException.ofParameter("batch", "must be at least 1, got " + batch);
      if (perClass < 0) throw SpectrolensException.ofParameter("per_class", "must be 0 (all) or more, got " + perClass);
    }
  }

  /**
   * The whole reading. Each item is explained for its predicted class (the paper's maps: the
   * top-1 class) by the batch engine ({@link BatchExplainer} over {@link DatasetInputs}); maps are
   * grouped by the item's true class.
   *
   * @param progress receives one line per finished step (may be a no-op)
   */
  public static AcousticReading run(TrainedModel model, CachedDataset ds, Settings s, Consumer<String> progress) {
    long t0 = System.nanoTime();
    s.truth().check(ds);
    DatasetInputs inputs = DatasetInputs.of(ds, model, s.split(), 0, s.perClass(), s.options().seed()); // checks the front end
    List<DatasetItem> items = inputs.items();
    Predictions predictions = Evaluator.predict(model, ds, s.split(), items);
    Metrics metrics = predictions.metrics();
    List<String> classes = predictions.classes();
    FrequencyAxis rows = ds.info().frequencyAxis();
    int h = ds.info().height(), w = ds.info().width();
    // Rows above the sources' Nyquist frequency (8 kHz audio on a wider grid) are left out of every reading.
    SourceBand signal = SourceBand.of(items, rows);
    if (signal.excludes()) progress.accept(signal.note());
    List<FrequencyBand> bands = FrequencyBand.uniform(s.bandHz(), signal.topHz());
    List<FrequencyBand> named = FrequencyBand.named(signal.topHz());

    // Truth per item: masks on the grid and the medians for the figure's markers.
    TruthMasks[] masks = new TruthMasks[items.size()];
    double[][] medians = new double[items.size()][];
    AtomicInteger missing = new AtomicInteger();
    IntStream.range(0, items.size()).parallel().forEach(i -> {
      try {
        SegmentTruth t = s.truth().forItem(items.get(i));
        masks[i] = TruthMasks.of(t, rows, inputs.axes(i).times());
        medians[i] = new double[] {t.medianF0(), t.medianFormant(1), t.medianFormant(2), t.medianFormant(3)};
      } catch (SpectrolensException e) {
        missing.incrementAndGet(); // e.g. a segment too short for the tracker's windows
      }
    });
    progress.accept(String.format(Locale.ROOT, "truth (%s) for %d items, %d without", s.truth().origin().id(),
        items.size() - missing.get(), missing.get()));

    String[] groups = new String[items.size()];
    if (s.groups() != null) for (int i = 0; i < items.size(); i++) groups[i] = s.groups().apply(items.get(i));
    int[] truth = predictions.truth();
    double[][] confusion = metrics.confusionMatrixNormalized();

    // The reference: the input grid itself, min-max scaled.
    MethodAccumulator energy = new MethodAccumulator(ENERGY, true, classes, h, w, rows, bands, named, signal);
    for (int i = 0; i < items.size(); i++) energy.add(truth[i], groups[i], minMax(ds.load(items.get(i))), masks[i]);

    List<Method> methods = s.methods().stream().map(Explainers::of).toList();
    Map<String, MethodAccumulator> acc = new LinkedHashMap<>();
    for (Method m : methods) acc.put(m.id(), new MethodAccumulator(m.id(), false, classes, h, w, rows, bands, named, signal));
    BatchExplainer engine = new BatchExplainer(model.network(), methods, s.options(), s.layer(), null, s.batch());
    BatchExplainer.Run run = engine.run(inputs, (from, byMethod) -> byMethod.forEach((id, e) -> {
      for (int j = 0; j < e.targets().length; j++) acc.get(id).add(truth[from + j], groups[from + j], e.map(j), masks[from + j]);
    }), done -> {
      int step = Math.max(s.batch(), items.size() / 10); // about ten progress lines
      if (done == items.size() || done / step != (done - s.batch()) / step) {
        progress.accept(String.format(Locale.ROOT, "explained %d of %d items (%.0f s)", done, items.size(), (System.nanoTime() - t0) / 1e9));
      }
    });
    progress.accept(String.format(Locale.ROOT, "explained %d items with %d methods in %.1f s (%s)", run.inputs(), methods.size(),
        run.seconds(), String.join(", ", run.methodSeconds().entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue())).toList())));

    Map<String, MethodReading> readings = new LinkedHashMap<>();
    readings.put(ENERGY, energy.finish(confusion, s.permutations(), s.options().seed()));
    acc.forEach((id, a) -> readings.put(id, a.finish(confusion, s.permutations(), s.options().seed())));

    Map<String, ClassTruth> classTruth = new LinkedHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      List<double[]> m = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) if (truth[i] == c && medians[i] != null) m.add(medians[i]);
      classTruth.put(classes.get(c), new ClassTruth(m.size(), median(m, 0), median(m, 1), median(m, 2), median(m, 3)));
    }
    Map<String, Integer> groupSizes = new TreeMap<>();
    if (s.groups() != null) for (String g : groups) groupSizes.merge(g, 1, Integer::sum);
    double[] columnSeconds = new double[w];
    for (DatasetItem item : items) {
      for (int c = 0; c < w; c++) columnSeconds[c] += (item.timeStart() + c * item.timeStep() - item.start()) / items.size();
    }
    double[] columnStep = {items.stream().mapToDouble(DatasetItem::timeStep).min().orElse(Double.NaN),
        items.stream().mapToDouble(DatasetItem::timeStep).max().orElse(Double.NaN)};
    List<String> notes = new ArrayList<>();
    if (signal.excludes()) notes.add(signal.note());
    if (columnStep[1] > columnStep[0] * (1 + 1e-6)) {
      notes.add(String.format(Locale.ROOT, "segments of %.0f-%.0f ms were resized to %d columns (%.1f-%.1f ms per column): a column "
          + "is a fraction of its segment, not a fixed time, so class-mean maps are drawn on relative time (0-1)",
          1000 * items.stream().mapToDouble(i -> i.end() - i.start()).min().orElse(0),
          1000 * items.stream().mapToDouble(i -> i.end() - i.start()).max().orElse(0), w, 1000 * columnStep[0], 1000 * columnStep[1]));
    }
    return new AcousticReading(model.config().model(), ds.info().id(), ds.info().task(), s.split(), s.truth().origin().id(), "predicted",
        classes, items.size(), missing.get(), metrics.accuracy(), metrics.confusionMatrix(), confusion, bands, named, rows.hz(),
        columnSeconds, classTruth, groupSizes, readings, describe(s, model.network()), run.methodSeconds(),
        (System.nanoTime() - t0) / 1e9, signal.excludes() ? signal.topHz() : null, columnStep, notes);
  }

  /**
   * The explanation options as recorded, with the CAM layer by its name in the network (an imported
   * model's declared layer, {@code conv4} of smallcnn), so a reader knows which layer the maps are of.
   */
  private static Map<String, Object> describe(Settings s, org.spectrolens.nn.model.Network net) {
    Map<String, Object> o = new LinkedHashMap<>(s.options().describe());
    String layer;
    try {
      layer = org.spectrolens.explain.TargetLayers.resolve(net, s.layer());
    } catch (SpectrolensException e) {
      layer = "none: " + e.problem(); // a model without a layer for CAM (ONNX), analysed by the other methods
    }
    o.put("layer", layer);
    // The tracker's ceiling and formant count as used at each sample rate (issue 25).
    if (s.truth().formants() != null) o.put("formant_tracker", s.truth().describe());
    return o;
  }

  /** The grid scaled to [0, 1] (all zeros for a constant grid). */
  static float[][] minMax(float[][] g) {
    float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
    for (float[] row : g) for (float v : row) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    float[][] out = new float[g.length][g[0].length];
    if (!(hi > lo)) return out;
    for (int r = 0; r < g.length; r++) for (int c = 0; c < g[r].length; c++) out[r][c] = (g[r][c] - lo) / (hi - lo);
    return out;
  }

  private static double median(List<double[]> rows, int field) {
    double[] v = rows.stream().mapToDouble(r -> r[field]).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
  }
}

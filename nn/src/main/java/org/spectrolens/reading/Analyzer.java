package org.spectrolens.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.Explainers;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import org.spectrolens.nn.evaluate.Evaluator;
import org.spectrolens.nn.evaluate.Metrics;
import org.spectrolens.nn.evaluate.Predictions;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.nn.train.Examples;
import org.spectrolens.reading.Readings.ClassTruth;
import org.spectrolens.reading.Readings.MethodReading;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.truth.SegmentTruth;
import org.spectrolens.truth.TruthMasks;
import org.spectrolens.truth.TruthReader;

/**
 * Reads a model's explanation maps over a dataset split acoustically (issue 10): explains every
 * item with each method, then per method the class-mean maps, band profiles, formant and F0
 * alignment against each item's truth, confusion against overlap, and band profiles per speaker
 * group; the input's own energy (the grid min-max scaled) is read the same way as the reference
 * a method must beat.
 */
public final class Analyzer {
  /** Reference map id: the model input itself. */
  public static final String ENERGY = "energy";
  /** Items explained per call of a method (each method batches its own forward passes within). */
  static final int ITEMS_PER_REQUEST = 64;

  private Analyzer() {}

  /**
   * What to read.
   *
   * @param methods method ids ({@link Explainers#IDS})
   * @param split test, train or all
   * @param truth where formants and F0 come from
   * @param bandHz width of the uniform bands (Hz)
   * @param explainLabel explain each item's true class (true) or the predicted one (false)
   * @param groups speaker group of each item (null: no group profiles)
   * @param options explanation options (seed, batch size, ...)
   * @param permutations permutations of the Spearman test
   */
  public record Settings(List<String> methods, String split, TruthReader truth, double bandHz, boolean explainLabel,
      Function<DatasetItem, String> groups, Options options, int permutations) {
    public Settings {
      if (methods.isEmpty()) throw new SpectrolensException("--methods", "no method given");
      methods.forEach(Explainers::of); // unknown ids fail here, before any work
      if (!(bandHz > 0)) throw new SpectrolensException("--band-hz", "must be positive, got " + bandHz);
    }
  }

  /**
   * The whole reading.
   *
   * @param progress receives one line per finished step (may be a no-op)
   */
  public static Analysis run(TrainedModel model, CachedDataset ds, Settings s, Consumer<String> progress) {
    long t0 = System.nanoTime();
    s.truth().check(ds);
    Predictions predictions = Evaluator.predict(model, ds, s.split()); // also checks the front end and the split
    Metrics metrics = predictions.metrics();
    List<DatasetItem> items = predictions.items();
    List<String> classes = predictions.classes();
    FrequencyAxis rows = ds.info().frequencyAxis();
    int h = ds.info().height(), w = ds.info().width();
    List<Band> bands = Band.uniform(s.bandHz(), rows.upperEdgeHz(h - 1));
    List<Band> named = Band.named(rows.upperEdgeHz(h - 1));

    // Truth per item: masks on the grid and the medians for the figure's markers.
    TruthMasks[] masks = new TruthMasks[items.size()];
    double[][] medians = new double[items.size()][];
    int[] missing = new int[1];
    java.util.stream.IntStream.range(0, items.size()).parallel().forEach(i -> {
      try {
        SegmentTruth t = s.truth().forItem(items.get(i));
        masks[i] = TruthMasks.of(t, rows, org.spectrolens.spectrogram.TimeAxis.of(items.get(i).timeStart(),
            items.get(i).timeStep(), w));
        medians[i] = new double[] {t.medianF0(), t.medianFormant(1), t.medianFormant(2), t.medianFormant(3)};
      } catch (SpectrolensException e) {
        synchronized (missing) {
          missing[0]++;
        }
      }
    });
    progress.accept(String.format(java.util.Locale.ROOT, "truth (%s) for %d items, %d without", s.truth().origin().id(),
        items.size() - missing[0], missing[0]));

    String[] groups = new String[items.size()];
    if (s.groups() != null) for (int i = 0; i < items.size(); i++) groups[i] = s.groups().apply(items.get(i));
    double[][] confusion = metrics.confusionMatrixNormalized();
    int[] targets = s.explainLabel() ? predictions.truth() : predictions.predicted();

    ModelConfig cfg = model.config();
    Examples ex = Examples.load(ds, items, item -> classes.indexOf(item.label()), (float) cfg.normalization().mean(),
        (float) cfg.normalization().std());
    Map<String, MethodReading> readings = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    // The reference first: the input grid itself, min-max scaled.
    MethodAccumulator energy = new MethodAccumulator(ENERGY, true, classes, h, w, rows, bands, named);
    for (int i = 0; i < items.size(); i++) {
      energy.add(predictions.truth()[i], groups[i], minMax(ds.load(items.get(i))), masks[i]);
    }
    readings.put(ENERGY, energy.finish(confusion, s.permutations(), s.options().seed()));
    int channels = model.network().inputShape()[0];
    int batch = ITEMS_PER_REQUEST;
    for (String method : s.methods()) {
      long m0 = System.nanoTime();
      MethodAccumulator acc = new MethodAccumulator(method, false, classes, h, w, rows, bands, named);
      for (int from = 0; from < items.size(); from += batch) {
        int[] idx = new int[Math.min(batch, items.size() - from)];
        for (int j = 0; j < idx.length; j++) idx[j] = from + j;
        int[] t = Arrays.stream(idx).map(j -> targets[j]).toArray();
        Request r = new Request(model.network(), ex.batch(idx, channels, null, 0, 0), idx.length, t, null, s.options(), null);
        Explanation e = Explainers.of(method).explain(r);
        for (int j = 0; j < idx.length; j++) acc.add(predictions.truth()[idx[j]], groups[idx[j]], e.map(j), masks[idx[j]]);
      }
      readings.put(method, acc.finish(confusion, s.permutations(), s.options().seed()));
      seconds.put(method, (System.nanoTime() - m0) / 1e9);
      progress.accept(String.format(java.util.Locale.ROOT, "%s: %d items in %.1f s", method, items.size(), seconds.get(method)));
    }

    Map<String, ClassTruth> classTruth = new LinkedHashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      List<double[]> m = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) if (predictions.truth()[i] == c && medians[i] != null) m.add(medians[i]);
      classTruth.put(classes.get(c), new ClassTruth(m.size(), median(m, 0), median(m, 1), median(m, 2), median(m, 3)));
    }
    Map<String, Integer> groupSizes = new java.util.TreeMap<>();
    if (s.groups() != null) for (String g : groups) groupSizes.merge(g, 1, Integer::sum);
    double[] columnSeconds = new double[w];
    for (DatasetItem item : items) {
      for (int c = 0; c < w; c++) columnSeconds[c] += (item.timeStart() + c * item.timeStep() - item.start()) / items.size();
    }
    return new Analysis(cfg.model(), ds.info().id(), ds.info().task(), s.split(), s.truth().origin().id(),
        s.explainLabel() ? "label" : "predicted", classes, items.size(), missing[0], metrics.accuracy(),
        metrics.confusionMatrix(), confusion, bands, named, rows.hz(), columnSeconds, classTruth, groupSizes, readings,
        s.options().describe(s.methods().get(0)), seconds, (System.nanoTime() - t0) / 1e9);
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

package org.spectrolens.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.MapAxes;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.nn.train.Examples;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * The items of a dataset split to judge on, as model inputs: a seeded random sample of
 * {@code count} items (all when the split is smaller), normalised as in training.
 *
 * @param inputs [n, C, H, W] flat, exactly what the network sees
 * @param labels the true class of each item (the model's class indices)
 * @param items the dataset items, in input order
 * @param axes the input grid's axes with times relative to each item's first column (for units in Hz x ms)
 */
public record Samples(float[] inputs, int n, int[] shape, int[] labels, List<DatasetItem> items, MapAxes axes) {

  public static Samples load(TrainedModel model, CachedDataset ds, String split, int count, long seed) {
    ModelConfig cfg = model.config();
    if (cfg.dataset() != null && !cfg.dataset().sameFrontEnd(ds.info())) {
      throw new SpectrolensException(ds.dir().toString(), "front end differs from the model's; rebuild the dataset with the model's front end");
    }
    if (!List.of("train", "test", "all").contains(split)) throw new SpectrolensException("--split", "expected test, train or all, got '" + split + "'");
    if (count < 1) throw new SpectrolensException("--samples", "must be at least 1");
    List<DatasetItem> all = new ArrayList<>(ds.items(split));
    if (all.isEmpty()) throw new SpectrolensException(ds.dir().toString(), "no items in split '" + split + "'");
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = all.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      DatasetItem t = all.get(i);
      all.set(i, all.get(j));
      all.set(j, t);
    }
    List<DatasetItem> items = all.subList(0, Math.min(count, all.size()));
    List<String> classes = cfg.classes();
    Examples ex = Examples.load(ds, items, item -> {
      int k = classes.indexOf(item.label());
      if (k < 0) throw new SpectrolensException(ds.dir().toString(), "label '" + item.label() + "' of item " + item.id() + " is not one of the model's classes " + classes);
      return k;
    }, (float) cfg.normalization().mean(), (float) cfg.normalization().std());
    int n = items.size();
    int[] idx = new int[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
      labels[i] = ex.label(i);
    }
    int[] shape = cfg.inputShape();
    float[] x = ex.batch(idx, shape[0], null, 0, 0);
    MapAxes axes = new MapAxes(ds.info().frequencyAxis(), TimeAxis.of(0, items.get(0).timeStep(), shape[2]));
    return new Samples(x, n, shape, labels, List.copyOf(items), axes);
  }

  /** Input {@code i} alone, [C*H*W] (a copy). */
  public float[] input(int i) {
    int size = shape[0] * shape[1] * shape[2];
    float[] x = new float[size];
    System.arraycopy(inputs, i * size, x, 0, size);
    return x;
  }
}

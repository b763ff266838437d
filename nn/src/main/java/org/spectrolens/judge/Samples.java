package org.spectrolens.judge;

import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.DatasetInputs;
import org.spectrolens.explain.MapAxes;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * The dataset items under judgement as one batch: the tensors of the explain engine's loader
 * ({@link DatasetInputs}: each cached grid normalised as in training), their true labels and
 * items, and the grid's axes.
 *
 * @param inputs [n, C, H, W] flat, exactly what the network sees
 * @param labels the true class of each item (the model's class indices)
 * @param items the dataset items, in input order
 * @param axes the input grid's axes with times relative to each item's first column (for units in Hz x ms)
 * @param first the place of item 0 in the whole sample (0 unless the sample is judged in parts)
 */
public record Samples(float[] inputs, int n, int[] shape, int[] labels, List<DatasetItem> items, MapAxes axes, int first) {

  /** Every item of {@code set}; {@code classes} are the model's. */
  public static Samples of(DatasetInputs set, List<String> classes, int[] shape) {
    if (set.size() == 0) throw new SpectrolensException(set.dataset().dir().toString(), "no items to judge");
    return of(set, classes, shape, 0, set.size());
  }

  /** Items {@code [from, to)} of {@code set}, one part of a sample judged in parts (the axes are the whole sample's). */
  public static Samples of(DatasetInputs set, List<String> classes, int[] shape, int from, int to) {
    int n = to - from;
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) labels[i] = classes.indexOf(set.items().get(from + i).label());
    TimeAxis t = set.axes(0).times();
    MapAxes axes = new MapAxes(set.axes(0).frequencies(), TimeAxis.of(0, t.step(), shape[2]));
    return new Samples(set.tensors(from, to), n, shape.clone(), labels, List.copyOf(set.items().subList(from, to)), axes, from);
  }

  /** Input {@code i} alone, [C*H*W] (a copy). */
  public float[] input(int i) {
    int size = shape[0] * shape[1] * shape[2];
    float[] x = new float[size];
    System.arraycopy(inputs, i * size, x, 0, size);
    return x;
  }
}

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
 */
public record Samples(float[] inputs, int n, int[] shape, int[] labels, List<DatasetItem> items, MapAxes axes) {

  /** Every item of {@code set}; {@code classes} are the model's. */
  public static Samples of(DatasetInputs set, List<String> classes, int[] shape) {
    int n = set.size();
    if (n == 0) throw new SpectrolensException(set.dataset().dir().toString(), "no items to judge");
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) labels[i] = classes.indexOf(set.items().get(i).label());
    TimeAxis t = set.axes(0).times();
    MapAxes axes = new MapAxes(set.axes(0).frequencies(), TimeAxis.of(0, t.step(), shape[2]));
    return new Samples(set.tensors(0, n), n, shape.clone(), labels, List.copyOf(set.items()), axes);
  }

  /** Input {@code i} alone, [C*H*W] (a copy). */
  public float[] input(int i) {
    int size = shape[0] * shape[1] * shape[2];
    float[] x = new float[size];
    System.arraycopy(inputs, i * size, x, 0, size);
    return x;
  }
}

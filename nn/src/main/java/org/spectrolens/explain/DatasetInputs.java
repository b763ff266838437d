package org.spectrolens.explain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * The items of a dataset cache as model inputs: each cached grid normalised as in training. The
 * dataset must have been built with the model's front end (same spectrogram, crop, size, classes).
 */
public final class DatasetInputs implements InputSet {
  private final CachedDataset data;
  private final TrainedModel model;
  private final List<DatasetItem> items;

  private DatasetInputs(CachedDataset data, TrainedModel model, List<DatasetItem> items) {
    this.data = data;
    this.model = model;
    this.items = items;
  }

  /**
   * A selection of a dataset's items, in manifest order.
   *
   * @param split "train", "test" or "all"
   * @param limit at most this many items (0: no limit)
   * @param perClass at most this many items of each class (0: no limit)
   * @param seed the order in which a limited selection is drawn (items shuffled with it first)
   */
  public static DatasetInputs of(CachedDataset data, TrainedModel model, String split, int limit, int perClass, long seed) {
    check(data, model);
    if (!List.of("train", "test", "all").contains(split)) throw new SpectrolensException("split", "expected train, test or all, got '" + split + "'");
    if (limit < 0) throw new SpectrolensException("limit", "must be 0 (no limit) or more, got " + limit);
    if (perClass < 0) throw new SpectrolensException("per-class", "must be 0 (no limit) or more, got " + perClass);
    List<DatasetItem> all = data.items(split);
    if (all.isEmpty()) throw new SpectrolensException(data.dir().toString(), "has no items in split '" + split + "'");
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) order.add(i);
    if (limit > 0 || perClass > 0) Collections.shuffle(order, new Random(seed));
    Map<String, Integer> taken = new HashMap<>();
    List<Integer> chosen = new ArrayList<>();
    for (int i : order) {
      if (limit > 0 && chosen.size() >= limit) break;
      String label = all.get(i).label();
      if (perClass > 0 && taken.getOrDefault(label, 0) >= perClass) continue;
      taken.merge(label, 1, Integer::sum);
      chosen.add(i);
    }
    Collections.sort(chosen);
    List<DatasetItem> items = new ArrayList<>();
    for (int i : chosen) items.add(all.get(i));
    return new DatasetInputs(data, model, items);
  }

  /** The one-line error when a dataset was not made with the model's front end. */
  static void check(CachedDataset data, TrainedModel model) {
    var mine = model.config().dataset();
    if (mine == null) return;
    if (!mine.sameFrontEnd(data.info())) {
      throw new SpectrolensException(data.dir().toString(), "was built with another front end than the model " + model.dir()
          + " (rebuild it with `frontend_from` " + model.dir() + ")");
    }
    if (!data.classes().equals(model.config().classes())) {
      throw new SpectrolensException(data.dir().toString(), "classes " + data.classes() + " differ from the model's " + model.config().classes());
    }
  }

  /** The selected dataset items, in order. */
  public List<DatasetItem> items() {
    return items;
  }

  public CachedDataset dataset() {
    return data;
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public Item item(int i) {
    DatasetItem d = items.get(i);
    return new Item(d.id(), d.source(), d.start(), d.end(), d.label());
  }

  @Override
  public float[] tensors(int from, int to) {
    int[] s = model.config().inputShape();
    int size = s[0] * s[1] * s[2];
    float[] out = new float[(to - from) * size];
    IntStream.range(from, to).parallel().forEach(i -> System.arraycopy(model.input(data.loadChannels(items.get(i))), 0, out, (i - from) * size, size));
    return out;
  }

  @Override
  public MapAxes axes(int i) {
    DatasetItem d = items.get(i);
    return new MapAxes(data.info().frequencyAxis(), TimeAxis.of(d.timeStart(), d.timeStep(), data.info().width()));
  }

  @Override
  public Spectrogram display(int i) {
    return data.spectrogram(items.get(i));
  }
}

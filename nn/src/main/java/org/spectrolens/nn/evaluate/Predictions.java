package org.spectrolens.nn.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.spectrolens.io.Csv;
import org.spectrolens.dataset.DatasetItem;

/**
 * A model's predictions on a dataset split, item by item, and the {@link Metrics} of any subset.
 *
 * @param classes the model's classes in index order
 * @param items the items, in the order of the arrays
 * @param truth true class index per item
 * @param predicted predicted class index (argmax) per item
 * @param probabilities [item][class] class probabilities (softmax of the logits)
 * @param model model name (e.g. smallcnn)
 * @param datasetId the dataset's content id
 * @param split test, train or all
 * @param loss mean cross-entropy over all items
 */
public record Predictions(List<String> classes, List<DatasetItem> items, int[] truth, int[] predicted,
    double[][] probabilities, String model, String datasetId, String split, double loss) {

  /** Metrics over all items. */
  public Metrics metrics() {
    return Metrics.of(classes, truth, predicted, model, datasetId, split, loss);
  }

  /**
   * Metrics per group of items (accuracy, per-class figures, confusion matrix), groups named by
   * {@code key} and sorted by name; the loss is left out (null) of group metrics.
   */
  public Map<String, Metrics> metricsBy(Function<DatasetItem, String> key) {
    Map<String, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) members.computeIfAbsent(key.apply(items.get(i)), g -> new ArrayList<>()).add(i);
    Map<String, Metrics> out = new TreeMap<>();
    members.forEach((group, idx) -> {
      int[] t = idx.stream().mapToInt(i -> truth[i]).toArray();
      int[] p = idx.stream().mapToInt(i -> predicted[i]).toArray();
      out.put(group, Metrics.of(classes, t, p, model, datasetId, split, null));
    });
    return out;
  }

  /** {@code id,label,predicted,p_<class>...} with one row per item, probabilities to 6 decimals. */
  public String csv() {
    StringBuilder s = new StringBuilder("id,label,predicted");
    for (String c : classes) s.append(',').append(Csv.field("p_" + c));
    s.append('\n');
    for (int i = 0; i < items.size(); i++) {
      s.append(Csv.field(items.get(i).id())).append(',').append(Csv.field(classes.get(truth[i]))).append(',')
          .append(Csv.field(classes.get(predicted[i])));
      for (double p : probabilities[i]) s.append(String.format(Locale.ROOT, ",%.6f", p));
      s.append('\n');
    }
    return s.toString();
  }
}

package org.spectrolens.serve;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.explain.MapStack;
import org.spectrolens.explain.result.ExplainResult;

/**
 * One run the explorer shows: a dataset and what was computed on it, each read through the
 * library's records: the model's predictions ({@code evaluate}'s {@code predictions.csv}), the
 * explanation stacks ({@code explain}'s folder: {@link ExplainResult}, {@link MapStack}) and the
 * per-item judging scores ({@code judge.result.ItemScores}).
 *
 * @param id the run's name (its folder's path from the served folder's parent), the API's key
 * @param dataset the dataset cache
 * @param items the dataset's items by id, in manifest order
 * @param predictions per item id, the model's prediction; empty without {@code predictions.csv}
 * @param explains the explain folders made on this dataset
 * @param scores per item id, score key ({@code study/metric/map}) to value
 * @param scoreKeys every score key, in first-seen order
 * @param group an item's speaker group (men, women, children), or null where no speakers table is served
 */
public record ExplorerRun(String id, CachedDataset dataset, Map<String, DatasetItem> items, Map<String, Prediction> predictions,
    List<Explained> explains, Map<String, Map<String, Double>> scores, List<String> scoreKeys, Function<DatasetItem, String> group) {

  /** A model's prediction for one item: the class and every class's probability, in the dataset's class order. */
  public record Prediction(String predicted, double[] probabilities) {
    double probability(List<String> classes) {
      int k = classes.indexOf(predicted);
      return k < 0 ? Double.NaN : probabilities[k];
    }
  }

  /** One explain folder: its record, and each item id's row of {@code items.csv} (its row in the stacks, its time axis). */
  public record Explained(Path dir, ExplainResult result, Map<String, MapStack.ItemRow> rows) {
    private static final Map<String, MapStack.Maps> STACKS = new ConcurrentHashMap<>();

    /** The stack of {@code method}, read once and kept (the explorer answers many items of a few stacks). */
    MapStack.Maps stack(String method) {
      return STACKS.computeIfAbsent(dir + "\u0000" + method, k -> MapStack.read(dir, method, false));
    }
  }

  /** The item's group, or "" where unknown. */
  String groupOf(DatasetItem item) {
    if (group == null) return "";
    try {
      return group.apply(item);
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** The methods explained on any of the run's explain folders, in order. */
  List<String> methods() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    for (Explained e : explains) for (String k : e.result().methods().keySet()) m.put(k, true);
    return List.copyOf(m.keySet());
  }
}

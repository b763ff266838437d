package org.spectrolens.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.spectrolens.dataset.DatasetItem;

/**
 * The items table of a run ({@code GET /api/items}): one row per dataset item with its label, the
 * model's prediction and probability where evaluated, speaker and group, split, whether maps exist,
 * and its judging scores. The page filters and sorts it itself, so it is sent whole, once.
 */
final class ItemTable {
  private ItemTable() {}

  /**
   * One row.
   *
   * @param probability the predicted class's probability; null without a prediction
   * @param maps whether an explain folder holds the item's maps
   * @param scores score key ({@code study/metric/map}) to value; NaN scores left out
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Row(String id, String label, String predicted, Double probability, String speaker, String group, String split, boolean maps,
      Map<String, Double> scores) {}

  /** The table with the run's classes and score keys, so the page can build its filters. */
  record Table(String run, List<String> classes, @JsonProperty("score_keys") List<String> scoreKeys, List<Row> rows) {}

  static Table of(ExplorerRun run) {
    Set<String> explained = new HashSet<>();
    for (ExplorerRun.Explained e : run.explains()) explained.addAll(e.rows().keySet());
    List<String> classes = run.dataset().classes();
    List<Row> rows = new ArrayList<>(run.items().size());
    for (DatasetItem i : run.items().values()) {
      ExplorerRun.Prediction p = run.predictions().get(i.id());
      Map<String, Double> s = run.scores().get(i.id());
      if (s != null) {
        Map<String, Double> finite = new java.util.LinkedHashMap<>();
        s.forEach((k, v) -> {
          if (Double.isFinite(v)) finite.put(k, v);
        });
        s = finite;
      }
      rows.add(new Row(i.id(), i.label(), p == null ? null : p.predicted(), p == null ? null : finite(p.probability(classes)), i.speaker(),
          run.groupOf(i), i.split(), explained.contains(i.id()), s));
    }
    return new Table(run.id(), classes, run.scoreKeys(), rows);
  }

  static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

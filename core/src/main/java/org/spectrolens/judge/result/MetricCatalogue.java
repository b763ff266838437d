package org.spectrolens.judge.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The metrics' metadata as the result readers need it (heading, which way is better), from whoever
 * defines metrics: core has none, nn's metric registry provides them through {@link ServiceLoader}
 * ({@code META-INF/services/org.spectrolens.judge.result.MetricCatalogue}). A metric registered
 * from outside the library appears here with the built-in ones, so the report's tables follow the
 * registry without naming a metric.
 */
public interface MetricCatalogue {
  /**
   * One metric as a table column.
   *
   * @param id the metric's id, its JSON key
   * @param heading a short column heading ("deletion AUC (prob.)")
   * @param direction which way is better: {@code higher}, {@code lower} or {@code neither}
   */
  record Column(String id, String heading, String direction) {
    /** The heading with an arrow for the better direction (none for {@code neither}). */
    public String headingWithArrow() {
      return heading + switch (direction) {
        case "lower" -> " ↓";
        case "higher" -> " ↑";
        default -> "";
      };
    }
  }

  /** Every metric this catalogue knows. */
  List<Column> columns();

  /**
   * The column of {@code id} from the catalogues on the class path; an unknown id (a file written
   * with a metric this process does not define) is its own heading, with no direction.
   */
  static Column column(String id) {
    Map<String, Column> all = new LinkedHashMap<>();
    for (MetricCatalogue c : ServiceLoader.load(MetricCatalogue.class)) for (Column col : c.columns()) all.putIfAbsent(col.id(), col);
    Column c = all.get(id);
    return c != null ? c : new Column(id, id, "neither");
  }
}

package org.spectrolens.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.spectrolens.SpectrolensException;

/**
 * Every metric by id: the only place ids live. Adding a metric is one class and one line here.
 * Order is the report order (the faithfulness.json key order).
 */
public final class MetricRegistry {
  private static final Map<String, Supplier<Metric>> ALL = new LinkedHashMap<>();

  static {
    add(MeanTop50Weight::new);
    add(AverageDrop::new);
    add(AverageIncrease::new);
    add(PredictionChange::new);
    add(DeletionAucProb::new);
    add(InsertionAucProb::new);
    add(DeletionAucAcc::new);
    add(InsertionAucAcc::new);
    add(RoadMorfAuc::new);
    add(RoadLerfAuc::new);
    add(FaithfulnessCorrelation::new);
    add(Sparseness::new);
    add(Entropy::new);
    add(RelevanceMass::new);
    add(RelevanceRank::new);
    add(PointingGame::new);
    add(PointingGameAny::new);
    add(MaximumPlateau::new);
    add(CascadingRandomisation::new);
    add(IndependentRandomisation::new);
    add(RandomLogit::new);
    add(DataRandomisation::new);
  }

  private MetricRegistry() {}

  private static void add(Supplier<Metric> s) {
    ALL.put(s.get().id(), s);
  }

  /**
   * Adds a metric from outside the library: {@code factory} makes a fresh instance per use, and
   * the metric then runs, is written and is reported like the built-in ones (after them).
   * Registering the same factory twice is harmless; another factory under a taken id is refused.
   */
  public static synchronized void register(Supplier<Metric> factory) {
    String id = factory.get().id();
    Supplier<Metric> was = ALL.get(id);
    if (was == factory) return;
    if (was != null) throw new IllegalArgumentException("a metric '" + id + "' is registered already");
    ALL.put(id, factory);
  }

  /** Every id, in report order. */
  public static synchronized List<String> ids() {
    return List.copyOf(ALL.keySet());
  }

  /** The ids of one category, in report order. */
  public static synchronized List<String> ids(Metric.Category category) {
    List<String> out = new ArrayList<>();
    for (String id : ALL.keySet()) if (of(id).category() == category) out.add(id);
    return out;
  }

  /** A fresh instance; a one-line error for an unknown id. */
  public static synchronized Metric of(String id) {
    Supplier<Metric> s = ALL.get(id);
    if (s == null) throw SpectrolensException.ofParameter("metrics", "unknown metric '" + id + "'; expected one of " + String.join(", ", ids()));
    return s.get();
  }

  /** Per-map metrics by id, each checked to be one and of an allowed category. */
  public static List<MapMetric> mapMetrics(List<String> ids, Metric.Category... allowed) {
    List<MapMetric> out = new ArrayList<>();
    for (String id : ids) {
      Metric m = of(id.trim());
      boolean ok = allowed.length == 0;
      for (Metric.Category c : allowed) ok |= m.category() == c;
      if (!ok || !(m instanceof MapMetric mm)) {
        throw SpectrolensException.ofParameter("metrics", "'" + id + "' is a " + m.category().id() + " metric, not one this command computes");
      }
      out.add(mm);
    }
    return out;
  }

  /** The scores of one map set, by id in the given order. */
  public static Map<String, Double> score(Judged batch, List<MapMetric> metrics) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (MapMetric m : metrics) out.put(m.id(), m.score(batch));
    return out;
  }

  /** Help text: one line per metric of the given categories, "id (better: higher; needs ...): summary". */
  public static synchronized String help(Metric.Category... categories) {
    StringBuilder b = new StringBuilder();
    for (String id : ALL.keySet()) {
      Metric m = of(id);
      boolean want = categories.length == 0;
      for (Metric.Category c : categories) want |= m.category() == c;
      if (!want) continue;
      b.append(String.format("  %-25s %s, better %s%s: %s%n", id, m.category().id(), m.direction().id(),
          m.needs().isEmpty() ? "" : ", needs " + m.needs().stream().map(n -> n.name().toLowerCase()).sorted().toList(), m.summary()));
    }
    return b.toString();
  }
}

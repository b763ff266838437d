package org.spectrolens.judge.metric;

import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.Metric;
import org.spectrolens.judge.MetricDefinition;
import org.spectrolens.judge.metric.complexity.Entropy;
import org.spectrolens.judge.metric.complexity.Sparseness;
import org.spectrolens.judge.metric.faithfulness.AverageDrop;
import org.spectrolens.judge.metric.faithfulness.AverageIncrease;
import org.spectrolens.judge.metric.faithfulness.DeletionAucAcc;
import org.spectrolens.judge.metric.faithfulness.DeletionAucProb;
import org.spectrolens.judge.metric.faithfulness.FaithfulnessCorrelation;
import org.spectrolens.judge.metric.faithfulness.InsertionAucAcc;
import org.spectrolens.judge.metric.faithfulness.InsertionAucProb;
import org.spectrolens.judge.metric.faithfulness.MeanTop50Weight;
import org.spectrolens.judge.metric.faithfulness.PredictionChange;
import org.spectrolens.judge.metric.faithfulness.RoadLerfAuc;
import org.spectrolens.judge.metric.faithfulness.RoadMorfAuc;
import org.spectrolens.judge.metric.localisation.MaximumPlateau;
import org.spectrolens.judge.metric.localisation.PointingGame;
import org.spectrolens.judge.metric.localisation.PointingGameAny;
import org.spectrolens.judge.metric.localisation.RelevanceMass;
import org.spectrolens.judge.metric.localisation.RelevanceRank;
import org.spectrolens.judge.metric.randomisation.CascadingRandomisation;
import org.spectrolens.judge.metric.randomisation.DataRandomisation;
import org.spectrolens.judge.metric.randomisation.IndependentRandomisation;
import org.spectrolens.judge.metric.randomisation.RandomLogit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.spectrolens.family.Family;
import org.spectrolens.params.ParameterRecords;
import org.spectrolens.SpectrolensException;

/**
 * Every metric by id: the only place ids live. Adding a metric is one class and one line here.
 * Order is the report order (the faithfulness.json key order).
 */
public final class MetricRegistry {
  private static final Family<MetricDefinition<?>> FAMILY = new Family<>("metric", "metrics", Stream.<Supplier<Metric>>of(
      MeanTop50Weight::new, AverageDrop::new, AverageIncrease::new, PredictionChange::new, DeletionAucProb::new,
      InsertionAucProb::new, DeletionAucAcc::new, InsertionAucAcc::new, RoadMorfAuc::new, RoadLerfAuc::new,
      FaithfulnessCorrelation::new, Sparseness::new, Entropy::new, RelevanceMass::new, RelevanceRank::new, PointingGame::new,
      PointingGameAny::new, MaximumPlateau::new, CascadingRandomisation::new, IndependentRandomisation::new, RandomLogit::new,
      DataRandomisation::new).map(MetricDefinition::of).toList());

  private MetricRegistry() {}

  /** The family: every registered metric, built-in ones first, in report order. */
  public static Family<MetricDefinition<?>> family() {
    return FAMILY;
  }

  /**
   * Adds a metric from outside the library; its id must be new. It is then listed in the judging
   * commands' help, computed by default by the commands of its category and reported in their JSON
   * and in the report, with no other edit.
   */
  public static void register(MetricDefinition<?> d) {
    FAMILY.register(d);
  }

  /** Every id, in report order. */
  public static List<String> ids() {
    return FAMILY.ids();
  }

  /** The ids of one category, in report order. */
  public static List<String> ids(Metric.Category category) {
    List<String> out = new ArrayList<>();
    for (MetricDefinition<?> d : FAMILY.all()) if (d.category() == category) out.add(d.id());
    return out;
  }

  /** The definition of {@code id}; a one-line error for an unknown id. */
  public static MetricDefinition<?> definition(String id) {
    return FAMILY.get(id);
  }

  /** A fresh instance with its default parameters; a one-line error for an unknown id. */
  public static Metric of(String id) {
    return definition(id).create();
  }

  /**
   * A fresh instance with some parameters set from text by name ({@code {"window": "3"}}); range
   * errors name {@code id.name}.
   */
  public static Metric of(String id, Map<String, String> set) {
    return set.isEmpty() ? of(id) : definition(id).create(set);
  }

  /** Per-map metrics by id, each checked to be one and of an allowed category. */
  public static List<MapMetric> mapMetrics(List<String> ids, Metric.Category... allowed) {
    List<MapMetric> out = new ArrayList<>();
    return mapMetrics(ids, Map.of(), allowed);
  }

  /**
   * Per-map metrics by id, each checked to be one and of an allowed category, with parameters set
   * from text by metric id, then by name ({@code {"my_metric": {"window": "3"}}}).
   */
  public static List<MapMetric> mapMetrics(List<String> ids, Map<String, Map<String, String>> set, Metric.Category... allowed) {
    for (String id : set.keySet()) {
      if (ids.stream().noneMatch(m -> m.trim().equals(id))) definition(id); // an unknown id is refused; a known one not chosen is harmless
    }
    List<MapMetric> out = new ArrayList<>();
    for (String id : ids) {
      Metric m = of(id.trim(), set.getOrDefault(id.trim(), Map.of()));
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
    for (MetricDefinition<?> d : FAMILY.all()) {
      String id = d.id();
      Metric m = d.create();
      boolean want = categories.length == 0;
      for (Metric.Category c : categories) want |= m.category() == c;
      if (!want) continue;
      b.append(String.format("  %-25s %s, better %s%s: %s%n", id, m.category().id(), m.direction().id(),
          m.needs().isEmpty() ? "" : ", needs " + m.needs().stream().map(n -> n.name().toLowerCase()).sorted().toList(), m.summary()));
      for (ParameterRecords.Parameter p : d.parameters()) {
        b.append(String.format("  %-25s   %s (default %s)%n", id + "." + p.name(), p.description(), ParameterRecords.values(d.defaults()).get(p.name())));
      }
    }
    return b.toString();
  }

  /** The metrics table of {@code docs/judging.md}: id, category, which way is better, needs, parameters, what it measures. */
  public static String markdownTable() {
    return FAMILY.markdownTable(List.of("id", "category", "better", "needs", "parameters (default)", "what it measures"),
        d -> List.of("`" + d.id() + "`", d.category().id(), d.direction().id(),
            d.needs().stream().map(n -> n.name().toLowerCase()).sorted().reduce((a, b) -> a + ", " + b).orElse(""),
            org.spectrolens.family.Parameterised.parameterCell(d, d.defaults()), d.description()));
  }
}

package org.spectrolens.judge;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.spectrolens.family.Parameterised;
import org.spectrolens.params.ParameterRecords;

/**
 * Everything known about a metric before it runs: its id (the JSON key), one line, its category,
 * which way is better, what it needs beside the maps, and its parameter record with the defaults.
 * {@link org.spectrolens.judge.metric.MetricRegistry} lists the definitions; the judging commands' help, {@code --metrics},
 * the per-metric parameters ({@code road_morf_auc.name=value}), the JSON and the report's columns
 * all come from them, so a new metric is one class and its definition.
 *
 * @param id the metric id, also its JSON key ({@code deletion_auc_prob})
 * @param description one line: what is measured, from whom
 * @param category what property of the maps it judges
 * @param direction which way is better
 * @param needs what it needs besides the maps
 * @param defaults its parameters when none are set ({@link ParameterRecords.None} for none)
 * @param factory builds the metric from parameters
 */
public record MetricDefinition<P extends Record>(String id, String description, Metric.Category category,
    Metric.Direction direction, Set<Metric.Need> needs, P defaults, Function<P, Metric> factory) implements Parameterised<P, Metric> {

  public MetricDefinition {
    needs = Set.copyOf(needs);
  }

  /** A metric without parameters; its metadata is read from an instance. */
  public static MetricDefinition<ParameterRecords.None> of(Supplier<Metric> metric) {
    return of(new ParameterRecords.None(), p -> metric.get());
  }

  /** A metric with parameters; its metadata is read from the instance with the defaults. */
  public static <P extends Record> MetricDefinition<P> of(P defaults, Function<P, Metric> factory) {
    Metric m = factory.apply(defaults);
    return new MetricDefinition<>(m.id(), m.summary(), m.category(), m.direction(), m.needs(), defaults, factory);
  }

  @Override
  public Metric create(P params) {
    return factory.apply(params);
  }
}

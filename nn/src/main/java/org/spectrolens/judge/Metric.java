package org.spectrolens.judge;

import java.util.Map;
import org.spectrolens.family.Member;

import java.util.Set;

/**
 * One way of judging explanation maps, with the metadata every metric carries: its id (the JSON
 * key it is reported under), which way is better, its category and what it needs
 * beyond the maps and inputs. Instances come from {@link org.spectrolens.judge.metric.MetricRegistry}, the only place ids live.
 */
public interface Metric extends Member {
  /** What property of the maps a metric judges. */
  enum Category {
    FAITHFULNESS("faithfulness"), RANDOMISATION("randomisation"), LOCALISATION("localisation"), COMPLEXITY("complexity");

    private final String id;

    Category(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** Which way is better; NEITHER for a descriptive number (the thesis's mean top-50% weight). */
  enum Direction {
    HIGHER("higher"), LOWER("lower"), NEITHER("neither");

    private final String id;

    Direction(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** What a metric needs besides the maps: forward passes of the model, truth masks, or the explainer itself. */
  enum Need { MODEL, TRUTH, EXPLAINER }

  /** The id, also the JSON key ({@code deletion_auc_prob}, {@code relevance_mass}, ...). */
  @Override
  String id();

  Category category();

  /** Whether a higher or a lower score means a better explanation. */
  Direction direction();

  Set<Need> needs();

  /** One line for the command help: what is measured, from whom. */
  String summary();

  @Override
  default String description() {
    return summary();
  }

  /** This instance's parameters by name, as recorded beside its scores; empty for a metric without any. */
  default Map<String, Object> parameters() {
    return Map.of();
  }

  /** A short column heading for tables (the report's); the id with spaces unless a metric says better. */
  default String heading() {
    return id().replace('_', ' ');
  }
}

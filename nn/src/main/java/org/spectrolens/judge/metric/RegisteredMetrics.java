package org.spectrolens.judge.metric;

import org.spectrolens.judge.Metric;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.judge.result.MetricCatalogue;

/**
 * The {@link MetricRegistry}'s metrics as result-table columns, for the readers in core (the
 * report), which cannot see nn; found through {@link java.util.ServiceLoader}. Every registered
 * metric is listed, those registered from outside the library too.
 */
public final class RegisteredMetrics implements MetricCatalogue {
  @Override
  public List<Column> columns() {
    List<Column> out = new ArrayList<>();
    for (String id : MetricRegistry.ids()) {
      Metric m = MetricRegistry.of(id);
      out.add(new Column(m.id(), m.heading(), m.direction().id()));
    }
    return out;
  }
}

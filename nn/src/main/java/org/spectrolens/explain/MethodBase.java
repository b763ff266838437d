package org.spectrolens.explain;

import org.spectrolens.params.ParameterRecords;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter handling every method shares: the record it was configured with, or, when it was
 * made without one ({@link org.spectrolens.explain.method.Explainers#of(String)}), the request profile's defaults.
 */
public abstract class MethodBase<P extends Record> implements Method {
  private final MethodDefinition<P> definition;
  private final P params;

  /**
   * @param definition the method's definition (id, description, parameter record and defaults)
   * @param params the method's parameters; null: the defaults of the request's profile
   */
  protected MethodBase(MethodDefinition<P> definition, P params) {
    this.definition = definition;
    this.params = params;
  }

  @Override
  public final MethodDefinition<?> definition() {
    return definition;
  }

  @SuppressWarnings("unchecked")
  protected P params(Options options) {
    return params != null ? params : definition.defaults(options.profile());
  }

  @Override
  public Map<String, Object> describe(Options options) {
    Map<String, Object> m = new LinkedHashMap<>(options.describe());
    m.putAll(ParameterRecords.values(params(options)));
    return m;
  }

  /** Seconds since {@code t0} (a {@link System#nanoTime()}). */
  protected static double since(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}

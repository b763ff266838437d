package org.spectrolens.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spectrolens.params.ParameterRecords;

/**
 * A member whose behaviour is set by a parameter record (an immutable record whose components carry
 * {@link org.spectrolens.params.Param} lines and ranges): its defaults, and how a configured
 * instance is built from a record. Parsing text ({@code median:rows=5}), the {@code --list} lines
 * and the docs tables come from here, so a new member is its record, its definition and its class.
 *
 * @param <P> the parameter record
 * @param <T> what a configured member is (a filter, a method, a metric, ...)
 */
public interface Parameterised<P extends Record, T> extends Member {
  /** The parameters when none are set (spectrolens's defaults). */
  P defaults();

  /** The member configured with {@code params}. */
  T create(P params);

  /** Where the member's definition comes from, e.g. {@code scipy.ndimage.gaussian_filter}; empty when it is spectrolens's own. */
  default String reference() {
    return "";
  }

  /** The parameters' names, types, descriptions and ranges, in declaration order. */
  default List<ParameterRecords.Parameter> parameters() {
    return ParameterRecords.of(defaults().getClass());
  }

  /** The member with its defaults, some set from text by name (range errors name {@code id().name}). */
  default T create(Map<String, String> set) {
    return create(ParameterRecords.with(defaults(), set, id()));
  }

  /** The member with its defaults. */
  default T create() {
    return create(defaults());
  }

  /** {@code `name` value: description} for each parameter of {@code values} (a docs table cell). */
  static String parameterCell(Parameterised<?, ?> m, Record values) {
    Map<String, Object> v = ParameterRecords.values(values);
    List<String> ps = new ArrayList<>();
    for (ParameterRecords.Parameter p : m.parameters()) ps.add("`" + p.name() + "` " + v.get(p.name()) + ": " + p.description());
    return String.join("; ", ps);
  }
}

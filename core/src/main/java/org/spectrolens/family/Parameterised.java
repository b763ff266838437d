package org.spectrolens.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.spectrolens.SpectrolensException;
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

  /**
   * A member of {@code family} configured from its text form {@code id[:name=value,...]}; unset
   * parameters keep their defaults. Errors name {@code subject}.
   */
  static <T> T parse(Family<? extends Parameterised<?, ? extends T>> family, String text, String subject) {
    Map.Entry<String, Map<String, String>> e = ParameterRecords.parseText(text, subject);
    Parameterised<?, ? extends T> d = family.get(e.getKey(), subject);
    try {
      return d.create(e.getValue());
    } catch (SpectrolensException ex) {
      throw new SpectrolensException(subject, ex.getMessage());
    }
  }

  /**
   * The {@code --list} lines of a family: {@code id  description[ suffix]}, then one indented line
   * per parameter with its choices and default ({@code prefix} before each name, e.g. {@code "median."}).
   */
  static <M extends Parameterised<?, ?>> List<String> describe(Family<M> family, Function<M, String> suffix, Function<M, String> prefix) {
    List<String> out = new ArrayList<>();
    for (M m : family.all()) {
      out.add(m.id() + "  " + m.description() + suffix.apply(m));
      Map<String, Object> v = ParameterRecords.values(m.defaults());
      for (ParameterRecords.Parameter p : m.parameters()) {
        String choices = p.choices().isEmpty() ? "" : " {" + String.join(", ", p.choices()) + "}";
        out.add("    " + prefix.apply(m) + p.name() + choices + "  " + p.description() + " (default " + v.get(p.name()) + ")");
      }
    }
    return out;
  }

  /** {@code `name` value: description} for each parameter of {@code values} (a docs table cell). */
  static String parameterCell(Parameterised<?, ?> m, Record values) {
    Map<String, Object> v = ParameterRecords.values(values);
    List<String> ps = new ArrayList<>();
    for (ParameterRecords.Parameter p : m.parameters()) ps.add("`" + p.name() + "` " + v.get(p.name()) + ": " + p.description());
    return String.join("; ", ps);
  }
}

package org.spectrolens.params;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import org.spectrolens.SpectrolensException;

/**
 * The range check of {@link Param}, the one range mechanism: a configuration record checks its
 * annotated components with {@link #check(Record)} (errors name the component in snake_case,
 * {@code n_fft: must lie in [2, 65536], found 0}), and the CLI shows the same ranges in its help
 * and checks its own options with {@link #problem}.
 */
public final class Params {
  private Params() {}

  /**
   * Checks every numeric component of {@code record} that carries a {@link Param} against its
   * range, in declaration order; NaN counts as "not set" and passes (a record that forbids it says
   * so in its own check).
   *
   * @return {@code record}
   * @throws SpectrolensException {@link SpectrolensException#ofParameter naming} the first component out of range
   */
  public static <R extends Record> R check(R record) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      Param p = c.getAnnotation(Param.class);
      if (p == null) continue;
      Object v;
      try {
        var accessor = c.getAccessor();
        accessor.setAccessible(true); // a member's record may be private to its package
        v = accessor.invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName(), e);
      }
      if (v instanceof Number n) {
        String problem = problem(n.doubleValue(), p);
        if (problem != null) throw SpectrolensException.ofParameter(snake(c.getName()), problem);
      }
    }
    return record;
  }

  /**
   * Checks one value against the range of parameter {@code name} of {@code type} (a record
   * component, or a field of a class whose constructor takes it): for a constructor, where the
   * object cannot be read yet.
   *
   * @throws SpectrolensException naming the parameter in snake_case
   */
  public static void check(Class<?> type, String name, double value) {
    Param p = of(type, name);
    String problem = p == null ? null : problem(value, p);
    if (problem != null) throw SpectrolensException.ofParameter(snake(name), problem);
  }

  /** The {@link Param} of record component or field {@code name} of {@code type}, or null if it has none. */
  public static Param of(Class<?> type, String name) {
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (c.getName().equals(name)) return c.getAnnotation(Param.class);
      }
    }
    try {
      return type.getDeclaredField(name).getAnnotation(Param.class);
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no parameter " + name, e);
    }
  }

  /** The {@link Param} of the component or field of {@code type} whose snake_case name is {@code parameter}, or null. */
  public static Param named(Class<?> type, String parameter) {
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (snake(c.getName()).equals(parameter) && c.getAnnotation(Param.class) != null) return c.getAnnotation(Param.class);
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (snake(f.getName()).equals(parameter) && f.getAnnotation(Param.class) != null) return f.getAnnotation(Param.class);
    }
    return null;
  }

  /** What is wrong with {@code v} under {@code p}'s range ("must lie in [1, 1024], found 0"), or null if nothing. */
  public static String problem(double v, Param p) {
    if (Double.isNaN(v) || (p.orZero() && v == 0)) return null;
    boolean ok = (p.minOpen() ? v > p.min() : v >= p.min()) && (p.maxOpen() ? v < p.max() : v <= p.max());
    return ok ? null : (p.orZero() ? "must be 0 or lie in " : "must lie in ") + interval(p) + ", found " + number(v);
  }

  /** For help texts: "[1, 65536]", "(0, inf)", "0 or [1000, 768000]". */
  public static String describe(Param p) {
    return p.orZero() ? "0 or " + interval(p) : interval(p);
  }

  /** Whether {@code p} limits its values at all (a description alone does not). */
  public static boolean limits(Param p) {
    return p.min() != Double.NEGATIVE_INFINITY || p.max() != Double.POSITIVE_INFINITY;
  }

  private static String interval(Param p) {
    boolean openMin = p.minOpen() || Double.isInfinite(p.min());
    boolean openMax = p.maxOpen() || Double.isInfinite(p.max());
    return (openMin ? "(" : "[") + number(p.min()) + ", " + number(p.max()) + (openMax ? ")" : "]");
  }

  /** A bound or value as the messages write it: whole numbers without a fraction, "inf". */
  public static String number(double v) {
    if (v == Double.POSITIVE_INFINITY) return "inf";
    if (v == Double.NEGATIVE_INFINITY) return "-inf";
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return Double.toString(v);
  }

  /** A component's name as the library's messages and files write it: {@code nFft} is {@code n_fft}. */
  public static String snake(String camel) {
    StringBuilder b = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) b.append('_').append(Character.toLowerCase(ch));
      else b.append(ch);
    }
    return b.toString();
  }
}

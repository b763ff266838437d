package org.spectrolens.segment;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;

/**
 * Reads a segmenter's parameter record generically: its parameters (name, type, description,
 * range), its values by name, and a copy with values set from text. Components are int, double or
 * boolean, each annotated with {@link Setting}; names are the components' names in kebab case.
 */
public final class Settings {
  private Settings() {}

  /** One parameter: name (kebab case), type ("int", "double" or "boolean"), description, range. */
  public record Parameter(String name, String type, String description, double min, double max) {}

  /** The parameters of a record type, in declaration order. */
  public static List<Parameter> of(Class<? extends Record> type) {
    List<Parameter> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      Setting s = c.getAnnotation(Setting.class);
      out.add(new Parameter(kebab(c.getName()), c.getType().getSimpleName(), s == null ? "" : s.value(),
          s == null ? Double.NEGATIVE_INFINITY : s.min(), s == null ? Double.POSITIVE_INFINITY : s.max()));
    }
    return out;
  }

  /** The values of a parameter record by name. */
  public static Map<String, Object> values(Record params) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : params.getClass().getRecordComponents()) out.put(kebab(c.getName()), get(c, params));
    return out;
  }

  /**
   * A copy of {@code base} with the named values set from text; unknown names, unparsable values
   * and values out of range are one-line errors naming {@code subject} (e.g. {@code --param}).
   */
  @SuppressWarnings("unchecked")
  public static <P extends Record> P with(P base, Map<String, String> set, String subject) {
    if (set.isEmpty()) return base;
    RecordComponent[] cs = base.getClass().getRecordComponents();
    Object[] args = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    Map<String, String> left = new LinkedHashMap<>(set);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cs.length; i++) {
      types[i] = cs[i].getType();
      String name = kebab(cs[i].getName());
      names.add(name);
      String text = left.remove(name);
      args[i] = text == null ? get(cs[i], base) : parse(cs[i], text, subject + ": " + name);
    }
    if (!left.isEmpty()) {
      throw new SpectrolensException(subject, "unknown parameter '" + left.keySet().iterator().next() + "'"
          + (names.isEmpty() ? "; this method takes none" : "; expected one of " + String.join(", ", names)));
    }
    try {
      Constructor<?> ctor = base.getClass().getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return (P) ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + base.getClass().getName(), e);
    }
  }

  static String kebab(String camel) {
    StringBuilder b = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) b.append('-').append(Character.toLowerCase(ch));
      else b.append(ch);
    }
    return b.toString();
  }

  private static Object get(RecordComponent c, Record r) {
    try {
      var m = c.getAccessor();
      m.setAccessible(true);
      return m.invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object parse(RecordComponent c, String text, String subject) {
    Class<?> t = c.getType();
    if (t == boolean.class) {
      if (text.equals("true") || text.equals("false")) return Boolean.parseBoolean(text);
      throw new SpectrolensException(subject, "expected true or false, found '" + text + "'");
    }
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new SpectrolensException(subject, "expected a number, found '" + text + "'");
    }
    if (!Double.isFinite(v)) throw new SpectrolensException(subject, "must be a finite number, found '" + text + "'");
    Setting s = c.getAnnotation(Setting.class);
    if (s != null && (v < s.min() || v > s.max())) {
      throw new SpectrolensException(subject, "must lie in [" + number(s.min()) + ", " + number(s.max()) + "], found " + text);
    }
    if (t == int.class) {
      if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw new SpectrolensException(subject, "expected a whole number, found '" + text + "'");
      return (int) v;
    }
    return v;
  }

  static String number(double d) {
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}

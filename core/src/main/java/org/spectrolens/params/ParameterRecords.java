package org.spectrolens.params;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectrolens.SpectrolensException;

/**
 * Reads parameter records generically: an operation's parameters are an immutable record whose
 * components carry {@link Param}, so adding a parameter is adding a component. This gives their
 * names, types and ranges, their values by name (what is recorded beside every output), a copy with
 * values set from text (what the command line gives) and the text form {@code id:name=value,...}.
 * Supported component types: int, long, float, double, boolean and enums (whose ids are their
 * names in lower kebab case: {@code BAYES_SHRINK} is {@code bayes-shrink}).
 */
public final class ParameterRecords {
  private ParameterRecords() {}

  /** One parameter: name (kebab case), type, description, the choices of an enum, the allowed range. */
  public record Parameter(String name, String type, String description, List<String> choices, double min, double max) {}

  /** The record of an operation that takes no parameters. */
  public record None() {}

  /** The parameters of a record type, in declaration order. */
  public static List<Parameter> of(Class<? extends Record> type) {
    List<Parameter> out = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      Param p = c.getAnnotation(Param.class);
      List<String> choices = new ArrayList<>();
      if (c.getType().isEnum()) for (Object e : c.getType().getEnumConstants()) choices.add(id((Enum<?>) e));
      out.add(new Parameter(kebab(c.getName()), c.getType().isEnum() ? "choice" : c.getType().getSimpleName(),
          p == null ? "" : p.value(), choices, p == null ? Double.NEGATIVE_INFINITY : p.min(),
          p == null ? Double.POSITIVE_INFINITY : p.max()));
    }
    return out;
  }

  /** The values of a parameter record by name; enums by id. */
  public static Map<String, Object> values(Record params) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : params.getClass().getRecordComponents()) {
      Object v = get(c, params);
      out.put(kebab(c.getName()), v instanceof Enum<?> e ? id(e) : v);
    }
    return out;
  }

  /** {@code id} alone, or {@code id:name=value,...} with every parameter (the canonical text form). */
  public static String text(String id, Record params) {
    Map<String, Object> v = values(params);
    if (v.isEmpty()) return id;
    List<String> kv = new ArrayList<>();
    v.forEach((k, x) -> kv.add(k + "=" + x));
    return id + ":" + String.join(",", kv);
  }

  /**
   * Splits {@code id[:name=value,...]} into the id and the values by name.
   *
   * @param subject the option or file named in errors
   */
  public static Map.Entry<String, Map<String, String>> parseText(String text, String subject) {
    int colon = text.indexOf(':');
    String id = (colon < 0 ? text : text.substring(0, colon)).trim();
    if (id.isEmpty()) throw new SpectrolensException(subject, "expected NAME[:key=value,...], found '" + text + "'");
    Map<String, String> set = new LinkedHashMap<>();
    if (colon >= 0) {
      for (String kv : text.substring(colon + 1).split(",", -1)) {
        int eq = kv.indexOf('=');
        if (eq <= 0 || eq == kv.length() - 1) {
          throw new SpectrolensException(subject, "expected key=value in '" + text + "', found '" + kv + "'");
        }
        String key = kv.substring(0, eq).trim();
        if (set.put(key, kv.substring(eq + 1).trim()) != null) {
          throw new SpectrolensException(subject, "'" + key + "' given twice in '" + text + "'");
        }
      }
    }
    return Map.entry(id, set);
  }

  /**
   * Parameters of several members from texts {@code ID.NAME=VALUE} ({@code smoothgrad.samples=50},
   * {@code road_morf_auc.noise=0.02}), by member id, then by name, in the order given. The member
   * id is what lies before the last '.' ahead of the '='; checking that it names a member is the
   * caller's.
   *
   * @param form how the texts are described in errors ({@code METHOD.NAME=VALUE})
   * @param subject the parameter or file named in errors
   */
  public static Map<String, Map<String, String>> parseMemberValues(List<String> texts, String form, String subject) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String p : texts) {
      int eq = p.indexOf('=');
      int dot = eq < 0 ? -1 : p.lastIndexOf('.', eq);
      if (eq < 0 || dot <= 0 || dot == eq - 1) throw new SpectrolensException(subject, "expected " + form + ", got '" + p + "'");
      out.computeIfAbsent(p.substring(0, dot), k -> new LinkedHashMap<>()).put(p.substring(dot + 1, eq), p.substring(eq + 1));
    }
    return out;
  }

  /**
   * A copy of {@code base} with the named values set from text. Unknown names, unparsable values
   * and values outside a parameter's range are errors naming {@code subject}.
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
      args[i] = text == null ? get(cs[i], base) : parse(cs[i], text, subject + "." + name);
    }
    if (!left.isEmpty()) {
      String unknown = left.keySet().iterator().next();
      throw new SpectrolensException(subject, "has no parameter '" + unknown + "'"
          + (names.isEmpty() ? "; it takes none" : "; its parameters: " + String.join(", ", names)));
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

  /** An enum constant's id: its name in lower kebab case. */
  public static String id(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The enum constant with this id, or an error naming {@code subject} and the choices. */
  public static <E extends Enum<E>> E choice(Class<E> type, String id, String subject) {
    List<String> ids = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      if (id(e).equals(id)) return e;
      ids.add(id(e));
    }
    throw new SpectrolensException(subject, "unknown value '" + id + "'; expected one of " + String.join(", ", ids));
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object parse(RecordComponent c, String text, String subject) {
    Class<?> t = c.getType();
    if (t.isEnum()) return choice((Class) t, text, subject);
    if (t == boolean.class) {
      if (text.equals("true") || text.equals("false")) return Boolean.parseBoolean(text);
      throw new SpectrolensException(subject, "expected true or false, got '" + text + "'");
    }
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new SpectrolensException(subject, "expected a number, got '" + text + "'");
    }
    if (!Double.isFinite(v)) throw new SpectrolensException(subject, "must be a finite number, got '" + text + "'");
    Param p = c.getAnnotation(Param.class);
    String problem = p == null ? null : Params.problem(v, p); // the one range check and message form
    if (problem != null) throw new SpectrolensException(subject, problem);
    if (t == int.class || t == long.class) {
      if (v != Math.rint(v)) throw new SpectrolensException(subject, "expected a whole number, got '" + text + "'");
      if (t == int.class) {
        if (Math.abs(v) > Integer.MAX_VALUE) throw new SpectrolensException(subject, "too large: " + text);
        return (int) v;
      }
      return (long) v;
    }
    if (t == float.class) return (float) v;
    return v;
  }
}

package org.spectrolens.judge.result;

import java.util.Map;

/** Reading helpers for the flat JSON objects whose keys are open (metric ids, settings). */
final class Flat {
  private Flat() {}

  /** A number, or NaN for absent, null, "NaN" (how Jackson writes NaN) or anything not a number. */
  static double number(Object v) {
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s); // "NaN", "Infinity" as Jackson writes them
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Whether {@code v} is a score: a number or a non-finite number written as text. */
  static boolean isScore(Object v) {
    return v instanceof Number || v instanceof String s && (s.equals("NaN") || s.endsWith("Infinity"));
  }

  static Integer integer(Map<String, Object> m, String key) {
    return m.get(key) instanceof Number n ? n.intValue() : null;
  }

  static Long whole(Map<String, Object> m, String key) {
    return m.get(key) instanceof Number n ? n.longValue() : null;
  }

  static String text(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString();
  }
}

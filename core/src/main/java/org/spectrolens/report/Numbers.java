package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Formatting numbers for prose and tables, and reading JSON fields that may be absent. */
final class Numbers {
  private Numbers() {}

  /** Three significant decimals ("0.213"), a percentage where asked, "n/a" for absent or NaN. */
  static String fmt(double v) {
    if (Double.isNaN(v)) return "n/a";
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e6) return Long.toString((long) v);
    if (a != 0 && (a >= 1e5 || a < 1e-3)) return String.format(Locale.ROOT, "%.2e", v);
    if (a >= 100) return String.format(Locale.ROOT, "%.1f", v);
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** A number field, NaN when absent or not a number. */
  static double num(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
  }

  /** The fields of an object in order. */
  static List<Map.Entry<String, JsonNode>> fields(JsonNode n) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    if (n == null || !n.isObject()) return out;
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) out.add(it.next());
    return out;
  }

  /** The PNGs directly in {@code dir}, sorted by name. */
  static List<Path> pngs(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}

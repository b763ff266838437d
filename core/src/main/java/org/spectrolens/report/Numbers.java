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

  /**
   * The scalar leaves of a JSON tree as rows (path, value), depth first, at most {@code max}
   * rows: a result whose layout the report does not know is still shown whole.
   */
  static List<List<String>> leaves(JsonNode n, String path, int max, List<List<String>> out) {
    if (out.size() >= max) return out;
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : fields(n)) leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), max, out);
    } else if (n.isArray()) {
      if (n.size() > 0 && n.get(0).isValueNode()) {
        List<String> vs = new ArrayList<>();
        for (JsonNode v : n) vs.add(v.isNumber() ? fmt(v.asDouble()) : v.asText());
        // a long list (the Hz of every row) is summarised by its length and ends
        out.add(List.of(path, vs.size() <= 12 ? String.join(", ", vs) : vs.size() + " values, " + vs.get(0) + " ... " + vs.get(vs.size() - 1)));
      } else {
        for (int i = 0; i < n.size() && out.size() < max; i++) leaves(n.get(i), path + "[" + i + "]", max, out);
      }
    } else if (!n.isNull()) {
      out.add(List.of(path, n.isNumber() ? fmt(n.asDouble()) : n.asText()));
    }
    return out;
  }
}

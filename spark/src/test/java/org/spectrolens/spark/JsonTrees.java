package org.spectrolens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/** Result files compared field by field: numbers within a tolerance, times (which differ between any two runs) skipped. */
final class JsonTrees {
  private JsonTrees() {}

  /** Fields that measure the run rather than the result. */
  static final Set<String> TIMES = Set.of("seconds", "speed", "forward_passes_per_second", "threads", "metric_seconds", "total_seconds");

  static void assertClose(JsonNode a, JsonNode b, double tolerance) {
    assertClose(a, b, tolerance, "$");
  }

  private static void assertClose(JsonNode a, JsonNode b, double tolerance, String path) {
    if (a.isNumber() && b.isNumber()) {
      assertEquals(a.asDouble(), b.asDouble(), tolerance, path);
      return;
    }
    assertEquals(a.getNodeType(), b.getNodeType(), path);
    if (a.isObject()) {
      assertEquals(a.size(), b.size(), path + ": fields");
      for (Iterator<String> it = a.fieldNames(); it.hasNext();) {
        String f = it.next();
        if (TIMES.contains(f)) continue;
        assertTrue(b.has(f), path + "." + f);
        assertClose(a.get(f), b.get(f), tolerance, path + "." + f);
      }
    } else if (a.isArray()) {
      assertEquals(a.size(), b.size(), path + ": length");
      for (int i = 0; i < a.size(); i++) assertClose(a.get(i), b.get(i), tolerance, path + "[" + i + "]");
    } else {
      assertEquals(a, b, path);
    }
  }
}

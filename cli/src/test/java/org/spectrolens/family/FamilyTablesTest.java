package org.spectrolens.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrolens.dataset.channels.InputChannels;
import org.spectrolens.decompose.Decompositions;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.features.Features;
import org.spectrolens.filter.Filters;
import org.spectrolens.judge.metric.MetricRegistry;
import org.spectrolens.nn.hybrid.Classifiers;
import org.spectrolens.segment.Segmenters;

/**
 * Every family's table in {@code docs/} is the one its definitions generate, between
 * {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->}. Run with
 * {@code -Dspectrolens.regenerate=true} to rewrite them after adding a member.
 */
class FamilyTablesTest {
  /** Docs file and marker name to the table the code generates. */
  static Map<String, String> tables() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("docs/explain.md#methods", Explainers.markdownTable());
    t.put("docs/judging.md#metrics", MetricRegistry.markdownTable());
    t.put("docs/filters.md#filters", Filters.markdownTable());
    t.put("docs/segmentation.md#segmenters", Segmenters.markdownTable());
    t.put("docs/features.md#features", Features.family().markdownTable());
    t.put("docs/channels.md#channels", InputChannels.family().markdownTable());
    t.put("docs/hybrid.md#classifiers", Classifiers.markdownTable());
    t.put("docs/decompose.md#decompositions", Decompositions.family().markdownTable());
    return t;
  }

  static Path root() {
    Path d = Path.of("").toAbsolutePath();
    while (d != null && !Files.isDirectory(d.resolve("docs"))) d = d.getParent();
    return d;
  }

  @Test
  void everyFamilysDocsTableIsTheCodes() throws Exception {
    Path root = root();
    assertTrue(root != null, "docs/ not found above " + Path.of("").toAbsolutePath());
    boolean regenerate = Boolean.getBoolean("spectrolens.regenerate");
    for (Map.Entry<String, String> e : tables().entrySet()) {
      String[] fileAndName = e.getKey().split("#");
      Path doc = root.resolve(fileAndName[0]);
      String text = Files.readString(doc);
      String begin = "<!-- " + fileAndName[1] + ":begin -->\n";
      String end = "<!-- " + fileAndName[1] + ":end -->";
      int a = text.indexOf(begin);
      int b = text.indexOf(end);
      assertTrue(a >= 0 && b > a, fileAndName[0] + " has no " + begin.trim() + " ... " + end + " block");
      if (regenerate) {
        Files.writeString(doc, text.substring(0, a + begin.length()) + e.getValue() + text.substring(b));
      } else {
        assertEquals(e.getValue(), text.substring(a + begin.length(), b),
            "regenerate " + e.getKey() + " (mvn -pl cli test -Dtest=FamilyTablesTest -Dspectrolens.regenerate=true)");
      }
    }
  }
}

package org.spectrolens.judge;

import org.spectrolens.judge.metric.MetricRegistry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.MapAxes;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.TimeAxis;

/** The registry (ids, metadata, help) and the removal units, with their one-line errors. */
class RegistryAndUnitsTest {
  @Test
  void everyMetricHasAUniqueIdMetadataAndAHelpLine() {
    List<String> ids = MetricRegistry.ids();
    assertEquals(ids.size(), new HashSet<>(ids).size());
    String help = MetricRegistry.help();
    for (String id : ids) {
      Metric m = MetricRegistry.of(id);
      assertEquals(id, m.id());
      assertTrue(help.contains(id + " "), id);
      assertTrue(!m.summary().isBlank());
    }
    assertEquals(List.of("relevance_mass", "relevance_rank", "pointing_game", "pointing_game_any", "max_tied_cells"), MetricRegistry.ids(Metric.Category.LOCALISATION));
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> MetricRegistry.of("accuracy"));
    assertTrue(e.getMessage().startsWith("metrics: unknown metric 'accuracy'"), e.getMessage());
    assertThrows(SpectrolensException.class, () -> MetricRegistry.mapMetrics(List.of("cascading")));
  }

  @Test
  void gridsBandsFramesAndHzByMsCells() {
    RemovalUnits g = RemovalUnits.parse("2x3", "cell", null, 4, 6);
    assertEquals(6, g.count());
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 3, 3, 4, 4, 5, 5}, g.unitOf());
    RemovalUnits b = RemovalUnits.parse("2x3", "band", null, 4, 6);
    assertEquals(2, b.count());
    assertEquals(1, b.unitOf()[3 * 6 + 5]);
    RemovalUnits f = RemovalUnits.parse("2x3", "frame", null, 4, 6);
    assertEquals(3, f.count());
    assertEquals(2, f.unitOf()[3 * 6 + 5]);
    assertEquals(24, RemovalUnits.parse("full", "cell", null, 4, 6).count());
    // rows at 0, 100, 200, 300 Hz; columns every 10 ms: 250 Hz x 20 ms -> 2 bands x 3 spans
    MapAxes axes = new MapAxes(FrequencyAxis.of(FrequencyScale.LINEAR, 0, 100, 4), TimeAxis.of(0, 0.01, 6));
    RemovalUnits hz = RemovalUnits.parse("250Hzx20ms", "cell", axes, 4, 6);
    assertEquals(6, hz.count());
    assertEquals(0, hz.unitOf()[2 * 6 + 1]); // 200 Hz, 10 ms
    assertEquals(5, hz.unitOf()[3 * 6 + 5]); // 300 Hz, 50 ms
    assertEquals(2, RemovalUnits.parse("250Hzx20ms", "band", axes, 4, 6).count());
  }

  @Test
  void badGridsAndStepsAreOneLineErrors() {
    SpectrolensException big = assertThrows(SpectrolensException.class, () -> RemovalUnits.parse("64x64", "cell", null, 32, 32));
    assertEquals("grid: 64x64 is larger than the input (32x32)", big.getMessage());
    assertThrows(SpectrolensException.class, () -> RemovalUnits.parse("4xq", "cell", null, 32, 32));
    assertThrows(SpectrolensException.class, () -> RemovalUnits.parse("4x4", "square", null, 32, 32));
    RemovalUnits u = RemovalUnits.full(4, 4);
    assertEquals("step: must be in (0, 1], got 0.0", assertThrows(SpectrolensException.class, () -> Judging.defaults(u).withStep(0)).getMessage());
    assertThrows(SpectrolensException.class, () -> Judging.defaults(u).withStep(1.5));
    assertEquals(2, Judging.defaults(u).withStep(1).fractions().length);
    assertEquals(101, Judging.defaults(u).fractions().length);
  }
}

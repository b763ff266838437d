package org.spectrolens.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.explain.result.ExplainResult;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.GridAxes;
import org.spectrolens.spectrogram.TimeAxis;

/** The report says a column's duration per item when segments were resized in time (issue 25), not one fixed ms. */
class StretchedExplainSectionTest {
  @TempDir Path dir;

  private String text(double[] columnSeconds) throws Exception {
    Map<String, ExplainResult.MethodFiles> methods = Map.of("saliency",
        new ExplainResult.MethodFiles("saliency.npy", "saliency.raw.npy", new int[] {16, 64}, null, Map.of(), 1.0));
    Path d = dir.resolve(columnSeconds == null ? "fixed" : "stretched");
    ExplainResult.of(new ExplainResult.Run("m", "ds", "test", null, new int[] {1, 16, 64}, null, "conv3"), 2, List.of("i", "u"),
        GridAxes.of(FrequencyAxis.linear(8000, 30), TimeAxis.of(0, 0.0006, 64)), methods, 1, 1, columnSeconds).write(d);
    Section s = new ExplainSection().read(d, "x", Json.MAPPER.readTree(d.resolve(ExplainResult.FILE).toFile()));
    StringBuilder b = new StringBuilder();
    for (Block block : s.blocks()) {
      if (block instanceof Block.Text t) b.append(t.text()).append('\n');
      if (block instanceof Block.Table t) b.append(t.rows()).append('\n');
    }
    return b.toString();
  }

  @Test
  void resizedSegmentsGiveARangeOfColumnDurations() throws Exception {
    String stretched = text(new double[] {0.0005, 0.0059});
    assertTrue(stretched.contains("so a column is not a fixed duration: it spans 0.5 to 5.9 ms depending on the item"), stretched);
    assertTrue(stretched.contains("x 0.5-5.9 ms"), stretched);
    String fixed = text(null);
    assertFalse(fixed.contains("not a fixed duration"), fixed);
    assertTrue(fixed.contains("x 0.6 ms"), fixed);
  }
}

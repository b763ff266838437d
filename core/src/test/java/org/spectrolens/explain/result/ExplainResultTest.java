package org.spectrolens.explain.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.GridAxes;
import org.spectrolens.spectrogram.TimeAxis;

/** explain.json written from its record: the keys and order the map-built file had, and the axes read back. */
class ExplainResultTest {
  @TempDir Path dir;

  @Test
  void aDatasetRunHasNoInputsAndAFileRunNoDataOrSplit() throws Exception {
    FrequencyAxis rows = FrequencyAxis.linear(16000, 30); // 16 rows, 533.3 Hz apart
    GridAxes axes = GridAxes.of(rows, TimeAxis.of(0, 0.01, 8));
    Map<String, ExplainResult.MethodFiles> methods = Map.of("gradcam",
        new ExplainResult.MethodFiles("gradcam.npy", "gradcam.raw.npy", new int[] {2, 2}, "conv4", Map.of("relu", true), 0.5).plusSeconds(0.25));
    ExplainResult data = ExplainResult.of(new ExplainResult.Run("m", "ds", "test", null, new int[] {1, 16, 8}, null, "conv4"), 3,
        List.of("a", "b"), axes, methods, 1.5, 2.0);
    data.write(dir);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("frequency_scale", "linear");
    a.put("frequencies_hz", rows.hz());
    a.put("time_step", 0.01);
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("file", "gradcam.npy");
    g.put("raw_file", "gradcam.raw.npy");
    g.put("raw_shape", new int[] {2, 2});
    g.put("layer", "conv4");
    g.put("options", Map.of("relu", true));
    g.put("seconds", 0.75);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("model", "m");
    expected.put("data", "ds");
    expected.put("split", "test");
    expected.put("input_shape", new int[] {1, 16, 8});
    expected.put("target", null);
    expected.put("layer", "conv4");
    expected.put("count", 3);
    expected.put("classes", List.of("a", "b"));
    expected.put("axes", a);
    expected.put("methods", Map.of("gradcam", g));
    expected.put("seconds", 1.5);
    expected.put("inputs_per_second", 2.0);
    assertEquals(Json.toString(expected) + "\n", Files.readString(dir.resolve(ExplainResult.FILE)));

    ExplainResult back = ExplainResult.read(dir.resolve(ExplainResult.FILE));
    assertArrayEquals(rows.hz(), back.axes().frequencyAxis().hz(), 1e-9);
    assertEquals(0.01, back.axes().timeAxis(2.0, 8).step());
    assertEquals(2.0, back.axes().timeAxis(2.0, 8).start());
    assertEquals(0.75, back.methods().get("gradcam").seconds());

    ExplainResult files = ExplainResult.of(new ExplainResult.Run("m", null, null, List.of("x.npy"), new int[] {1, 16, 8}, "b", "conv4"), 1,
        List.of("a", "b"), new GridAxes("linear", rows.hz(), null), methods, 1, 1);
    files.write(dir.resolve("files"));
    String text = Files.readString(dir.resolve("files").resolve(ExplainResult.FILE));
    assertEquals(-1, text.indexOf("\"data\""), text);
    assertEquals(-1, text.indexOf("\"split\""), text);
    assertEquals(true, text.contains("\"time_step\" : null"), text);
    assertNull(ExplainResult.read(dir.resolve("files").resolve(ExplainResult.FILE)).axes().timeAxis(0, 8));

    // a folder written before the axes had one shape called the row centres row_hz
    Path old = dir.resolve("old.json");
    Files.writeString(old, Files.readString(dir.resolve(ExplainResult.FILE)).replace("\"frequencies_hz\"", "\"row_hz\""));
    assertArrayEquals(rows.hz(), ExplainResult.read(old).axes().rowHz(), 0);
  }
}

package org.spectrolens.decompose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.io.Json;

/** decomposition.json: the method's figures flat between the shape and the spec, and read back apart. */
class DecompositionResultTest {
  @TempDir Path dir;

  @Test
  void figuresAreWrittenFlatAndTheSpecOnlyWhenKnown() throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("reconstruction_error", 0.5);
    figures.put("iterations", 200);
    new DecompositionResult("a.wav", "nmf", 3, 64, 100, figures, null).write(dir);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("input", "a.wav");
    expected.put("method", "nmf");
    expected.put("components", 3);
    expected.put("rows", 64);
    expected.put("columns", 100);
    expected.putAll(figures);
    assertEquals(Json.toString(expected) + "\n", Files.readString(dir.resolve(DecompositionResult.FILE)));
    DecompositionResult back = DecompositionResult.read(dir.resolve(DecompositionResult.FILE));
    assertEquals(figures, back.figures());
    assertNull(back.spec());
    assertEquals(100, back.columns());

    new DecompositionResult("a.wav", "pca", 2, 64, 100, Map.of(), Map.of("kind", "mel")).write(dir.resolve("pca"));
    DecompositionResult pca = DecompositionResult.read(dir.resolve("pca").resolve(DecompositionResult.FILE));
    assertEquals(Map.of("kind", "mel"), pca.spec());
    assertEquals(Map.of(), pca.figures());
  }
}

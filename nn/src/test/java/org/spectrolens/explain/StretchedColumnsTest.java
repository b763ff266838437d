package org.spectrolens.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.explain.result.ExplainResult;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.GridAxes;
import org.spectrolens.spectrogram.TimeAxis;

/** Segments resized in time keep each item's own seconds per column (issue 25: a 30 ms token is not 64 columns of 3.8 ms). */
class StretchedColumnsTest {
  @TempDir Path dir;

  @Test
  void eachItemsAxisTakesItsOwnSecondsPerColumn() throws Exception {
    ExplainResult.of(new ExplainResult.Run("m", "ds", "test", null, new int[] {1, 16, 64}, null, "conv3"), 2, List.of("i", "u"),
        GridAxes.of(FrequencyAxis.linear(8000, 30), TimeAxis.of(0, 0.0006, 64)), Map.of(), 1, 1, new double[] {0.0006, 0.0059})
        .write(dir);
    Files.writeString(dir.resolve("items.csv"), "row,id,source,start,end,label,predicted,target,probability,time_start,time_step\n"
        + "0,short,a.wav,0.1,0.13,i,i,i,0.9,0.1,0.0006\n1,long,a.wav,0.5,0.88,u,u,u,0.8,0.5,0.0059\n");
    assertEquals(0.0006, MapStack.axes(dir, 0, 64).times().step(), 1e-12);
    assertEquals(0.0059, MapStack.axes(dir, 1, 64).times().step(), 1e-12, "not the first item's step");
    assertEquals(0.5, MapStack.axes(dir, 1, 64).times().start(), 1e-12);
    ExplainResult back = ExplainResult.read(dir.resolve(ExplainResult.FILE));
    assertTrue(back.stretched());
    assertEquals(0.0059, back.columnSeconds()[1]);
    // a folder written before time_step was recorded reads as before: the axes' one step
    Files.writeString(dir.resolve("items.csv"), "row,id,source,start,end,label,predicted,target,probability,time_start\n"
        + "0,short,a.wav,0.1,0.13,i,i,i,0.9,0.1\n1,long,a.wav,0.5,0.88,u,u,u,0.8,0.5\n");
    assertEquals(0.0006, MapStack.axes(dir, 1, 64).times().step(), 1e-12);
    assertTrue(Double.isNaN(MapStack.readItems(dir).get(1).timeStep()));
    assertFalse(ExplainResult.of(new ExplainResult.Run("m", "ds", "test", null, new int[] {1, 16, 64}, null, "conv3"), 2, List.of("i"),
        null, Map.of(), 1, 1).stretched());
  }
}

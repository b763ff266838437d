package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectrolens.explain.result.ExplainResult;
import org.spectrolens.spectrogram.GridAxes;

/**
 * {@code explain.json} of {@code explain}: which maps were made, on which grid each method really
 * resolves (a CAM map has its layer's cells, upsampled to the input; an input-gradient map has the
 * input's), in Hz and ms per cell, and the time each method took; the figures of the first inputs.
 */
final class ExplainSection implements ResultReader {
  /** Input figures shown per explain folder (all are in the folder). */
  static final int FIGURES = 4;

  @Override
  public String file() {
    return ExplainResult.FILE;
  }

  @Override
  public Section read(Path dir, String label, JsonNode json) {
    ExplainResult j = Results.as(json, ExplainResult.class, dir.resolve(file()));
    List<Block> blocks = new ArrayList<>();
    int[] shape = j.inputShape();
    int h = shape != null && shape.length == 3 ? shape[1] : 0;
    int w = shape != null && shape.length == 3 ? shape[2] : 0;
    GridAxes axes = j.axes();
    // the band the input's rows span (row centres plus half a row at each end, linear axes)
    double bandHz = axes == null ? Double.NaN : axes.bandHz();
    double spanMs = 1000 * (axes == null || axes.timeStep() == null ? Double.NaN : axes.timeStep()) * w;
    boolean linear = axes == null || axes.linear();
    // segments resized in time to the fixed width: each item's columns span their own duration
    boolean stretched = j.stretched();
    double[] spanRangeMs = stretched ? new double[] {1000 * j.columnSeconds()[0] * w, 1000 * j.columnSeconds()[1] * w} : null;
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    for (Map.Entry<String, ExplainResult.MethodFiles> m : j.methods().entrySet()) {
      int[] raw = m.getValue().rawShape();
      int rh = raw != null && raw.length == 2 ? raw[0] : h;
      int rw = raw != null && raw.length == 2 ? raw[1] : w;
      String layer = m.getValue().layer() != null ? m.getValue().layer() : "input";
      String cell = rh > 0 && linear && !Double.isNaN(bandHz)
          ? (stretched ? String.format(Locale.ROOT, "%.0f Hz x %.1f-%.1f ms", bandHz / rh, spanRangeMs[0] / Math.max(1, rw),
              spanRangeMs[1] / Math.max(1, rw)) : String.format(Locale.ROOT, "%.0f Hz x %.1f ms", bandHz / rh, spanMs / Math.max(1, rw))) : "";
      double seconds = m.getValue().seconds();
      rows.add(List.of(m.getKey(), layer, rh + " x " + rw, cell, Numbers.fmt(seconds)));
      // in a fixed order (Map.of's order changes from one run to the next)
      Map<String, Object> mine = new LinkedHashMap<>();
      mine.put("layer", layer);
      mine.put("rows", rh);
      mine.put("columns", rw);
      mine.put("seconds", seconds);
      numbers.put(m.getKey(), mine);
    }
    blocks.add(new Block.Text(String.format(Locale.ROOT,
        "%d %s inputs of %d x %d cells (%s) explained for their predicted class. A map is no finer than the grid its method computes on:"
            + " the CAM family's layer, upsampled to the input, or the input itself for gradient methods. A formant band is a few hundred Hz"
            + " wide, so a map resolves formants only where its cells are narrower than that.",
        j.count(), j.split() == null ? "test" : j.split(), h, w,
        linear && !Double.isNaN(bandHz) ? (stretched ? String.format(Locale.ROOT, "%.0f Hz x %.0f-%.0f ms", bandHz, spanRangeMs[0],
            spanRangeMs[1]) : String.format(Locale.ROOT, "%.0f Hz x %.0f ms", bandHz, spanMs)) : "mel or log rows")));
    if (stretched) {
      blocks.add(new Block.Text(String.format(Locale.ROOT, "The segments were resized in time to %d columns, so a column is not a fixed"
          + " duration: it spans %.1f to %.1f ms depending on the item (each item's own in items.csv's time_step). Read the maps' time axis"
          + " as normalised time within the segment.", w, 1000 * j.columnSeconds()[0], 1000 * j.columnSeconds()[1])));
    }
    blocks.add(new Block.Table("What each map resolves", List.of("method", "computed at", "cells", "cell size", "seconds"), rows));
    Path figures = dir.resolve("figures");
    List<Path> pngs = new ArrayList<>(Numbers.pngs(dir));
    if (Files.isDirectory(figures)) {
      try (var s = Files.list(figures)) {
        s.sorted().limit(FIGURES).map(d -> d.resolve("methods.png")).filter(Files::isRegularFile).forEach(pngs::add);
      } catch (java.io.IOException e) {
        // figures are optional
      }
    }
    for (Path png : pngs) blocks.add(new Block.Figure(png, dir.relativize(png).toString()));
    return new Section("explain", "Explanation maps: " + label, dir.resolve(file()), blocks, numbers);
  }
}

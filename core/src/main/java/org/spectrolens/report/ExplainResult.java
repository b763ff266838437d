package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code explain.json} of {@code explain}: which maps were made, on which grid each method really
 * resolves (a CAM map has its layer's cells, upsampled to the input; an input-gradient map has the
 * input's), in Hz and ms per cell, and the time each method took; the figures of the first inputs.
 */
final class ExplainResult implements ResultReader {
  /** Input figures shown per explain folder (all are in the folder). */
  static final int FIGURES = 4;

  @Override
  public String file() {
    return "explain.json";
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    List<Block> blocks = new ArrayList<>();
    JsonNode shape = j.path("input_shape");
    int h = shape.size() == 3 ? shape.get(1).asInt() : 0;
    int w = shape.size() == 3 ? shape.get(2).asInt() : 0;
    JsonNode rowHz = j.path("axes").path("row_hz");
    // the band the input's rows span (row centres plus half a row at each end, linear axes)
    double bandHz = rowHz.size() > 1 ? (rowHz.get(rowHz.size() - 1).asDouble() - rowHz.get(0).asDouble()) * rowHz.size() / (rowHz.size() - 1) : Double.NaN;
    double spanMs = 1000 * j.path("axes").path("time_step").asDouble(Double.NaN) * w;
    boolean linear = j.path("axes").path("frequency_scale").asText("linear").equals("linear");
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> m : Numbers.fields(j.path("methods"))) {
      JsonNode raw = m.getValue().path("raw_shape");
      int rh = raw.size() == 2 ? raw.get(0).asInt() : h;
      int rw = raw.size() == 2 ? raw.get(1).asInt() : w;
      String layer = m.getValue().path("layer").isTextual() ? m.getValue().path("layer").asText() : "input";
      String cell = rh > 0 && linear && !Double.isNaN(bandHz)
          ? String.format(Locale.ROOT, "%.0f Hz x %.1f ms", bandHz / rh, spanMs / Math.max(1, rw)) : "";
      double seconds = Numbers.num(m.getValue(), "seconds");
      rows.add(List.of(m.getKey(), layer, rh + " x " + rw, cell, Numbers.fmt(seconds)));
      numbers.put(m.getKey(), Map.of("layer", layer, "rows", rh, "columns", rw, "seconds", seconds));
    }
    blocks.add(new Block.Text(String.format(Locale.ROOT,
        "%d %s inputs of %d x %d cells (%s) explained for their predicted class. A map is no finer than the grid its method computes on:"
            + " the CAM family's layer, upsampled to the input, or the input itself for gradient methods. A formant band is a few hundred Hz"
            + " wide, so a map resolves formants only where its cells are narrower than that.",
        j.path("count").asInt(), j.path("split").asText("test"), h, w,
        linear && !Double.isNaN(bandHz) ? String.format(Locale.ROOT, "%.0f Hz x %.0f ms", bandHz, spanMs) : "mel or log rows")));
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

package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The toolbox on explanation maps: {@code segment}, {@code filter} and {@code decompose} read
 * {@code explain}'s stacked maps on the Hz and seconds explain.json records (the dataset's
 * 0-4000 Hz rows), not on numbered cells.
 */
class MapToolboxTest {
  @TempDir Path dir;

  @Test
  void explanationMapsKeepTheirHertzThroughSegmentFilterAndDecompose() throws Exception {
    Path ds = dir.resolve("ds");
    TwoBandDataset.write(ds, s -> "s" + s + ".wav");
    Path model = dir.resolve("model");
    assertEquals(0, CliRun.of("train", "--data", ds.toString(), "--model", "smallcnn", "--out", model.toString(), "--epochs", "1",
        "--batch", "8", "--quiet", "--seed", "2").exit());
    Path ex = dir.resolve("explain");
    CliRun e = CliRun.of("explain", "--model", model.toString(), "--data", ds.toString(), "--per-class", "1", "--methods", "saliency",
        "--no-png", "--quiet", "--out", ex.toString());
    assertEquals(0, e.exit(), e.err());
    Path maps = ex.resolve("saliency.npy");

    CliRun seg = CliRun.of("segment", maps.toString(), "--item", "1", "--method", "threshold", "--out", dir.resolve("seg").toString());
    assertEquals(0, seg.exit(), seg.err());
    List<String> rows = Files.readAllLines(dir.resolve("seg/regions.csv"));
    assertTrue(rows.size() > 1, "regions found");
    double maxHz = 0;
    for (String row : rows.subList(1, rows.size())) maxHz = Math.max(maxHz, Double.parseDouble(row.split(",")[4]));
    // the rows span 0-4000 Hz; numbered cells would end at 15.5
    assertTrue(maxHz > 1000 && maxHz <= 4000 + 4000.0 / 15, "band edges in Hz: " + maxHz);

    CliRun filt = CliRun.of("filter", maps.toString(), "--filter", "gaussian", "--out", dir.resolve("filtered").toString());
    assertEquals(0, filt.exit(), filt.err());

    CliRun dec = CliRun.of("decompose", maps.toString(), "--item", "0", "--method", "pca", "--components", "2", "--out",
        dir.resolve("dec").toString());
    assertEquals(0, dec.exit(), dec.err());
    String templates = Files.readString(dir.resolve("dec/templates.csv"));
    assertTrue(templates.lines().skip(2).findFirst().orElse("").startsWith("266.6"), "templates over Hz: " + templates.lines().limit(3).toList());
  }
}

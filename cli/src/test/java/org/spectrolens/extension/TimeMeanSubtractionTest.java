package org.spectrolens.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.cli.CliRun;
import org.spectrolens.filter.FilterBase;
import org.spectrolens.filter.FilterDefinition;
import org.spectrolens.filter.Filters;
import org.spectrolens.io.Npy;
import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * A filter defined outside {@code org.spectrolens.filter} through the public API alone (one class:
 * cepstral-mean-style normalisation, each row minus a share of its mean over time), registered and
 * run end to end by the command line, listed by {@code filter --list}.
 */
class TimeMeanSubtractionTest {
  /** {@code y[r][c] = x[r][c] - share * mean_c x[r][c]}. */
  static final class TimeMeanSubtraction extends FilterBase<TimeMeanSubtraction.Params> {
    record Params(@Param(value = "share of each row's time mean to subtract", min = 0, max = 1) double share) {}

    static final FilterDefinition<Params> DEFINITION = new FilterDefinition<>("time-mean-subtraction",
        "each row minus a share of its mean over time (cepstral mean normalisation on a spectrogram)", "numpy: x - share * x.mean(axis=1)",
        new Params(1), TimeMeanSubtraction::new);

    TimeMeanSubtraction(Params p) {
      super(DEFINITION, p);
    }

    @Override
    public int[] footprint() {
      return new int[] {1, 1};
    }

    @Override
    public float[][] apply(float[][] values, SpectrogramSpec spec) {
      float[][] out = new float[values.length][];
      for (int r = 0; r < values.length; r++) {
        double mean = 0;
        for (float v : values[r]) mean += v;
        mean /= values[r].length;
        out[r] = new float[values[r].length];
        for (int c = 0; c < out[r].length; c++) out[r][c] = (float) (values[r][c] - p.share() * mean);
      }
      return out;
    }
  }

  @TempDir Path dir;

  @Test
  void registeredFilterRunsThroughTheCommandLine() throws Exception {
    Filters.register(TimeMeanSubtraction.DEFINITION);
    CliRun list = CliRun.of("filter", "--list");
    assertEquals(0, list.exit(), list.err());
    assertTrue(list.out().contains("time-mean-subtraction.share"), list.out());

    float[] data = new float[2 * 5 * 7];
    Random rnd = new Random(4);
    for (int i = 0; i < data.length; i++) data[i] = -50 + 20 * rnd.nextFloat();
    Path maps = dir.resolve("maps.npy");
    Npy.write(maps, new Npy.Array(new int[] {2, 5, 7}, data));
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("filter", maps.toString(), "--filter", "time-mean-subtraction:share=0.5", "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    Npy.Array y = Npy.read(out.resolve("maps.npy"));
    assertArrayEquals(new int[] {2, 5, 7}, y.shape());
    // computed here by the closed form, row by row of each map
    for (int m = 0; m < 2; m++) {
      for (int row = 0; row < 5; row++) {
        double mean = 0;
        for (int c = 0; c < 7; c++) mean += data[(m * 5 + row) * 7 + c];
        mean /= 7;
        for (int c = 0; c < 7; c++) {
          int at = (m * 5 + row) * 7 + c;
          assertEquals(data[at] - 0.5 * mean, y.data()[at], 1e-4, "map " + m + " cell " + row + "," + c);
        }
      }
    }
    // a value outside the declared range is one line naming the parameter
    CliRun bad = CliRun.of("filter", maps.toString(), "--filter", "time-mean-subtraction:share=2", "--out", dir.resolve("bad").toString());
    assertTrue(bad.exit() != 0);
    assertTrue(bad.err().contains("share"), bad.err());
  }
}

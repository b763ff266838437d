package org.spectrolens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.Metric;
import org.spectrolens.judge.MetricRegistry;
import org.spectrolens.judge.result.FaithfulnessResult;

/**
 * A metric defined outside the library and registered through its public API is computed by
 * {@code faithfulness}, written in {@code faithfulness.json} and shown in the report's table with
 * its own heading and direction, with no edit to the command, the result record or the report.
 */
class RegisteredMetricTest {
  @TempDir Path dir;

  /** The share of a map's total absolute value held by its largest cell (1 for a single peak). */
  static final class PeakShare implements MapMetric {
    @Override
    public String id() {
      return "peak_share";
    }

    @Override
    public Category category() {
      return Category.COMPLEXITY;
    }

    @Override
    public Direction direction() {
      return Direction.HIGHER;
    }

    @Override
    public Set<Need> needs() {
      return Set.of();
    }

    @Override
    public String summary() {
      return "Share of the map's total absolute value at its largest cell.";
    }

    @Override
    public String heading() {
      return "peak share";
    }

    @Override
    public double[] perSample(Judged j) {
      double[] out = new double[j.n()];
      for (int i = 0; i < out.length; i++) {
        double sum = 0;
        double max = 0;
        for (float v : j.map(i)) {
          sum += Math.abs(v);
          max = Math.max(max, Math.abs(v));
        }
        out[i] = sum == 0 ? Double.NaN : max / sum;
      }
      return out;
    }
  }

  /** One factory, so that registering it again (another test class in this JVM) is harmless. */
  static final Supplier<Metric> PEAK_SHARE = PeakShare::new;

  @Test
  void aRegisteredMetricIsWrittenAndReported() throws Exception {
    MetricRegistry.register(PEAK_SHARE);
    Path data = dir.resolve("ds");
    TwoBandDataset.write(data, s -> dir.resolve("s" + s + ".wav").toString());
    Path model = dir.resolve("model");
    CliRun t = CliRun.of("train", "--data", data.toString(), "--model", "smallcnn", "--out", model.toString(), "--epochs", "1", "--batch", "8",
        "--quiet", "--seed", "2");
    assertEquals(0, t.exit(), t.err());
    Path out = dir.resolve("results/faith");
    CliRun run = CliRun.of("faithfulness", "--model", model.toString(), "--data", data.toString(), "--methods", "saliency",
        "--metrics", "sparseness,peak_share", "--samples", "3", "--grid", "8x8", "--seed", "1", "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    FaithfulnessResult r = FaithfulnessResult.read(out.resolve(FaithfulnessResult.FILE));
    assertEquals(List.of("sparseness", "peak_share"), r.metricIds());
    double share = r.methods().get("saliency").score("peak_share");
    assertTrue(share > 0 && share <= 1, "peak share " + share);
    assertTrue(r.baselines().get("energy").score("peak_share") > 0, "the reference maps are scored too");

    Path html = dir.resolve("report.html");
    CliRun rep = CliRun.of("report", "--in", dir.resolve("results").toString(), "--out", html.toString());
    assertEquals(0, rep.exit(), rep.err());
    String page = Files.readString(html);
    assertTrue(page.contains("<th>peak share ↑</th>"), "the registry's heading and direction head the column");
    assertTrue(page.contains("<th>sparseness (Gini) ↑</th>"), "a built-in metric beside it");
    assertTrue(Files.readString(dir.resolve("report.json")).contains("\"peak_share\""), "its numbers in the report's JSON");
  }
}

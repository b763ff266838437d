package org.spectrolens.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.cli.CliRun;
import org.spectrolens.cli.TwoBandDataset;
import org.spectrolens.io.Json;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.MetricDefinition;
import org.spectrolens.judge.metric.MetricRegistry;
import org.spectrolens.params.Param;

/**
 * A metric with a parameter defined outside {@code org.spectrolens.judge} through the public API
 * alone (one class: the share of a map's relevance held by its top cells), registered and run end to
 * end: listed in {@code faithfulness --help}, computed by default, set from the command line,
 * reported in {@code faithfulness.json} and {@code items.csv} with its parameters, and shown in the report.
 */
class TopShareMetricTest {
  /** Per item: the share of the map's total relevance in its {@code fraction} most relevant cells. */
  static final class TopShare implements MapMetric {
    record Params(@Param(value = "share of the cells counted as the top", min = 0.01, max = 1) double fraction) {}

    static final MetricDefinition<Params> DEFINITION = MetricDefinition.of(new Params(0.1), TopShare::new);

    private final Params p;

    TopShare(Params p) {
      this.p = p;
    }

    @Override
    public String id() {
      return "top_share";
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
      return "Share of the map's relevance held by its top cells (a concentration measure).";
    }

    @Override
    public java.util.Map<String, Object> parameters() {
      return java.util.Map.of("fraction", p.fraction());
    }

    @Override
    public double[] perSample(Judged j) {
      double[] out = new double[j.n()];
      for (int i = 0; i < out.length; i++) out[i] = share(j.map(i), p.fraction());
      return out;
    }

    static double share(float[] map, double fraction) {
      float[] sorted = map.clone();
      Arrays.sort(sorted);
      int top = (int) Math.ceil(fraction * sorted.length);
      double all = 0;
      double kept = 0;
      for (int k = 0; k < sorted.length; k++) {
        all += sorted[k];
        if (k >= sorted.length - top) kept += sorted[k];
      }
      return all == 0 ? Double.NaN : kept / all;
    }
  }

  @TempDir Path dir;

  @Test
  void registeredMetricRunsThroughTheCommandLineAndTheReport() throws Exception {
    MetricRegistry.register(TopShare.DEFINITION);
    CliRun help = CliRun.of("faithfulness", "--help");
    assertTrue(help.out().contains("top_share") && help.out().contains("top_share.fraction"), help.out());

    Path data = dir.resolve("ds");
    TwoBandDataset.write(data, s -> dir.resolve("s" + s + ".wav").toString());
    Path model = dir.resolve("model");
    CliRun t = CliRun.of("train", "--data", data.toString(), "--model", "smallcnn", "--out", model.toString(),
        "--epochs", "1", "--batch", "8", "--quiet", "--seed", "2");
    assertEquals(0, t.exit(), t.err());

    // by default, every faithfulness and complexity metric is computed: the new one too
    Path all = dir.resolve("all");
    CliRun run = CliRun.of("faithfulness", "--model", model.toString(), "--data", data.toString(), "--methods", "saliency",
        "--samples", "3", "--grid", "8x8", "--step", "0.25", "--seed", "1", "--out", all.toString());
    assertEquals(0, run.exit(), run.err());
    double byDefault = Json.MAPPER.readTree(all.resolve("faithfulness.json").toFile()).at("/methods/saliency/top_share").asDouble(-1);
    assertTrue(byDefault >= 0.1 && byDefault <= 1, "the top 10% of cells hold at least 10% of a non-negative map: " + byDefault);

    // the parameter set from the command line, recorded beside the scores
    Path set = dir.resolve("set");
    run = CliRun.of("faithfulness", "--model", model.toString(), "--data", data.toString(), "--methods", "saliency",
        "--samples", "3", "--grid", "8x8", "--step", "0.25", "--seed", "1", "--metrics", "top_share,sparseness",
        "--metric-param", "top_share.fraction=1", "--out", set.toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode j = Json.MAPPER.readTree(set.resolve("faithfulness.json").toFile());
    assertEquals(1.0, j.at("/methods/saliency/top_share").asDouble(), 1e-12, "all cells hold all the relevance");
    assertEquals(1.0, j.at("/options/metric_parameters/top_share/fraction").asDouble(), 0);
    List<String> items = Files.readAllLines(set.resolve("items.csv"));
    assertTrue(items.get(0).contains("top_share"), items.get(0));

    // a value outside its range is one line naming the metric's parameter
    CliRun bad = CliRun.of("faithfulness", "--model", model.toString(), "--data", data.toString(), "--methods", "saliency",
        "--metrics", "top_share", "--metric-param", "top_share.fraction=2", "--out", dir.resolve("bad").toString());
    assertTrue(bad.exit() != 0);
    assertTrue(bad.err().contains("top_share.fraction"), bad.err());

    // the report shows the new column, headed from the registry, without any edit to the report
    Path html = dir.resolve("report.html");
    CliRun rep = CliRun.of("report", "--in", all.toString(), "--out", html.toString());
    assertEquals(0, rep.exit(), rep.err());
    String page = Files.readString(html);
    assertTrue(page.contains("<th>top share ↑</th>"), "the registry's heading and direction head the column");
    assertTrue(page.contains("<th>sparseness (Gini) ↑</th>"), "a built-in metric beside it");
    assertTrue(Files.readString(dir.resolve("report.json")).contains("\"top_share\""), "its numbers in the report's JSON");
  }
}

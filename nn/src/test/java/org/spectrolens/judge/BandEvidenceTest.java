package org.spectrolens.judge;

import org.spectrolens.judge.metric.MetricRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectrolens.nn.model.Network;

/**
 * On a toy model whose evidence is a known band ({@link BandToy}), the map that marks exactly
 * that band beats the random and the energy maps on every metric with a direction, and its
 * reverse loses to it.
 */
class BandEvidenceTest {
  static final int N = 4;

  static Judging judging() {
    return Judging.defaults(RemovalUnits.grid(8, 8, BandToy.H, BandToy.W)).withStep(0.05).withCorrelation(40, 16).withBatchSize(64);
  }

  @Test
  void theTruthMapBeatsRandomAndEnergyOnEveryMetricAndItsReverseLoses() {
    try (Network net = BandToy.network()) {
      float[] x = BandToy.inputs(N, 3);
      int[] targets = new int[N];
      float[][] truthMap = BandToy.truthMaps(N);
      Judged truth = Judged.of(net, BandToy.SHAPE, x, N, truthMap, targets, null, BandToy.truthMasks(N), null, judging());
      Judged random = truth.withMaps(ReferenceMaps.random(N, BandToy.H, BandToy.W, 5));
      Judged energy = truth.withMaps(ReferenceMaps.energy(x, N, 1, BandToy.H, BandToy.W));
      Judged reverse = truth.withMaps(BandToy.reverse(truthMap));
      List<MapMetric> metrics = new ArrayList<>();
      for (String id : MetricRegistry.ids()) if (MetricRegistry.of(id) instanceof MapMetric m) metrics.add(m);
      Map<String, Double> t = MetricRegistry.score(truth, metrics);
      Map<String, Double> r = MetricRegistry.score(random, metrics);
      Map<String, Double> e = MetricRegistry.score(energy, metrics);
      Map<String, Double> v = MetricRegistry.score(reverse, metrics);
      int judged = 0;
      for (MapMetric m : metrics) {
        if (m.direction() == Metric.Direction.NEITHER) continue;
        String id = m.id();
        String msg = id + ": truth " + t.get(id) + ", random " + r.get(id) + ", energy " + e.get(id) + ", reverse " + v.get(id);
        assertTrue(better(m, t.get(id), r.get(id)), "beats random on " + msg);
        assertTrue(better(m, t.get(id), e.get(id)), "beats energy on " + msg);
        assertTrue(better(m, t.get(id), v.get(id)) || Double.isNaN(v.get(id)), "reverse loses on " + msg);
        judged++;
      }
      assertEquals(16, judged);
      // exact values of the truth map where they are known in closed form
      assertEquals(0, t.get("average_drop"), 1e-9);
      assertEquals(100, t.get("average_increase"), 1e-9);
      assertEquals(0, t.get("prediction_change"), 1e-9);
      assertEquals(1, t.get("relevance_mass"), 1e-9);
      assertEquals(1, t.get("relevance_rank"), 1e-9);
      assertEquals(1, t.get("pointing_game"), 1e-9);
      assertEquals(1, t.get("pointing_game_any"), 1e-9);
      assertEquals(32, t.get("max_tied_cells"), 0); // the band's 32 cells tie at 1
      assertEquals(1 - 32.0 / 256, t.get("sparseness"), 1e-9);
      assertEquals(Math.log(32), t.get("entropy"), 1e-6);
      assertEquals(1, t.get("mean_top50_weight") * 128 / 32, 1e-6); // 32 ones among the 128 kept cells
      assertEquals(0, e.get("pointing_game"), 1e-9); // the energy map points at the distractor
    }
  }

  private static boolean better(Metric m, double a, double b) {
    return m.direction() == Metric.Direction.HIGHER ? a > b : a < b;
  }

  @Test
  void theAreasAreTheTrapezoidsOfTheCurvesAndTheAccuracyAreaIsTheAreaOfTheMeanCurve() {
    try (Network net = BandToy.network()) {
      float[] x = BandToy.inputs(N, 4);
      Judged j = Judged.of(net, BandToy.SHAPE, x, N, ReferenceMaps.random(N, BandToy.H, BandToy.W, 9), new int[N], null, null, null, judging());
      for (Curves.Kind kind : Curves.Kind.values()) {
        Curves c = Curves.of(j, kind);
        double[] f = c.fractions();
        assertEquals(21, f.length);
        assertEquals(0, f[0], 0);
        assertEquals(1, f[20], 1e-12);
        double[] meanProb = c.mean(c.probability(), j, -1);
        double[] meanAcc = c.mean(c.correct(), j, -1);
        double prob = 0;
        double acc = 0;
        for (int k = 1; k < f.length; k++) {
          prob += (f[k] - f[k - 1]) * (meanProb[k] + meanProb[k - 1]) / 2;
          acc += (f[k] - f[k - 1]) * (meanAcc[k] + meanAcc[k - 1]) / 2;
        }
        String p = kind == Curves.Kind.DELETION ? "deletion" : "insertion";
        assertEquals(prob, MetricRegistry.mapMetrics(List.of(p + "_auc_prob")).get(0).score(j), 1e-9);
        assertEquals(acc, MetricRegistry.mapMetrics(List.of(p + "_auc_acc")).get(0).score(j), 1e-9);
      }
      // deletion ends at the baseline, insertion starts there: same input, same probability
      Curves d = Curves.of(j, Curves.Kind.DELETION);
      Curves i = Curves.of(j, Curves.Kind.INSERTION);
      for (int s = 0; s < N; s++) {
        assertEquals(d.probability()[s][20], i.probability()[s][0], 1e-6);
        assertEquals(i.probability()[s][20], j.probabilities(s)[0], 1e-6);
        assertEquals(1 / (1 + Math.exp(5.8)), d.probability()[s][20], 0.01); // all at the floor (0): logit -5.8
      }
      assertEquals(N * (21 * 2) + N, j.forwardPasses()); // two curves of 21 points, plus the unperturbed inputs
    }
  }
}

package org.spectrolens.explain.method;

import org.spectrolens.explain.InputMethod;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.PostProcess;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.params.Param;

/**
 * Integrated Gradients (Sundararajan et al. 2017) along the straight path from the baseline b
 * ({@link Options#baseline()}) to x, by the midpoint rule with {@link Params#steps()} steps:
 * {@code (x - b) * mean_s dS/dx(b + (s + 0.5)/m * (x - b))}. The raw map is the signed attribution
 * summed over channels (its total approximates {@code S(x) - S(b)}, the completeness axiom); the
 * processed map is the min-max of its absolute value. Interpolated inputs run in batches.
 */
public final class IntegratedGradients extends InputMethod<IntegratedGradients.Params> {
  /** @param steps Riemann steps along the path (midpoint rule) */
  public record Params(@Param(value = "Riemann steps along the path (midpoint rule)", min = 1, max = 100000) int steps) {}

  public static final MethodDefinition<Params> DEFINITION = MethodDefinition.of("integrated-gradients",
      "Integrated Gradients: input minus baseline times the mean gradient along the path", "steps x (1 forward + 1 backward)",
      new Params(50), new Params(50), new Params(50), IntegratedGradients::new);

  /** @param params null: the request profile's */
  public IntegratedGradients(Params params) {
    super(DEFINITION, params);
  }

  public IntegratedGradients() {
    this(null);
  }

  @Override
  protected Maps rawMaps(Request r) {
    Options o = r.options();
    float[][] logits = Tap.logits(r.network(), r.inputs(), r.n(), o.batchSize());
    int[] targets = r.resolvedTargets(logits);
    int c = r.channels();
    int hw = r.height() * r.width();
    int size = c * hw;
    int steps = params(o).steps();
    int batch = Math.max(1, o.batchSize());
    float[][] out = new float[r.n()][hw];
    for (int i = 0; i < r.n(); i++) {
      float[] x = r.input(i);
      float[] b = o.baseline().of(x, c, r.height(), r.width());
      double[] grad = new double[size];
      for (int from = 0; from < steps; from += batch) {
        int len = Math.min(batch, steps - from);
        float[] path = new float[len * size];
        for (int s = 0; s < len; s++) {
          double alpha = (from + s + 0.5) / steps;
          for (int p = 0; p < size; p++) path[s * size + p] = (float) (b[p] + alpha * (x[p] - b[p]));
        }
        int[] t = new int[len];
        java.util.Arrays.fill(t, targets[i]);
        Tap.Input g = Tap.input(r.network(), path, len, t);
        for (int s = 0; s < len; s++) for (int p = 0; p < size; p++) grad[p] += g.gradients()[s * size + p];
      }
      for (int ch = 0; ch < c; ch++) {
        for (int p = 0; p < hw; p++) {
          int q = ch * hw + p;
          out[i][p] += (float) ((x[q] - b[q]) * grad[q] / steps);
        }
      }
    }
    return new Maps(out, logits, targets);
  }

  @Override
  public float[] postProcess(Options options, float[] raw, int rawHeight, int rawWidth, int height, int width) {
    float[] m = new float[raw.length];
    for (int p = 0; p < m.length; p++) m[p] = Math.abs(raw[p]);
    PostProcess.minMax(m);
    return m;
  }
}

package org.spectrolens.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.nn.weights.Tensor;

/**
 * Adam exactly as {@code torch.optim.Adam} (L2 weight decay added to the gradient, bias
 * corrections, eps added after the square root), run as in-place NDArray updates. It is ours
 * rather than DJL's optimizer because its moments must go into every checkpoint for a resumed
 * run to continue bit for bit, and DJL's optimizer state cannot be saved.
 */
public final class Adam {
  private final float beta1;
  private final float beta2;
  private final float eps;
  private final float weightDecay;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private long step;

  public Adam(float weightDecay) {
    this(0.9f, 0.999f, 1e-8f, weightDecay);
  }

  public Adam(float beta1, float beta2, float eps, float weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  public long stepCount() {
    return step;
  }

  /** One update of every parameter from its gradient, which is then zeroed for the next step. */
  public void step(Map<String, NDArray> params, double lr) {
    step++;
    double bc1 = 1 - Math.pow(beta1, step);
    double bc2 = 1 - Math.pow(beta2, step);
    float stepSize = (float) (lr / bc1);
    float sqrtBc2 = (float) Math.sqrt(bc2);
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      NDArray p = e.getValue();
      try (NDManager tmp = p.getManager().newSubManager()) {
        NDArray g = p.getGradient();
        g.attach(tmp);
        NDArray mi = m.computeIfAbsent(e.getKey(), k -> p.zerosLike());
        NDArray vi = v.computeIfAbsent(e.getKey(), k -> p.zerosLike());
        NDArray grad = g;
        if (weightDecay != 0) {
          NDArray decay = p.mul(weightDecay);
          decay.attach(tmp);
          grad = g.add(decay);
        }
        NDArray g1 = grad.mul(1 - beta1);
        mi.muli(beta1).addi(g1);
        NDArray g2 = grad.mul(grad).muli(1 - beta2);
        vi.muli(beta2).addi(g2);
        // p -= stepSize * m / (sqrt(v) / sqrtBc2 + eps), with sqrtBc2 folded into the constants
        NDArray denom = vi.sqrt();
        denom.attach(tmp);
        denom.addi(eps * sqrtBc2);
        NDArray update = mi.div(denom);
        update.attach(tmp);
        p.subi(update.muli(stepSize * sqrtBc2));
        g.muli(0); // PyTorch accumulates gradients; clear them for the next backward pass
      }
    }
  }

  /** Moments as named tensors ({@code m.<param>}, {@code v.<param>}). */
  public Map<String, Tensor> state() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    m.forEach((n, a) -> out.put("m." + n, Tensor.f32(a.getShape().getShape(), a.toFloatArray())));
    v.forEach((n, a) -> out.put("v." + n, Tensor.f32(a.getShape().getShape(), a.toFloatArray())));
    return out;
  }

  /** Restores moments saved by {@link #state} for {@code params}, and the step count. */
  public void load(Map<String, Tensor> state, Map<String, NDArray> params, long steps, String source) {
    step = steps;
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      Tensor tm = state.get("m." + e.getKey());
      Tensor tv = state.get("v." + e.getKey());
      if (tm == null || tv == null) {
        if (steps == 0) continue;
        throw new SpectrolensException(source, "checkpoint lacks the Adam moments of " + e.getKey());
      }
      NDArray mi = e.getValue().zerosLike();
      mi.set(tm.floats());
      NDArray vi = e.getValue().zerosLike();
      vi.set(tv.floats());
      m.put(e.getKey(), mi);
      v.put(e.getKey(), vi);
    }
  }
}

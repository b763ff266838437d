package org.spectrolens.explain;

import java.util.Map;

/**
 * One explanation method, configured with its parameters; every call explains a whole batch.
 * Implementations extend {@link LayerMethod} (maps from a layer's activations: the CAM family),
 * {@link InputMethod} (maps on the input grid: gradients and perturbations) or wrap another method
 * ({@link org.spectrolens.explain.method.SmoothGrad}); each declares a {@link MethodDefinition} and is listed by
 * {@link org.spectrolens.explain.method.Explainers}.
 */
public interface Method {
  /** What the method is: id, description, cost, parameters and their defaults. */
  MethodDefinition<?> definition();

  /** The id as written in {@code --methods}; a wrapper names what it wraps ({@code smoothgrad:gradcam}). */
  default String id() {
    return definition().id();
  }

  /** The maps of every input of the request. */
  Explanation explain(Request request);

  /**
   * A raw map [rawHeight * rawWidth] to the processed map on the input grid [height * width] in
   * [0, 1], as this method post-processes its own (a wrapper applies its wrapped method's).
   */
  default float[] postProcess(Options options, float[] raw, int rawHeight, int rawWidth, int height, int width) {
    return options.post().apply(raw, rawHeight, rawWidth, height, width);
  }

  /** The settings and parameters this instance uses under {@code options}, by name, as recorded beside its maps. */
  Map<String, Object> describe(Options options);
}

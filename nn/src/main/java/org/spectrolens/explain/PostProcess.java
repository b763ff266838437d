package org.spectrolens.explain;

/**
 * From a raw low-resolution map to a map on the input grid with values in [0, 1]. The order of
 * the steps is where the reference libraries differ:
 * <ul>
 *   <li>{@link Order#RELU_RESIZE_MINMAX} (tf-keras-vis; the default): ReLU, resize, min-max.
 *   <li>{@link Order#RELU_MINMAX_RESIZE_MINMAX} (pytorch-grad-cam's {@code scale_cam_image} then
 *       {@code aggregate_multi_layers}): ReLU, min-max at low resolution, resize, min-max again.
 * </ul>
 * Min-max is {@code (v - min) / (max - min + 1e-7)} (both libraries' epsilon), so a constant map
 * becomes 0 everywhere.
 *
 * @param relu clamp negative values to 0 first (off only for signed displays)
 * @param order the order of the steps
 * @param resize the upsampling convention
 */
public record PostProcess(boolean relu, Order order, Resize resize) {
  public static final float EPS = 1e-7f;

  public enum Order {
    RELU_RESIZE_MINMAX("relu-resize-minmax"), RELU_MINMAX_RESIZE_MINMAX("relu-minmax-resize-minmax");

    private final String id;

    Order(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  public static PostProcess defaults() {
    return new PostProcess(true, Order.RELU_RESIZE_MINMAX, Resize.BILINEAR);
  }

  public float[] apply(float[] raw, int h, int w, int outH, int outW) {
    float[] m = raw.clone();
    if (relu) for (int i = 0; i < m.length; i++) m[i] = Math.max(0f, m[i]);
    if (order == Order.RELU_MINMAX_RESIZE_MINMAX) minMax(m);
    float[] out = resize.apply(m, h, w, outH, outW);
    minMax(out);
    return out;
  }

  /** In place: {@code (v - min) / (max - min + 1e-7)}. */
  public static void minMax(float[] m) {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float v : m) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    float d = hi - lo + EPS;
    for (int i = 0; i < m.length; i++) m[i] = (m[i] - lo) / d;
  }
}

package org.spectrolens.explain;

/**
 * Upsampling of a low-resolution map [h, w] to the input grid [H, W]. Three conventions are in use
 * by the reference libraries and each is a mode here:
 * <ul>
 *   <li>{@link #BILINEAR}: half-pixel centres, edges clamped (OpenCV's {@code cv2.resize}, used by
 *       pytorch-grad-cam's post-processing; torch {@code interpolate(align_corners=False)}). Cell
 *       centres map to cell centres, as the spectrogram axes do, so this is the default.
 *   <li>{@link #BILINEAR_CORNERS}: corner-aligned grid (scipy {@code zoom(order=1)} as in
 *       tf-keras-vis; torch {@code UpsamplingBilinear2d}, {@code align_corners=True}, used for
 *       pytorch-grad-cam's Score-CAM masks).
 *   <li>{@link #NEAREST}: each input cell takes the value of the map cell it lies in (Captum's
 *       default {@code interpolate}); the map's own cells stay visible.
 * </ul>
 */
public enum Resize {
  BILINEAR("bilinear"), BILINEAR_CORNERS("bilinear-corners"), NEAREST("nearest");

  private final String id;

  Resize(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }


  /** {@code map} [h*w] resized to [H*W]. */
  public float[] apply(float[] map, int h, int w, int outH, int outW) {
    if (h == outH && w == outW) return map.clone();
    int[] y0 = new int[outH];
    int[] y1 = new int[outH];
    float[] fy = new float[outH];
    coords(h, outH, y0, y1, fy);
    int[] x0 = new int[outW];
    int[] x1 = new int[outW];
    float[] fx = new float[outW];
    coords(w, outW, x0, x1, fx);
    float[] out = new float[outH * outW];
    for (int i = 0; i < outH; i++) {
      for (int j = 0; j < outW; j++) {
        float a = map[y0[i] * w + x0[j]];
        float b = map[y0[i] * w + x1[j]];
        float c = map[y1[i] * w + x0[j]];
        float d = map[y1[i] * w + x1[j]];
        float top = a + (b - a) * fx[j];
        float bottom = c + (d - c) * fx[j];
        out[i * outW + j] = top + (bottom - top) * fy[i];
      }
    }
    return out;
  }

  /** Source index pair and fraction for each output index along one dimension. */
  private void coords(int in, int out, int[] i0, int[] i1, float[] f) {
    for (int o = 0; o < out; o++) {
      double src;
      switch (this) {
        case BILINEAR -> src = Math.max(0, (o + 0.5) * in / out - 0.5);
        case BILINEAR_CORNERS -> src = out == 1 ? 0 : (double) o * (in - 1) / (out - 1);
        default -> src = Math.min(in - 1, Math.floor((o + 0.5) * in / out));
      }
      int lo = Math.min((int) Math.floor(src), in - 1);
      i0[o] = lo;
      i1[o] = Math.min(lo + 1, in - 1);
      f[o] = this == NEAREST ? 0f : (float) (src - lo);
    }
  }
}

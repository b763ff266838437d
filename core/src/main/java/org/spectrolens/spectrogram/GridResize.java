package org.spectrolens.spectrogram;

/**
 * Separable resizing of a [rows][cols] grid with half-pixel centres and a triangle (bilinear)
 * kernel widened by the scale factor when shrinking, as PIL and torch's
 * {@code interpolate(mode="bilinear", antialias=True)} do: shrinking a 1025-bin spectrogram to
 * 224 rows averages neighbouring bins instead of skipping them. Enlarging is plain bilinear
 * interpolation ({@code align_corners=False}) with edges clamped.
 */
public final class GridResize {
  private GridResize() {}

  public static float[][] resize(float[][] in, int rows, int cols) {
    int inRows = in.length;
    int inCols = inRows == 0 ? 0 : in[0].length;
    if (inRows == 0 || inCols == 0) throw new IllegalArgumentException("cannot resize an empty grid");
    if (rows <= 0 || cols <= 0) throw new IllegalArgumentException("target size must be positive");
    float[][] tmp = new float[inRows][];
    Kernel kc = new Kernel(inCols, cols);
    for (int r = 0; r < inRows; r++) tmp[r] = kc.apply(in[r]);
    Kernel kr = new Kernel(inRows, rows);
    float[][] out = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      int lo = kr.first[r];
      double[] w = kr.weights[r];
      float[] o = out[r];
      for (int k = 0; k < w.length; k++) {
        float[] src = tmp[lo + k];
        double wk = w[k];
        for (int c = 0; c < cols; c++) o[c] += (float) (wk * src[c]);
      }
    }
    return out;
  }

  /** Precomputed weights for one dimension: output j = sum_k weights[j][k] * in[first[j] + k]. */
  private static final class Kernel {
    final int[] first;
    final double[][] weights;

    Kernel(int inSize, int outSize) {
      double scale = (double) inSize / outSize;
      double support = Math.max(scale, 1.0);
      first = new int[outSize];
      weights = new double[outSize][];
      for (int j = 0; j < outSize; j++) {
        double centre = (j + 0.5) * scale;
        int lo = Math.max(0, (int) Math.floor(centre - support));
        int hi = Math.min(inSize, (int) Math.ceil(centre + support));
        double[] w = new double[hi - lo];
        double sum = 0;
        for (int x = lo; x < hi; x++) {
          double d = Math.abs((x + 0.5 - centre) / support);
          w[x - lo] = Math.max(0.0, 1.0 - d);
          sum += w[x - lo];
        }
        for (int k = 0; k < w.length; k++) w[k] /= sum;
        first[j] = lo;
        weights[j] = w;
      }
    }

    float[] apply(float[] in) {
      float[] out = new float[first.length];
      for (int j = 0; j < out.length; j++) {
        double acc = 0;
        double[] w = weights[j];
        int lo = first[j];
        for (int k = 0; k < w.length; k++) acc += w[k] * in[lo + k];
        out[j] = (float) acc;
      }
      return out;
    }
  }
}

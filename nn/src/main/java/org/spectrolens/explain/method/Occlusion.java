package org.spectrolens.explain.method;

import org.spectrolens.explain.InputMethod;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.params.Param;

import org.spectrolens.SpectrolensException;

/**
 * Occlusion (Zeiler and Fergus 2014) as Captum defines it: a window slides over the input grid
 * from (0, 0) with the given strides (the last window in each direction may be cut short); inside
 * it the input is replaced by the baseline ({@link Options#baseline()}); every cell's attribution
 * is the mean, over the windows covering it, of {@code S(x) - S(x occluded)}. The window is given
 * in cells, or as a band in Hz and a span in seconds (converted through the input grid's axes:
 * rows per band at the axis's mean Hz per row, columns per span at its time step). The raw map is
 * signed; the processed map is ReLU then min-max. Occluded inputs run in batches.
 */
public final class Occlusion extends InputMethod<Occlusion.Params> {
  /**
   * The sliding window, in input cells, or (when {@code bandHz} / {@code spanSeconds} are positive)
   * in Hz and seconds, converted to cells through the input grid's axes.
   *
   * @param height window rows
   * @param width window columns
   * @param strideY rows between windows; 0: half the window
   * @param strideX columns between windows; 0: half the window
   * @param bandHz window height in Hz (overrides height; 0: off)
   * @param spanSeconds window width in seconds (overrides width; 0: off)
   */
  public record Params(
      @Param(value = "window rows (cells)", min = 1, max = 100000) int height,
      @Param(value = "window columns (cells)", min = 1, max = 100000) int width,
      @Param(value = "rows between windows (cells); 0: half the window", min = 0, max = 100000) int strideY,
      @Param(value = "columns between windows (cells); 0: half the window", min = 0, max = 100000) int strideX,
      @Param(value = "window height in Hz, overriding height; 0: off", min = 0) double bandHz,
      @Param(value = "window width in s, overriding width; 0: off", min = 0) double spanSeconds) {}

  private static final Params WINDOW_16 = new Params(16, 16, 0, 0, 0, 0);

  public static final MethodDefinition<Params> DEFINITION = MethodDefinition.of("occlusion",
      "Occlusion: the score drop when a sliding window is replaced by the baseline", "1 forward + 1 forward per window position",
      WINDOW_16, WINDOW_16, WINDOW_16, Occlusion::new);

  /** @param params null: the request profile's */
  public Occlusion(Params params) {
    super(DEFINITION, params);
  }

  public Occlusion() {
    this(null);
  }

  /** Window [height, width, strideY, strideX] in cells. */
  int[] window(Request r) {
    Params w = params(r.options());
    int ph = w.height();
    int pw = w.width();
    int sy = w.strideY() > 0 ? w.strideY() : Math.max(1, ph / 2);
    int sx = w.strideX() > 0 ? w.strideX() : Math.max(1, pw / 2);
    if (w.bandHz() > 0) {
      if (r.axes() == null) throw new SpectrolensException("occlusion.band-hz", "needs the input grid's frequency axis");
      var f = r.axes().frequencies();
      double hzPerRow = (f.upperEdgeHz(f.length() - 1) - f.lowerEdgeHz(0)) / f.length();
      ph = (int) Math.max(1, Math.round(w.bandHz() / hzPerRow));
      sy = Math.max(1, ph / 2);
    }
    if (w.spanSeconds() > 0) {
      if (r.axes() == null || r.axes().times() == null) {
        throw new SpectrolensException("occlusion.span-seconds", "needs the input's time axis (a WAV input, or `time_step`)");
      }
      pw = (int) Math.max(1, Math.round(w.spanSeconds() / r.axes().times().step()));
      sx = Math.max(1, pw / 2);
    }
    ph = Math.min(ph, r.height());
    pw = Math.min(pw, r.width());
    if (ph < 1 || pw < 1 || sy < 1 || sx < 1) throw new SpectrolensException("occlusion", "window and strides must be at least 1 cell");
    if (sy > ph || sx > pw) throw new SpectrolensException("occlusion", "a stride larger than the window leaves cells unoccluded");
    return new int[] {ph, pw, sy, sx};
  }

  @Override
  protected Maps rawMaps(Request r) {
    Options o = r.options();
    int[] win = window(r);
    int hIn = r.height();
    int wIn = r.width();
    int c = r.channels();
    int hw = hIn * wIn;
    int size = c * hw;
    int ny = (int) Math.ceil(Math.max(0, hIn - win[0]) / (double) win[2]) + 1;
    int nx = (int) Math.ceil(Math.max(0, wIn - win[1]) / (double) win[3]) + 1;
    int windows = ny * nx;
    int batch = Math.max(1, o.batchSize());
    float[][] base = Tap.logits(r.network(), r.inputs(), r.n(), batch);
    int[] targets = r.resolvedTargets(base);
    float[][] out = new float[r.n()][hw];
    for (int i = 0; i < r.n(); i++) {
      float[] x = r.input(i);
      float[] b = o.baseline().of(x, c, hIn, wIn);
      double[] sum = new double[hw];
      int[] cover = new int[hw];
      for (int from = 0; from < windows; from += batch) {
        int len = Math.min(batch, windows - from);
        float[] occluded = new float[len * size];
        for (int q = 0; q < len; q++) {
          System.arraycopy(x, 0, occluded, q * size, size);
          int y0 = (from + q) / nx * win[2];
          int x0 = (from + q) % nx * win[3];
          for (int ch = 0; ch < c; ch++) {
            for (int y = y0; y < Math.min(hIn, y0 + win[0]); y++) {
              for (int t = x0; t < Math.min(wIn, x0 + win[1]); t++) {
                int p = ch * hw + y * wIn + t;
                occluded[q * size + p] = b[p];
              }
            }
          }
        }
        float[][] logits = Tap.logits(r.network(), occluded, len, batch);
        for (int q = 0; q < len; q++) {
          double d = base[i][targets[i]] - logits[q][targets[i]];
          int y0 = (from + q) / nx * win[2];
          int x0 = (from + q) % nx * win[3];
          for (int y = y0; y < Math.min(hIn, y0 + win[0]); y++) {
            for (int t = x0; t < Math.min(wIn, x0 + win[1]); t++) {
              sum[y * wIn + t] += d;
              cover[y * wIn + t]++;
            }
          }
        }
      }
      for (int p = 0; p < hw; p++) out[i][p] = cover[p] == 0 ? 0 : (float) (sum[p] / cover[p]);
    }
    return new Maps(out, base, targets);
  }
}

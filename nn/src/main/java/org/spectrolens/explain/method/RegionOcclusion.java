package org.spectrolens.explain.method;

import org.spectrolens.explain.InputMethod;
import org.spectrolens.explain.MethodDefinition;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import org.spectrolens.explain.Tap;
import org.spectrolens.params.ParameterRecords;
import org.spectrolens.params.Param;
import org.spectrolens.nn.model.TrainedModel;
import org.spectrolens.segment.Segmentation;
import org.spectrolens.segment.Segmenter;
import org.spectrolens.segment.Segmenters;

/**
 * Occlusion over segmentation regions: superpixels in time-frequency, in the manner of LIME's image
 * explainer and exactly Captum's {@code FeatureAblation} with a feature mask. Channel 0 of each
 * model input (the tensor as the network sees it, values as they are) is segmented
 * ({@link org.spectrolens.segment}); the background cells (label 0, when a method leaves any) form
 * one more region. Each region in turn is replaced, in every channel, by the baseline
 * ({@link Options#baseline()}: {@code x' = b} inside, {@code x} outside), and the region's score is
 * {@code S(x) - S(x')}, where S is the target's logit (default) or its softmax probability. Every
 * cell of the raw map holds its region's score (signed); the processed map is ReLU then min-max. One
 * forward pass per region, in batches of {@link Options#batchSize()}.
 *
 * <p>The segmentation is the {@code segmentation} method with its defaults, except the parameters
 * named here (Felzenszwalb's {@code scale}, {@code sigma}, {@code min-size}; k-means's
 * {@code clusters}); level thresholds of the other methods are in the input's own (normalised)
 * units. Felzenszwalb scales the grid to [0, 1] first, so its parameters mean the same on any input.
 */
public final class RegionOcclusion extends InputMethod<RegionOcclusion.Params> {
  /** The segmentation methods this explainer can use (ids as in {@link Segmenters}). */
  public enum SegmentationMethod { FELZENSZWALB, OTSU, KMEANS, THRESHOLD, REGION_GROWING }

  /** What a region's removal is measured on. */
  public enum Score { LOGIT, PROBABILITY }

  /**
   * @param segmentation the segmentation method
   * @param scale Felzenszwalb's observation level (skimage's scale, on the grid scaled to [0, 1])
   * @param sigma Felzenszwalb's Gaussian smoothing (cells)
   * @param minSize Felzenszwalb's smallest segment (cells)
   * @param clusters k-means's clusters
   * @param score the target's logit or probability
   */
  public record Params(
      @Param("segmentation method") SegmentationMethod segmentation,
      @Param(value = "felzenszwalb: observation level (larger, larger regions)", min = 0) double scale,
      @Param(value = "felzenszwalb: smoothing before segmentation (cells)", min = 0, max = 100) double sigma,
      @Param(value = "felzenszwalb: smallest region (cells)", min = 1, max = 1_000_000) int minSize,
      @Param(value = "kmeans: clusters", min = 2, max = 64) int clusters,
      @Param("score whose drop is measured: the target's logit or probability") Score score) {}

  /** skimage's Felzenszwalb defaults give superpixels of about 20 cells and more. */
  private static final Params DEFAULTS = new Params(SegmentationMethod.FELZENSZWALB, 1, 0.8, 20, 3, Score.LOGIT);

  public static final MethodDefinition<Params> DEFINITION = MethodDefinition.of("region-occlusion",
      "Region occlusion: the score drop when each segmentation region (superpixel) is replaced by the baseline (Captum's FeatureAblation)",
      "1 forward + 1 forward per region", DEFAULTS, DEFAULTS, DEFAULTS, RegionOcclusion::new);

  /** @param params null: the request profile's */
  public RegionOcclusion(Params params) {
    super(DEFINITION, params);
  }

  public RegionOcclusion() {
    this(null);
  }

  /** The segmenter these parameters name (its other parameters at their defaults). */
  static Segmenter segmenter(Params p) {
    String id = ParameterRecords.id(p.segmentation());
    String set = switch (p.segmentation()) {
      case FELZENSZWALB -> ":scale=" + p.scale() + ",sigma=" + p.sigma() + ",min-size=" + p.minSize();
      case KMEANS -> ":clusters=" + p.clusters();
      default -> "";
    };
    return Segmenters.parse(id + set, "region-occlusion");
  }

  /** The regions of one input [C*H*W]: labels [H*W], 0 = background (itself one region when present). */
  static int[] regions(Segmenter s, float[] x, int h, int w) {
    float[][] grid = new float[h][w];
    for (int r = 0; r < h; r++) System.arraycopy(x, r * w, grid[r], 0, w);
    int[][] l = new Segmentation(s, java.util.List.of()).labels(grid);
    int[] out = new int[h * w];
    for (int r = 0; r < h; r++) System.arraycopy(l[r], 0, out, r * w, w);
    return out;
  }

  @Override
  protected Maps rawMaps(Request r) {
    Options o = r.options();
    Params p = params(o);
    Segmenter seg = segmenter(p);
    int c = r.channels();
    int h = r.height();
    int w = r.width();
    int hw = h * w;
    int size = c * hw;
    int batch = Math.max(1, o.batchSize());
    float[][] base = Tap.logits(r.network(), r.inputs(), r.n(), batch);
    int[] targets = r.resolvedTargets(base);
    float[][] out = new float[r.n()][hw];
    for (int i = 0; i < r.n(); i++) {
      float[] x = r.input(i);
      float[] b = o.baseline().of(x, c, h, w);
      int[] labels = regions(seg, x, h, w);
      int max = 0;
      boolean background = false;
      for (int l : labels) {
        max = Math.max(max, l);
        background |= l == 0;
      }
      int first = background ? 0 : 1;
      int count = max - first + 1;
      double before = score(p.score(), base[i], targets[i]);
      double[] drop = new double[max + 1];
      for (int from = 0; from < count; from += batch) {
        int len = Math.min(batch, count - from);
        float[] occluded = new float[len * size];
        for (int q = 0; q < len; q++) {
          int region = first + from + q;
          System.arraycopy(x, 0, occluded, q * size, size);
          for (int ch = 0; ch < c; ch++) {
            for (int cell = 0; cell < hw; cell++) if (labels[cell] == region) occluded[q * size + ch * hw + cell] = b[ch * hw + cell];
          }
        }
        float[][] logits = Tap.logits(r.network(), occluded, len, batch);
        for (int q = 0; q < len; q++) drop[first + from + q] = before - score(p.score(), logits[q], targets[i]);
      }
      for (int cell = 0; cell < hw; cell++) out[i][cell] = (float) drop[labels[cell]];
    }
    return new Maps(out, base, targets);
  }

  private static double score(Score s, float[] logits, int target) {
    return s == Score.LOGIT ? logits[target] : TrainedModel.softmax(logits)[target];
  }
}

package org.spectrolens.judge;

import org.spectrolens.stats.Correlation;

/**
 * How alike two maps are, as Adebayo et al. (2018) measure it: the Spearman rank correlation of
 * the absolute values, and SSIM (Wang et al. 2004) as scikit-image's {@code structural_similarity}
 * computes it by default: a 7x7 uniform window (smaller odd window for smaller maps), K1 0.01,
 * K2 0.03, sample covariances (N/(N-1)), data range 1 (maps in [0, 1]), the mean of the SSIM image
 * over the cells whose window lies inside the map.
 */
public final class Similarity {
  private Similarity() {}

  /** Spearman rank correlation of |a| and |b| (average ranks for ties); NaN when one is constant. */
  public static double spearman(float[] a, float[] b) {
    double[] x = new double[a.length];
    double[] y = new double[b.length];
    for (int i = 0; i < a.length; i++) {
      x[i] = Math.abs(a[i]);
      y[i] = Math.abs(b[i]);
    }
    return Correlation.spearman(x, y);
  }

  /** SSIM of two [h*w] maps with data range 1. */
  public static double ssim(float[] a, float[] b, int h, int w) {
    int win = Math.min(7, Math.min(h, w));
    if (win % 2 == 0) win--;
    int r = win / 2;
    double np = win * win;
    double cov = np / (np - 1);
    double c1 = 0.01 * 0.01;
    double c2 = 0.03 * 0.03;
    double total = 0;
    int count = 0;
    for (int y = r; y < h - r; y++) {
      for (int x = r; x < w - r; x++) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int dy = -r; dy <= r; dy++) {
          for (int dx = -r; dx <= r; dx++) {
            double u = a[(y + dy) * w + x + dx];
            double v = b[(y + dy) * w + x + dx];
            sa += u;
            sb += v;
            saa += u * u;
            sbb += v * v;
            sab += u * v;
          }
        }
        double ua = sa / np;
        double ub = sb / np;
        double va = cov * (saa / np - ua * ua);
        double vb = cov * (sbb / np - ub * ub);
        double vab = cov * (sab / np - ua * ub);
        total += ((2 * ua * ub + c1) * (2 * vab + c2)) / ((ua * ua + ub * ub + c1) * (va + vb + c2));
        count++;
      }
    }
    return total / count;
  }

  /**
   * The mean similarity of two map sets, and on how many items each mean rests: Spearman is
   * undefined (NaN) where either map is constant (a Grad-CAM map whose ReLU zeroes every cell once
   * its layers are randomised), and such items are left out of its mean, never silently.
   *
   * @param spearman mean Spearman over the items where it is defined (NaN when none is)
   * @param ssim mean SSIM over every item (always defined)
   * @param items items compared
   * @param spearmanItems items whose Spearman is defined
   */
  public record Mean(double spearman, double ssim, int items, int spearmanItems) {
    /** This mean as written in the result files. */
    public org.spectrolens.judge.result.SanityResult.Similarity result() {
      return new org.spectrolens.judge.result.SanityResult.Similarity(spearman, ssim, items, spearmanItems);
    }

    /** True when Spearman is undefined on some items, so its mean rests on fewer than all. */
    public boolean spearmanPartial() {
      return spearmanItems < items;
    }
  }

  /** Mean Spearman and mean SSIM over the samples of two map sets. */
  public static Mean mean(float[][] a, float[][] b, int h, int w) {
    double[] rho = new double[a.length];
    double[] s = new double[a.length];
    int defined = 0;
    for (int i = 0; i < a.length; i++) {
      rho[i] = spearman(a[i], b[i]);
      s[i] = ssim(a[i], b[i], h, w);
      if (!Double.isNaN(rho[i])) defined++;
    }
    return new Mean(Stats.mean(rho), Stats.mean(s), a.length, defined);
  }
}

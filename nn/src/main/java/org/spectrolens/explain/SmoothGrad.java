package org.spectrolens.explain;

import java.util.SplittableRandom;

/**
 * SmoothGrad (Smilkov et al. 2017) as tf-keras-vis computes it: {@code sigma_i = noise * (max(x_i) -
 * min(x_i))} per input; for each of N samples the whole batch gets Gaussian noise and one
 * backward pass; {@code |gradient|} is averaged over the samples, then the maximum over channels
 * is taken and the map min-max scaled. The noise is drawn from {@link Options#seed()} (sample by
 * sample, input by input, value by value), so runs repeat exactly.
 */
public final class SmoothGrad extends InputMethod {
  @Override
  public String id() {
    return "smoothgrad";
  }

  @Override
  float[][] rawMaps(Request r, int[] targets, float[][][] logitsOut) {
    Options o = r.options();
    int n = r.n();
    int size = r.channels() * r.height() * r.width();
    int samples = Math.max(1, o.smoothSamples());
    double[] sigma = new double[n];
    for (int i = 0; i < n; i++) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (int p = 0; p < size; p++) {
        lo = Math.min(lo, r.inputs()[i * size + p]);
        hi = Math.max(hi, r.inputs()[i * size + p]);
      }
      sigma[i] = o.smoothNoise() * (hi - lo);
    }
    SplittableRandom rng = new SplittableRandom(o.seed());
    double[] sum = new double[n * size];
    float[] noisy = new float[n * size];
    for (int t = 0; t < samples; t++) {
      for (int i = 0; i < n; i++) {
        for (int p = 0; p < size; p++) {
          int q = i * size + p;
          noisy[q] = (float) (r.inputs()[q] + sigma[i] * gaussian(rng));
        }
      }
      Tap.Input g = Tap.input(r.network(), noisy, n, targets);
      for (int q = 0; q < sum.length; q++) sum[q] += Math.abs(g.gradients()[q]);
    }
    logitsOut[0] = Tap.logits(r.network(), r.inputs(), n, o.batchSize());
    float[] mean = new float[sum.length];
    for (int q = 0; q < sum.length; q++) mean[q] = (float) (sum[q] / samples);
    return maxAbsOverChannels(mean, n, r.channels(), r.height() * r.width());
  }

  /** A standard normal draw (Box-Muller on the seeded stream). */
  static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

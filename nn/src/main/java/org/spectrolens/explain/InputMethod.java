package org.spectrolens.explain;

/** Methods whose raw map lives on the input grid itself: post-processing is ReLU and min-max only. */
abstract class InputMethod implements Method {
  /** Raw maps [n][H*W] and the logits of the unperturbed inputs. */
  abstract float[][] rawMaps(Request r, int[] targets, float[][][] logitsOut);

  @Override
  public Explanation explain(Request r) {
    long t0 = System.nanoTime();
    int[] targets = r.resolvedTargets();
    float[][][] logits = new float[1][][];
    float[][] raw = rawMaps(r, targets, logits);
    float[][] maps = new float[r.n()][];
    for (int i = 0; i < r.n(); i++) maps[i] = processed(r, raw[i]);
    double s = (System.nanoTime() - t0) / 1e9;
    return new Explanation(id(), null, targets, logits[0], raw, r.height(), r.width(), maps, r.height(), r.width(),
        r.options().describe(id()), s);
  }

  float[] processed(Request r, float[] raw) {
    return r.options().post().apply(raw, r.height(), r.width(), r.height(), r.width());
  }

  /** Max over channels of |g| for each input: [n][H*W]. */
  static float[][] maxAbsOverChannels(float[] g, int n, int c, int hw) {
    float[][] out = new float[n][hw];
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < c; ch++) {
        int o = (i * c + ch) * hw;
        for (int p = 0; p < hw; p++) out[i][p] = Math.max(out[i][p], Math.abs(g[o + p]));
      }
    }
    return out;
  }
}

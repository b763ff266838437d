package org.spectrolens.monitoring;

import org.spectrolens.judge.ReferenceMaps;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.spectrolens.explain.method.Explainers;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.Options;
import org.spectrolens.explain.Request;
import org.spectrolens.nn.model.Network;

/**
 * Where a study's maps come from: an explanation method, or one of the reference maps every
 * number is read against (DESIGN.md section 5: a random map gives chance, the energy map what the
 * spectrogram alone says). Maps are [n][H][W] on the model's input grid with values in [0, 1].
 */
public interface MapSource {
  /** The reference map ids (not explanation methods). */
  String RANDOM = "random";
  String ENERGY = ReferenceMaps.ENERGY;

  String id();

  /**
   * The maps of {@code n} inputs (flat [n, C, H, W], as the network sees them) for class
   * {@code target}; {@code truth[i]} is the target's truth mask on input i (only an oracle reads it).
   */
  float[][][] maps(Network net, float[] inputs, int n, int target, boolean[][][] truth);

  /** An explanation method by id ({@link Explainers}), one batch per call. */
  static MapSource method(String id, Options options) {
    Explainers.of(id); // an unknown id fails here, before any work
    return new MapSource() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public float[][][] maps(Network net, float[] inputs, int n, int target, boolean[][][] truth) {
        int[] t = new int[n];
        Arrays.fill(t, target);
        Explanation e = Explainers.of(id).explain(Request.of(net, inputs, n).withTargets(t).withOptions(options));
        float[][][] out = new float[n][][];
        for (int i = 0; i < n; i++) out[i] = e.map(i);
        return out;
      }
    };
  }

  /** Uniform random values, seeded: the chance level of every score. */
  static MapSource random(long seed) {
    return new MapSource() {
      @Override
      public String id() {
        return RANDOM;
      }

      @Override
      public float[][][] maps(Network net, float[] inputs, int n, int target, boolean[][][] truth) {
        int[] s = net.inputShape();
        SplittableRandom rng = new SplittableRandom(seed * 31 + target);
        float[][][] out = new float[n][s[1]][s[2]];
        for (float[][] m : out) for (float[] row : m) for (int x = 0; x < row.length; x++) row[x] = rng.nextFloat();
        return out;
      }
    };
  }

  /**
   * The energy reference map of {@link ReferenceMaps#energy} (the one definition: the channel mean,
   * min-max scaled), what the spectrogram alone marks, whatever the class.
   */
  static MapSource energy() {
    return new MapSource() {
      @Override
      public String id() {
        return ENERGY;
      }

      @Override
      public float[][][] maps(Network net, float[] inputs, int n, int target, boolean[][][] truth) {
        int[] s = net.inputShape();
        float[][] flat = ReferenceMaps.energy(net, inputs, n);
        float[][][] out = new float[n][s[1]][s[2]];
        for (int i = 0; i < n; i++) for (int y = 0; y < s[1]; y++) System.arraycopy(flat[i], y * s[2], out[i][y], 0, s[2]);
        return out;
      }
    };
  }
}

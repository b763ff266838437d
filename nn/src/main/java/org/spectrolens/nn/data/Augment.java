package org.spectrolens.nn.data;

import java.util.SplittableRandom;

/**
 * Spectrogram augmentation that keeps the frequency axis meaningful: time masking and frequency
 * masking (SpecAugment-style bands set to the item's mean) and small time shifts (vacated
 * columns take the item's minimum, its floor). Frequency shifts are off by default because a
 * row is a frequency: moving it changes what the sound is.
 *
 * @param timeMask widest time mask in columns (0 = none)
 * @param freqMask widest frequency mask in rows (0 = none)
 * @param timeShift largest time shift in columns, either way (0 = none)
 * @param freqShift largest frequency shift in rows, either way (0 = none, the default)
 * @param warp vocal-tract-length perturbation applied first (null = none): unlike a shift of rows,
 *     it scales every formant by one factor, as another talker's vocal tract would
 * @param noise noise mixed in (null = none), after the warp: another room's background
 * @param eq a random equalisation (null = none), after the noise: another microphone or line
 *     colours the room's noise too
 * @param gain a random gain (null = none), last: the recording's level
 */
public record Augment(int timeMask, int freqMask, int timeShift, int freqShift, VocalTractWarp warp, NoiseMixing noise,
    RandomEqualisation eq, RandomGain gain) {
  public static final Augment NONE = new Augment(0, 0, 0, 0, null, null, null, null);

  /** Defaults for an H x W input: masks up to 1/8 of each axis, shifts up to 1/16 of the width. */
  public static Augment defaults(int height, int width) {
    return new Augment(Math.max(1, width / 8), Math.max(1, height / 8), Math.max(1, width / 16), 0, null, null, null, null);
  }

  /** This augmentation with a vocal-tract-length perturbation first. */
  public Augment withWarp(VocalTractWarp w) {
    return new Augment(timeMask, freqMask, timeShift, freqShift, w, noise, eq, gain);
  }

  /** This augmentation with noise mixed in after any warp. */
  public Augment withNoise(NoiseMixing n) {
    return new Augment(timeMask, freqMask, timeShift, freqShift, warp, n, eq, gain);
  }

  /** This augmentation with a random equalisation after any warp and noise. */
  public Augment withEq(RandomEqualisation e) {
    return new Augment(timeMask, freqMask, timeShift, freqShift, warp, noise, e, gain);
  }

  /** This augmentation with a random gain after any warp, noise and equalisation. */
  public Augment withGain(RandomGain l) {
    return new Augment(timeMask, freqMask, timeShift, freqShift, warp, noise, eq, l);
  }

  public boolean enabled() {
    return timeMask > 0 || freqMask > 0 || timeShift > 0 || freqShift > 0 || warp != null || noise != null || eq != null || gain != null;
  }

  /** Augments a [H][W] grid (flat, row-major) in place with the given generator. */
  public void apply(float[] g, int h, int w, SplittableRandom r) {
    if (warp != null) warp.apply(g, h, w, r);
    if (noise != null) noise.apply(g, h, w, r);
    if (eq != null) eq.apply(g, h, w, r);
    if (gain != null) gain.apply(g, r);
    float min = Float.POSITIVE_INFINITY;
    double sum = 0;
    for (float v : g) {
      min = Math.min(min, v);
      sum += v;
    }
    float mean = (float) (sum / g.length);
    if (timeShift > 0) shiftColumns(g, h, w, r.nextInt(-timeShift, timeShift + 1), min);
    if (freqShift > 0) shiftRows(g, h, w, r.nextInt(-freqShift, freqShift + 1), min);
    if (timeMask > 0) {
      int width = r.nextInt(0, timeMask + 1);
      int start = r.nextInt(0, w - width + 1);
      for (int y = 0; y < h; y++) for (int x = start; x < start + width; x++) g[y * w + x] = mean;
    }
    if (freqMask > 0) {
      int height = r.nextInt(0, freqMask + 1);
      int start = r.nextInt(0, h - height + 1);
      for (int y = start; y < start + height; y++) for (int x = 0; x < w; x++) g[y * w + x] = mean;
    }
  }

  static void shiftColumns(float[] g, int h, int w, int s, float fill) {
    if (s == 0) return;
    float[] row = new float[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int src = x - s;
        row[x] = src >= 0 && src < w ? g[y * w + src] : fill;
      }
      System.arraycopy(row, 0, g, y * w, w);
    }
  }

  static void shiftRows(float[] g, int h, int w, int s, float fill) {
    if (s == 0) return;
    float[] copy = g.clone();
    for (int y = 0; y < h; y++) {
      int src = y - s;
      for (int x = 0; x < w; x++) g[y * w + x] = src >= 0 && src < h ? copy[src * w + x] : fill;
    }
  }
}

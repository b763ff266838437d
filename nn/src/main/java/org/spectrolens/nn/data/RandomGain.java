package org.spectrolens.nn.data;

import java.util.SplittableRandom;

/**
 * Random gain: each training item's every cell moves by one level drawn from U(-maxDb, maxDb), as
 * a recording made nearer or further from the microphone, or at another input gain, would. The
 * grids hold dB re a fixed reference, so a recording's level is part of a model's input; a corpus
 * made at one level (every built-in utterance's stressed vowels near -20 dBFS) teaches level as a
 * cue, and a model trained on it swaps whole classes when a recording is 10 dB louder (docs/synth.md,
 * "What the models read"). Random equalisation moves the level too, but by little: the mean of its
 * six independent knots has an SD of {@code maxDb / sqrt(18)}.
 *
 * <p>The grid holds normalised dB, {@code (dB - mean) / std}: a gain of {@code G} dB adds
 * {@code G / std}.
 *
 * @param maxDb largest gain either way (dB)
 * @param std the grid's normalisation: dB per unit of the values
 */
public record RandomGain(double maxDb, double std) {
  public RandomGain {
    if (!(maxDb > 0 && maxDb <= 40)) throw new IllegalArgumentException("gain must be in (0, 40] dB, found " + maxDb);
    if (!(std > 0)) throw new IllegalArgumentException("std must be positive, found " + std);
  }

  /** Draws a gain and adds it to every cell of the grid (flat) in place; returns the gain (dB). */
  public double apply(float[] g, SplittableRandom r) {
    double db = maxDb * (2 * r.nextDouble() - 1);
    float add = (float) (db / std);
    for (int i = 0; i < g.length; i++) g[i] += add;
    return db;
  }
}

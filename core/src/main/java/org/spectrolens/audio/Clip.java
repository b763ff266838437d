package org.spectrolens.audio;

import java.util.Objects;

/**
 * Mono audio: float samples (nominally in [-1, 1]) at a sample rate, with the file it came from
 * and where in that file it starts, so that times computed on the clip map back to the file.
 *
 * @param samples the samples; shared, not copied: do not modify
 * @param sampleRate samples per second
 * @param source the file (or a description) it came from, used in messages
 * @param offsetSeconds the time in the source file of sample 0
 */
public record Clip(float[] samples, int sampleRate, String source, double offsetSeconds) {
  public Clip {
    Objects.requireNonNull(samples, "samples");
    if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
  }

  public Clip(float[] samples, int sampleRate) {
    this(samples, sampleRate, "<memory>", 0.0);
  }

  public double durationSeconds() {
    return samples.length / (double) sampleRate;
  }

  /** Samples from {@code fromSeconds} to {@code toSeconds} (clip time), clamped to the clip. */
  public Clip slice(double fromSeconds, double toSeconds) {
    int a = (int) Math.max(0, Math.round(fromSeconds * sampleRate));
    int b = (int) Math.min(samples.length, Math.round(toSeconds * sampleRate));
    if (b < a) b = a;
    float[] out = java.util.Arrays.copyOfRange(samples, a, b);
    return new Clip(out, sampleRate, source, offsetSeconds + a / (double) sampleRate);
  }
}

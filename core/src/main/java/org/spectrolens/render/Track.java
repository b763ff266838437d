package org.spectrolens.render;

import java.util.Objects;

/**
 * A line drawn over a plot in Hz and seconds: a formant or F0 track (NaN Hz breaks the line, as in
 * unvoiced frames), or a constant reference frequency such as a vowel's mean F1.
 *
 * @param label text at the line's right end (empty for none)
 * @param seconds times of the points, ascending
 * @param hz frequency of each point; NaN for none
 * @param rgb colour {@code 0xRRGGBB}
 * @param dashed draw dashed (reference lines) rather than solid (measured tracks)
 */
public record Track(String label, double[] seconds, double[] hz, int rgb, boolean dashed) {

  public Track {
    Objects.requireNonNull(seconds, "seconds");
    Objects.requireNonNull(hz, "hz");
    if (seconds.length != hz.length) {
      throw new IllegalArgumentException(seconds.length + " times but " + hz.length + " frequencies");
    }
    label = label == null ? "" : label;
    seconds = seconds.clone();
    hz = hz.clone();
  }

  /** A measured track, solid white. */
  public static Track of(String label, double[] seconds, double[] hz) {
    return new Track(label, seconds, hz, 0xFFFFFF, false);
  }

  /** A dashed horizontal line at {@code hz} across [fromSeconds, toSeconds]. */
  public static Track constant(String label, double hz, double fromSeconds, double toSeconds) {
    return new Track(label, new double[] {fromSeconds, toSeconds}, new double[] {hz, hz}, 0xFFFFFF, true);
  }

  public Track withColor(int rgb) {
    return new Track(label, seconds, hz, rgb, dashed);
  }

  @Override
  public double[] seconds() {
    return seconds.clone();
  }

  @Override
  public double[] hz() {
    return hz.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Track t && t.label.equals(label) && java.util.Arrays.equals(t.seconds, seconds)
        && java.util.Arrays.equals(t.hz, hz) && t.rgb == rgb && t.dashed == dashed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, java.util.Arrays.hashCode(seconds), java.util.Arrays.hashCode(hz), rgb, dashed);
  }

  @Override
  public String toString() {
    return "Track[" + label + ", " + hz.length + " points]";
  }
}

package org.spectrolens.acoustics;

import java.util.Locale;

/**
 * Tracks as CSV text: a header, then one line per frame; time in seconds (6 decimals, frame
 * centres from the clip's first sample), Hz with 2 decimals, an empty cell where a value is
 * undefined (a missing formant, an unvoiced frame).
 */
public final class TrackTables {
  private TrackTables() {}

  /** {@code time,f1,...,fN} with N = the track's formant slots. */
  public static String formants(FormantTrack track) {
    StringBuilder s = new StringBuilder("time");
    for (int k = 1; k <= track.maxFormants(); k++) s.append(",f").append(k);
    s.append('\n');
    for (int i = 0; i < track.frameCount(); i++) {
      s.append(String.format(Locale.ROOT, "%.6f", track.time(i)));
      for (int k = 1; k <= track.maxFormants(); k++) s.append(',').append(hz(track.frequency(i, k)));
      s.append('\n');
    }
    return s.toString();
  }

  /** {@code time,f0}. */
  public static String pitch(PitchTrack track) {
    StringBuilder s = new StringBuilder("time,f0\n");
    for (int i = 0; i < track.frameCount(); i++) {
      s.append(String.format(Locale.ROOT, "%.6f,%s%n", track.time(i), hz(track.f0(i))));
    }
    return s.toString();
  }

  private static String hz(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
  }
}

package org.spectrolens.explain;

import java.util.ArrayList;
import java.util.List;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * The input grid's axes, so a map on that grid is read in Hz and seconds: row r is centred at
 * {@code frequencies.hz(r)}, column t at {@code times.seconds(t)}. The axes come from the dataset
 * the model was trained on (crop, resize and mel warping included), so nothing between the
 * spectrogram and the map is lost. A layer's low-resolution map covers the same extent: its axes
 * are these resized to its size ({@link #resize}).
 *
 * @param frequencies Hz of every row
 * @param times seconds of every column; null when the input's time position is unknown (columns
 *     are then reported by index)
 */
public record MapAxes(FrequencyAxis frequencies, TimeAxis times) {

  /** The same extent divided into {@code rows} x {@code columns} cells (half-pixel centres). */
  public MapAxes resize(int rows, int columns) {
    return new MapAxes(frequencies.resize(rows), times == null ? null : times.resize(columns));
  }

  /** Importance of each row: the mean over columns. */
  public static double[] rowProfile(float[][] map) {
    double[] out = new double[map.length];
    for (int r = 0; r < map.length; r++) {
      double s = 0;
      for (float v : map[r]) s += v;
      out[r] = s / map[r].length;
    }
    return out;
  }

  /** Importance of each column: the mean over rows. */
  public static double[] columnProfile(float[][] map) {
    double[] out = new double[map[0].length];
    for (float[] row : map) for (int t = 0; t < row.length; t++) out[t] += row[t];
    for (int t = 0; t < out.length; t++) out[t] /= map.length;
    return out;
  }

  /** One band of a profile: its edges and the mean importance of the cells whose centres lie in it. */
  public record Band(double from, double to, double importance, int cells) {}

  /**
   * Mean importance per frequency band of {@code bandHz} from 0 Hz up to the top row's upper
   * edge; a band holding no row centre is left out.
   */
  public List<Band> frequencyBands(float[][] map, double bandHz) {
    double[] hz = frequencies.hz();
    double top = frequencies.upperEdgeHz(hz.length - 1);
    return bands(rowProfile(map), hz, bandHz, top);
  }

  /** Mean importance per time span of {@code spanSeconds} (null without a time axis). */
  public List<Band> timeSpans(float[][] map, double spanSeconds) {
    if (times == null) return null;
    double[] s = times.seconds();
    double lo = times.seconds(-0.5);
    double hi = times.seconds(s.length - 0.5);
    List<Band> out = new ArrayList<>();
    double[] prof = columnProfile(map);
    for (double from = Math.floor(lo / spanSeconds) * spanSeconds; from < hi; from += spanSeconds) {
      double sum = 0;
      int n = 0;
      for (int t = 0; t < s.length; t++) {
        if (s[t] >= from && s[t] < from + spanSeconds) {
          sum += prof[t];
          n++;
        }
      }
      if (n > 0) out.add(new Band(from, from + spanSeconds, sum / n, n));
    }
    return out;
  }

  /** Mean importance of the cells whose centres lie in [loHz, hiHz) x [fromSeconds, toSeconds). */
  public double importance(float[][] map, double loHz, double hiHz, double fromSeconds, double toSeconds) {
    double sum = 0;
    int n = 0;
    for (int r = 0; r < map.length; r++) {
      double f = frequencies.hz(r);
      if (f < loHz || f >= hiHz) continue;
      for (int t = 0; t < map[r].length; t++) {
        double s = times == null ? t : times.seconds(t);
        if (s < fromSeconds || s >= toSeconds) continue;
        sum += map[r][t];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static List<Band> bands(double[] profile, double[] centres, double width, double top) {
    List<Band> out = new ArrayList<>();
    for (double from = 0; from < top; from += width) {
      double sum = 0;
      int n = 0;
      for (int r = 0; r < centres.length; r++) {
        if (centres[r] >= from && centres[r] < from + width) {
          sum += profile[r];
          n++;
        }
      }
      if (n > 0) out.add(new Band(from, from + width, sum / n, n));
    }
    return out;
  }
}

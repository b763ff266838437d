package org.spectrolens.render;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * A rendered plot and where things are in it, so callers (tests, overlays, an HTML report with
 * hover read-outs) can go from Hz and seconds to pixels and back.
 *
 * @param image the whole figure (opaque RGB)
 * @param plot the data area: exactly the pixels coloured from the grid (the frame is drawn outside it)
 * @param frequencies the rows' axis (row 0 at the bottom of {@code plot})
 * @param times the columns' axis
 * @param frequencyTicks ticks of the vertical axis (value in Hz, or a row index for coefficient grids)
 * @param timeTicks ticks of the time axis (value in seconds)
 * @param colorBarTicks ticks of the colour bar (value in data units); empty without a bar
 */
public record Figure(
    BufferedImage image,
    Rectangle plot,
    FrequencyAxis frequencies,
    TimeAxis times,
    List<Tick> frequencyTicks,
    List<Tick> timeTicks,
    List<Tick> colorBarTicks) {

  public Figure {
    frequencyTicks = List.copyOf(frequencyTicks);
    timeTicks = List.copyOf(timeTicks);
    colorBarTicks = List.copyOf(colorBarTicks);
  }

  /**
   * The y pixel (pixel centres at integers) of the fractional row {@code row}: row r covers
   * {@code plot.height / rows} pixels counted up from the bottom edge.
   */
  public double yOfRow(double row) {
    return plot.y + plot.height - (row + 0.5) * plot.height / frequencies.length() - 0.5;
  }

  /** The y pixel where {@code hz} is drawn. */
  public double yOfHz(double hz) {
    return yOfRow(frequencies.row(hz));
  }

  /** The x pixel (pixel centres at integers) of the fractional column {@code column}. */
  public double xOfColumn(double column) {
    return plot.x + (column + 0.5) * plot.width / times.length() - 0.5;
  }

  /** The x pixel where {@code seconds} is drawn. */
  public double xOfSeconds(double seconds) {
    return xOfColumn(times.column(seconds));
  }

  /** The frequency in Hz (a coefficient index on a cepstral axis) drawn at pixel row y (inverse of {@link #yOfHz}). */
  public double hzAt(double y) {
    return frequencies.value((plot.y + plot.height - y - 0.5) * frequencies.length() / plot.height - 0.5);
  }

  /** The time in seconds drawn at pixel column x (inverse of {@link #xOfSeconds}). */
  public double secondsAt(double x) {
    return times.seconds((x + 0.5 - plot.x) * times.length() / plot.width - 0.5);
  }

  /** Writes the image as PNG, atomically. */
  public void writePng(Path file) {
    Png.write(file, image);
  }
}

package org.spectrolens.dataset;

import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * How a front end's grid reaches the input width when it is not resized: the frames are cut or
 * filled, never stretched, so a column stays one frame (what a model trained on fixed-length
 * inputs in Python saw). The rows are kept as they are and must already number the input height.
 * A front end without a fit resizes (half-pixel bilinear).
 *
 * <ul>
 *   <li>{@code crop}: the centred {@code width} frames, as torchvision's {@code center_crop(x, [H, W])}:
 *       from column {@code round((T - W) / 2)} (Python's round, half to even); a shorter grid is
 *       filled with {@code value} on both sides, {@code (W - T) // 2} before and the rest after.
 *   <li>{@code pad}: the first {@code width} frames, filled after the last with {@code value} when
 *       shorter: {@code torch.nn.functional.pad(x[..., :W], (0, W - T'), value=value)}.
 * </ul>
 *
 * @param mode crop or pad
 * @param value what fills missing frames, in the grid's units before normalisation (dB for a dB front end)
 */
public record Fit(String mode, double value) {
  public static final String CROP = "crop";
  public static final String PAD = "pad";

  public Fit {
    if (!CROP.equals(mode) && !PAD.equals(mode)) {
      throw SpectrolensException.ofParameter("fit", "expected crop or pad (or no fit, to resize), found '" + mode + "'");
    }
    if (!Double.isFinite(value)) throw SpectrolensException.ofParameter("fit", "the fill value must be finite, found " + value);
  }

  /** {@code g} brought to {@code width} columns; its rows must number {@code height}. */
  public Spectrogram apply(Spectrogram g, int height, int width) {
    if (g.rows() != height) {
      throw SpectrolensException.ofParameter("fit", "a " + mode + " fit keeps the front end's " + g.rows() + " rows, but the input has "
          + height + " (declare the height the front end gives, or resize)");
    }
    int t = g.columns();
    if (mode.equals(PAD)) return t >= width ? g.cropColumns(0, width) : g.padColumns(0, width - t, (float) value);
    if (t >= width) {
      int from = (int) Math.rint((t - width) / 2.0);
      return g.cropColumns(from, from + width);
    }
    int before = (width - t) / 2;
    return g.padColumns(before, width - t - before, (float) value);
  }
}

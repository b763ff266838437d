package org.spectrolens.segment;

import java.nio.file.Path;
import org.spectrolens.render.OverlayImage;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * A label map drawn over its spectrogram ({@link OverlayImage}: grey spectrogram, regions in jet
 * at opacity 0.5, background uncovered). Neighbouring labels get distant colours: region {@code l}
 * is drawn at {@code frac(l * 0.618...)} of the colour map (the golden-ratio sequence), so the
 * colours say which cells belong together, not an order; there is no colour bar.
 */
public final class LabelFigure {
  private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

  private LabelFigure() {}

  /** The colour value of every cell: NaN for background. */
  public static float[][] colours(LabelGrid m) {
    float[][] out = new float[m.rows()][m.columns()];
    for (int r = 0; r < out.length; r++) {
      for (int c = 0; c < out[r].length; c++) {
        int l = m.labels()[r][c];
        out[r][c] = l == 0 ? Float.NaN : (float) ((l * GOLDEN) % 1.0);
      }
    }
    return out;
  }

  /** Writes the overlay PNG (atomically). */
  public static void write(Spectrogram s, LabelGrid m, String title, Path png) {
    OverlayImage o = OverlayImage.defaults();
    o.withBase(o.base().withColorBar(false).withTitle(title)).write(s, colours(m), png);
  }
}

package org.spectrolens.render;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Several pictures in a grid under one title, each with a caption above it: the side-by-side
 * comparison of explanation methods on one input (as in the thesis figures). Cells are as large
 * as the largest panel; a smaller panel is centred in its cell.
 *
 * @param title common title at the top; null or empty for none
 * @param columns panels per row; 0 chooses (all in one row up to 4, otherwise rows of at most 4)
 * @param fontSize caption size in pixels (the title is 1.3 times larger, bold)
 */
public record PanelFigure(String title, int columns, float fontSize) {

  /** One picture and its caption (e.g. the method id). */
  public record Panel(BufferedImage image, String caption) {
    public Panel {
      Objects.requireNonNull(image, "image");
      caption = caption == null ? "" : caption;
    }

    public static Panel of(Figure figure, String caption) {
      return new Panel(figure.image(), caption);
    }
  }

  public PanelFigure {
    if (columns < 0) throw new IllegalArgumentException("columns must be >= 0: " + columns);
    if (!(fontSize > 0)) throw new IllegalArgumentException("font size must be positive: " + fontSize);
  }

  public static PanelFigure defaults() {
    return new PanelFigure(null, 0, 14f);
  }

  public PanelFigure withTitle(String text) {
    return new PanelFigure(text, columns, fontSize);
  }

  public PanelFigure withColumns(int n) {
    return new PanelFigure(title, n, fontSize);
  }

  public PanelFigure withFontSize(float px) {
    return new PanelFigure(title, columns, px);
  }

  /** Panels per row for {@code count} panels. */
  public int columnsFor(int count) {
    if (columns > 0) return Math.min(columns, count);
    if (count <= 4) return count;
    int rows = (count + 3) / 4;
    return (count + rows - 1) / rows;
  }

  public BufferedImage render(List<Panel> panels) {
    if (panels.isEmpty()) throw new IllegalArgumentException("a panel figure needs at least one panel");
    int n = panels.size();
    int cols = columnsFor(n);
    int rows = (n + cols - 1) / cols;
    int cellW = 0;
    int cellH = 0;
    boolean captions = false;
    for (Panel p : panels) {
      cellW = Math.max(cellW, p.image().getWidth());
      cellH = Math.max(cellH, p.image().getHeight());
      captions |= !p.caption().isEmpty();
    }
    Font captionFont = Canvas.font(fontSize, false);
    Font titleFont = Canvas.font(fontSize * 1.3f, true);
    FontMetrics cfm = Canvas.metrics(captionFont);
    FontMetrics tfm = Canvas.metrics(titleFont);
    int outer = Math.round(fontSize);
    int gapX = Math.round(fontSize);
    int gapY = Math.round(fontSize * 0.8f);
    int captionH = captions ? cfm.getAscent() + cfm.getDescent() + Math.round(fontSize * 0.3f) : 0;
    boolean titled = title != null && !title.isEmpty();
    int titleH = titled ? tfm.getAscent() + tfm.getDescent() + Math.round(fontSize * 0.6f) : 0;
    int width = 2 * outer + cols * cellW + (cols - 1) * gapX;
    int height = 2 * outer + titleH + rows * (captionH + cellH) + (rows - 1) * gapY;

    BufferedImage img = Canvas.blank(width, height);
    Graphics2D g = Canvas.graphics(img);
    g.setColor(Canvas.INK);
    if (titled) {
      String t = Canvas.fit(titleFont, title, width - 2.0 * outer);
      g.setFont(titleFont);
      Canvas.text(g, t, (width - Canvas.width(titleFont, t)) / 2, outer + tfm.getAscent());
    }
    g.setFont(captionFont);
    for (int i = 0; i < n; i++) {
      Panel p = panels.get(i);
      int x0 = outer + (i % cols) * (cellW + gapX);
      int y0 = outer + titleH + (i / cols) * (captionH + cellH + gapY);
      if (!p.caption().isEmpty()) {
        String c = Canvas.fit(captionFont, p.caption(), cellW);
        Canvas.text(g, c, x0 + (cellW - Canvas.width(captionFont, c)) / 2, y0 + cfm.getAscent());
      }
      g.drawImage(p.image(), x0 + (cellW - p.image().getWidth()) / 2, y0 + captionH, null);
    }
    g.dispose();
    return img;
  }

  /** Renders and writes a PNG (atomically). */
  public BufferedImage write(List<Panel> panels, Path png) {
    BufferedImage img = render(panels);
    Png.write(png, img);
    return img;
  }
}

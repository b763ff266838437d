package org.spectrolens.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Headless Java2D set-up shared by the figures: opaque RGB images on white, anti-aliased text in
 * the logical sans-serif font (DejaVu Sans or whatever fontconfig maps it to), crisp 1-pixel lines.
 */
final class Canvas {
  static {
    // No display on servers; must be set before the first AWT toolkit call.
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
  }

  static final Color INK = new Color(0x26, 0x26, 0x26);
  static final Color BACKGROUND = Color.WHITE;

  private static final BufferedImage SCRATCH = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

  private Canvas() {}

  static Font font(float px, boolean bold) {
    return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(px);
  }

  /** A white image and a graphics context with text anti-aliasing on and shape anti-aliasing off. */
  static BufferedImage blank(int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, width, height);
    g.dispose();
    return img;
  }

  static Graphics2D graphics(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    hints(g);
    return g;
  }

  private static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  static FontMetrics metrics(Font font) {
    synchronized (SCRATCH) {
      Graphics2D g = SCRATCH.createGraphics();
      hints(g);
      FontMetrics fm = g.getFontMetrics(font);
      g.dispose();
      return fm;
    }
  }

  static double width(Font font, String text) {
    return metrics(font).getStringBounds(text, null).getWidth();
  }

  /** Cap-height-ish extent used to centre a line of digits on a tick: ascent minus descent. */
  static double middleOffset(FontMetrics fm) {
    return (fm.getAscent() - fm.getDescent()) / 2.0;
  }

  /** Draws text with its left end at x, baseline at y. */
  static void text(Graphics2D g, String s, double x, double y) {
    g.drawString(s, (float) x, (float) y);
  }

  /** Draws text rotated 90 degrees counter-clockwise (reading upwards), centred on (cx, cy). */
  static void upwards(Graphics2D g, Font font, String s, double cx, double cy) {
    FontMetrics fm = g.getFontMetrics(font);
    double w = fm.getStringBounds(s, g).getWidth();
    AffineTransform old = g.getTransform();
    g.translate(cx, cy);
    g.rotate(-Math.PI / 2);
    g.setFont(font);
    g.drawString(s, (float) (-w / 2), (float) middleOffset(fm));
    g.setTransform(old);
  }

  /** s shortened with an ellipsis so that it fits in maxWidth pixels. */
  static String fit(Font font, String s, double maxWidth) {
    if (width(font, s) <= maxWidth) return s;
    String t = s;
    while (t.length() > 1 && width(font, t + "\u2026") > maxWidth) t = t.substring(0, t.length() - 1);
    return t + "\u2026";
  }
}

package org.spectrolens.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.spectrolens.io.AtomicFiles;

/** PNG output through {@link AtomicFiles}: a figure is either completely written or not there. */
public final class Png {
  private Png() {}

  /** Two images side by side on white ({@code left} then {@code right}, tops aligned), e.g. two charts of one figure. */
  public static BufferedImage beside(BufferedImage left, BufferedImage right) {
    BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth(), Math.max(left.getHeight(), right.getHeight()),
        BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = both.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, both.getWidth(), both.getHeight());
    g.drawImage(left, 0, 0, null);
    g.drawImage(right, left.getWidth(), 0, null);
    g.dispose();
    return both;
  }

  public static void write(Path file, BufferedImage image) {
    AtomicFiles.write(file, out -> {
      if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG encoder available");
    });
  }
}

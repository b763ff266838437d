package org.spectrolens.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.spectrolens.io.AtomicFiles;

/** PNG output through {@link AtomicFiles}: a figure is either completely written or not there. */
public final class Png {
  private Png() {}

  public static void write(Path file, BufferedImage image) {
    AtomicFiles.write(file, out -> {
      if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG encoder available");
    });
  }
}

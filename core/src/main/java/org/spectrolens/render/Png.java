package org.spectrolens.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
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

  /** An image to embed in a page: its bytes and their media type. */
  public record Embedded(byte[] bytes, String mediaType) {}

  /**
   * A figure for embedding, no wider than {@code maxWidth} pixels: the PNG as it is when already
   * narrow enough (or not decodable), else the image scaled down, aspect kept, by successive
   * halvings with bilinear interpolation (a smooth reduction without the aliasing of one large
   * step), as a JPEG of quality {@code 0.85}: scaling turns flat colour fields into gradients, which
   * PNG compresses worse than the large original (measured on a 1400 px panel figure: 830 kB as PNG, 230 kB as JPEG).
   */
  public static Embedded forPage(byte[] png, int maxWidth) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    if (img == null || img.getWidth() <= maxWidth) return new Embedded(png, "image/png");
    int targetH = Math.max(1, (int) Math.round(img.getHeight() * (double) maxWidth / img.getWidth()));
    BufferedImage cur = img;
    while (cur.getWidth() > maxWidth) {
      int w = Math.max(maxWidth, cur.getWidth() / 2);
      int h = w == maxWidth ? targetH : Math.max(1, cur.getHeight() / 2);
      BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = next.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(cur, 0, 0, w, h, java.awt.Color.WHITE, null);
      g.dispose();
      cur = next;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.85f);
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(cur, null, null), param);
    } finally {
      writer.dispose();
    }
    return new Embedded(out.toByteArray(), "image/jpeg");
  }
}

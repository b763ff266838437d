package org.spectrolens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelFigureTest {
  private static BufferedImage solid(int argb, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(argb));
    g.fillRect(0, 0, w, h);
    g.dispose();
    return img;
  }

  @Test
  void columnsChosenForTheCount() {
    PanelFigure f = PanelFigure.defaults();
    int[] expected = {0, 1, 2, 3, 4, 3, 3, 4, 4, 3, 4, 4, 4};
    for (int n = 1; n <= 12; n++) assertEquals(expected[n], f.columnsFor(n), "n=" + n);
    assertEquals(2, f.withColumns(2).columnsFor(7));
  }

  @Test
  void panelsLaidOutInRowsWithEveryPixelKept() {
    int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF};
    List<PanelFigure.Panel> panels = new ArrayList<>();
    for (int i = 0; i < colours.length; i++) {
      panels.add(new PanelFigure.Panel(solid(colours[i], 100, 50), "method " + i));
    }
    BufferedImage img = PanelFigure.defaults().withTitle("Five methods").render(panels);
    Point[] corner = new Point[colours.length];
    for (int i = 0; i < colours.length; i++) {
      int count = 0;
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          if ((img.getRGB(x, y) & 0xFFFFFF) == colours[i]) {
            if (count++ == 0) corner[i] = new Point(x, y);
          }
        }
      }
      assertEquals(100 * 50, count, "panel " + i + " drawn whole");
    }
    // 5 panels: rows of 3 and 2
    assertEquals(corner[0].y, corner[1].y);
    assertEquals(corner[0].y, corner[2].y);
    assertTrue(corner[1].x >= corner[0].x + 100 && corner[2].x >= corner[1].x + 100);
    assertEquals(corner[0].x, corner[3].x);
    assertTrue(corner[3].y >= corner[0].y + 50);
    assertTrue(corner[0].y > 15, "title and caption above the first row");
  }

  @Test
  void noPanels() {
    assertThrows(IllegalArgumentException.class, () -> PanelFigure.defaults().render(List.of()));
  }
}

package org.spectrolens.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColorMapTest {
  private static String hex(int argb) {
    return String.format("#%06x", argb & 0xFFFFFF);
  }

  @Test
  void viridisMatchesMatplotlib() {
    // matplotlib.colors.to_hex(cm.viridis(x)) for x = 0, 0.5, 1
    assertEquals("#440154", hex(ColorMap.VIRIDIS.rgb(0)));
    assertEquals("#21918c", hex(ColorMap.VIRIDIS.rgb(0.5)));
    assertEquals("#fde725", hex(ColorMap.VIRIDIS.rgb(1)));
  }

  @Test
  void magmaAndInfernoMatchMatplotlib() {
    assertEquals("#000004", hex(ColorMap.MAGMA.rgb(0)));
    assertEquals("#b73779", hex(ColorMap.MAGMA.rgb(0.5)));
    assertEquals("#fcfdbf", hex(ColorMap.MAGMA.rgb(1)));
    assertEquals("#000004", hex(ColorMap.INFERNO.rgb(0)));
    assertEquals("#fcffa4", hex(ColorMap.INFERNO.rgb(1)));
  }

  @Test
  void jetFollowsTheSegmentDefinition() {
    assertEquals("#000080", hex(ColorMap.JET.rgb(0)));
    assertEquals("#800000", hex(ColorMap.JET.rgb(1)));
    // t = 0.5 selects entry 128, sampled at x = 128/255: red rises 0.35..0.66, green is 1, blue falls 0.34..0.65
    double x = 128 / 255.0;
    int r = (int) Math.round((x - 0.35) / 0.31 * 255);
    int b = (int) Math.round((1 - (x - 0.34) / 0.31) * 255);
    assertEquals(0xFF000000 | (r << 16) | (255 << 8) | b, ColorMap.JET.rgb(0.5));
    // t = 0.75 selects entry 192: red 1, green falls 0.64..0.91, blue 0
    double x2 = 192 / 255.0;
    int g2 = (int) Math.round((1 - (x2 - 0.64) / 0.27) * 255);
    assertEquals(0xFFFF0000 | (g2 << 8), ColorMap.JET.rgb(0.75));
  }

  @Test
  void greyIsLinear() {
    assertEquals("#000000", hex(ColorMap.GREY.rgb(0)));
    assertEquals("#808080", hex(ColorMap.GREY.rgb(0.5)));
    assertEquals("#ffffff", hex(ColorMap.GREY.rgb(1)));
  }

  @Test
  void clampsAndNan() {
    for (ColorMap m : ColorMap.values()) {
      assertEquals(m.rgb(0), m.rgb(-3));
      assertEquals(m.rgb(1), m.rgb(7));
      assertEquals(0xFF, m.rgb(0.3) >>> 24, "opaque");
      assertEquals(ColorMap.NAN_ARGB, m.rgb(Double.NaN));
      assertEquals(256, m.table().length);
    }
    assertEquals(ColorMap.VIRIDIS.rgb(0.25), ColorMap.VIRIDIS.rgb(-70, -80, -40));
    assertEquals(ColorMap.VIRIDIS.rgb(0), ColorMap.VIRIDIS.rgb(5, 5, 5));
  }

  @Test
  void ids() {
    assertEquals(ColorMap.GREY, ColorMap.fromId("gray"));
    assertEquals(ColorMap.MAGMA, ColorMap.fromId("Magma"));
    assertThrows(IllegalArgumentException.class, () -> ColorMap.fromId("rainbow"));
  }
}

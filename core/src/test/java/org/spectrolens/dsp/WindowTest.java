package org.spectrolens.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WindowTest {
  @Test
  void periodicHannOfEightPointsIsTorchsHannWindow() {
    // torch.hann_window(8) = 0.5 - 0.5 cos(2 pi n / 8)
    double a = (1 - Math.sqrt(0.5)) / 2;
    double b = (1 + Math.sqrt(0.5)) / 2;
    assertArrayEquals(new double[] {0, a, 0.5, b, 1, b, 0.5, a}, Window.HANN.periodic(8), 1e-15);
    assertEquals(8 / 2.0, Window.sum(Window.HANN.periodic(8)), 1e-12);
    assertEquals(401 / 2.0, Window.sum(Window.HANN.periodic(401)), 1e-9);
  }

  @Test
  void hammingAndBlackmanEndpointsAndPeaks() {
    double[] h = Window.HAMMING.periodic(10);
    assertEquals(0.08, h[0], 1e-15);
    assertEquals(1.0, h[5], 1e-15);
    double[] bl = Window.BLACKMAN.periodic(10);
    assertEquals(0.0, bl[0], 1e-15);
    assertEquals(1.0, bl[5], 1e-15);
    assertArrayEquals(new double[] {1, 1, 1}, Window.RECTANGULAR.periodic(3));
    assertArrayEquals(new double[] {1}, Window.HANN.periodic(1));
  }

  @Test
  void shortWindowIsCentredInTheFrameAsTorchStftDoes() {
    double[] w = Window.HANN.framed(4, 9); // left pad (9 - 4) / 2 = 2
    double[] p = Window.HANN.periodic(4);
    assertArrayEquals(new double[] {0, 0, p[0], p[1], p[2], p[3], 0, 0, 0}, w, 0);
  }

  @Test
  void reflectPaddingMirrorsWithoutTheEdgeSample() {
    float[] x = {1, 2, 3, 4};
    assertArrayEquals(new double[] {3, 2, 1, 2, 3, 4, 3, 2}, Padding.REFLECT.apply(x, 2), 0);
    assertArrayEquals(new double[] {0, 0, 1, 2, 3, 4, 0, 0}, Padding.CONSTANT.apply(x, 2), 0);
    // longer than the signal: numpy's repeated reflection
    assertArrayEquals(new double[] {3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2}, Padding.REFLECT.apply(x, 4), 0);
  }
}

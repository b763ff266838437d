package org.spectrolens.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecibelsTest {
  @Test
  void powerAndMagnitudeMultipliers() {
    float[][] x = {{100f, 1f, 0.01f}};
    float[][] p = Decibels.fromPower(x, 1.0, Decibels.AMIN, Double.NaN);
    assertEquals(20.0, p[0][0], 1e-5);
    assertEquals(0.0, p[0][1], 1e-6);
    assertEquals(-20.0, p[0][2], 1e-5);
    float[][] m = Decibels.fromMagnitude(x, 1.0, Decibels.AMIN, Double.NaN);
    assertEquals(40.0, m[0][0], 1e-5);
    assertEquals(-40.0, m[0][2], 1e-5);
  }

  @Test
  void aminFloorsSilenceAt100DbForPowerAnd200ForMagnitude() {
    float[][] zero = {{0f, 0f}};
    assertEquals(-100.0, Decibels.fromPower(zero, 1.0, 1e-10, Double.NaN)[0][0], 1e-4);
    assertEquals(-200.0, Decibels.fromMagnitude(zero, 1.0, 1e-10, Double.NaN)[0][1], 1e-4);
  }

  @Test
  void refShiftsAndTopDbClipsBelowTheGridMaximum() {
    float[][] x = {{1f, 1e-3f}, {1e-9f, 10f}};
    float[][] d = Decibels.fromPower(x, 10.0, 1e-10, 40.0);
    assertEquals(-10.0, d[0][0], 1e-5);
    assertEquals(-40.0, d[0][1], 1e-4);
    assertEquals(0.0 - 40.0, d[1][0], 1e-5); // -100 dB raised to max (0) - 40
    assertEquals(0.0, d[1][1], 1e-5);
    // without top_db the -100 dB cell stays
    assertEquals(-100.0, Decibels.fromPower(x, 10.0, 1e-10, Double.NaN)[1][0], 1e-4);
  }
}

package org.spectrolens.acoustics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;

class VowelMeasurementTest {
  private static final int RATE = 11000;
  private static final double[][] AH = {{756, 70}, {1309, 90}, {2535, 120}, {3684, 200}, {4500, 250}};

  /** Silence, a vowel of the given length at 120 Hz, silence; returns the clip. */
  private static Clip sentence(double vowelSeconds) {
    double[] source = Signals.tilt(Signals.pulseTrain(RATE, vowelSeconds, 120), RATE, 50.0);
    double[] vowel = Signals.vowel(source, RATE, AH);
    double[] x = Signals.concat(new double[RATE / 5], vowel, new double[RATE / 5]);
    return new Clip(Signals.normalise(x, 0.5), RATE, "sentence.wav", 3.0);
  }

  @Test
  void steadyVowelGivesItsFormantsAndF0() {
    Clip clip = sentence(0.25);
    VowelMeasurement.Result r = VowelMeasurement.measure(clip, 0.2, 0.45, 5500);
    System.out.printf("vowel /a/ (756, 1309, 2535 Hz, F0 120): measured %.1f %.1f %.1f Hz, F0 %.2f Hz%n",
        r.f1(), r.f2(), r.f3(), r.f0());
    assertEquals(756, r.f1(), 0.03 * 756);
    assertEquals(1309, r.f2(), 0.03 * 1309);
    assertEquals(2535, r.f3(), 0.03 * 2535);
    assertEquals(120, r.f0(), 1.2);
  }

  @Test
  void shortVowelStillMeasured() {
    Clip clip = sentence(0.06);
    VowelMeasurement.Result r = VowelMeasurement.measure(clip, 0.2, 0.26, 5500);
    assertEquals(756, r.f1(), 0.05 * 756);
    assertEquals(1309, r.f2(), 0.05 * 1309);
    assertEquals(120, r.f0(), 2.4);
  }

  @Test
  void silenceGivesNoValues() {
    Clip clip = new Clip(new float[RATE], RATE, "quiet.wav", 0.0);
    VowelMeasurement.Result r = VowelMeasurement.measure(clip, 0.3, 0.6, 5500);
    assertTrue(Double.isNaN(r.f1()) && Double.isNaN(r.f2()) && Double.isNaN(r.f3()) && Double.isNaN(r.f0()));
  }

  @Test
  void rejectsIntervalsOutsideTheClip() {
    Clip clip = sentence(0.25);
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> VowelMeasurement.measure(clip, 0.5, 0.9, 5500));
    assertTrue(e.getMessage().startsWith("sentence.wav: vowel interval"), e.getMessage());
    assertThrows(SpectrolensException.class, () -> VowelMeasurement.measure(clip, 0.3, 0.3, 5500));
  }

  @Test
  void otherRatesAreResampled() {
    int rate = 22050;
    double[] source = Signals.tilt(Signals.pulseTrain(rate, 0.25, 120), rate, 50.0);
    double[] vowel = Signals.vowel(source, rate, AH);
    double[] x = Signals.concat(new double[rate / 5], vowel, new double[rate / 5]);
    Clip clip = new Clip(Signals.normalise(x, 0.5), rate, "wide.wav", 0.0);
    VowelMeasurement.Result r = VowelMeasurement.measure(clip, 0.2, 0.45, 5500);
    System.out.printf("vowel /a/ at 22050 Hz, resampled: %.1f %.1f %.1f Hz, F0 %.2f Hz%n", r.f1(), r.f2(), r.f3(), r.f0());
    assertEquals(756, r.f1(), 0.03 * 756);
    assertEquals(1309, r.f2(), 0.03 * 1309);
    assertEquals(120, r.f0(), 1.2);
  }

  @Test
  void refusesOtherRatesWithoutAConverter() {
    Clip clip = new Clip(new float[16000], 16000, "x.wav", 0.0);
    VowelMeasurement strict = new VowelMeasurement(RateConverter.requireRate());
    assertThrows(SpectrolensException.class, () -> strict.measureInterval(clip, 0.3, 0.6, 5500));
  }
}

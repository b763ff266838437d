package org.spectrolens.acoustics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;

class FormantTrackerTest {
  private static final int RATE = 11000; // 2 x the 5500 Hz ceiling: no resampling involved

  private static Clip vowel(double[][] formants, double f0, double seconds) {
    // A -6 dB/octave source that the tracker's pre-emphasis exactly undoes, so what it models is
    // the pure all-pole filter of the resonators.
    double[] source = Signals.tilt(Signals.pulseTrain(RATE, seconds, f0), RATE, 50.0);
    double[] y = Signals.vowel(source, RATE, formants);
    return new Clip(Signals.normalise(y, 0.5), RATE, "vowel", 0.0);
  }

  @Test
  void allPoleVowelGivesItsResonances() {
    double[][] truth = {{500, 60}, {1500, 90}, {2500, 120}, {3500, 150}, {4500, 200}};
    Clip clip = vowel(truth, 120, 0.5);
    FormantTrack track = FormantTracker.praat(5500, RateConverter.requireRate()).track(clip);
    double[] median = track.median(0.1, 0.4);
    System.out.printf("all-pole vowel (120 Hz pulses): median F1..F5 = %.1f %.1f %.1f %.1f %.1f Hz%n",
        median[0], median[1], median[2], median[3], median[4]);
    for (int k = 0; k < 3; k++) {
      double rel = Math.abs(median[k] - truth[k][0]) / truth[k][0];
      assertTrue(rel < 0.03, "F" + (k + 1) + " " + median[k] + " vs " + truth[k][0]);
    }
  }

  @Test
  void framesAreCentredAsPraatLaysThemOut() {
    Clip clip = vowel(new double[][] {{700, 80}, {1200, 90}}, 130, 0.303);
    FormantTrack track = FormantTracker.praat(5500, RateConverter.requireRate()).track(clip);
    // 1 + floor((0.303 - 0.05) / 0.00625) = 41 frames centred on 0.1515 s
    assertEquals(41, track.frameCount());
    assertEquals(0.1515, 0.5 * (track.time(0) + track.time(40)), 1e-12);
    assertEquals(0.00625, track.time(1) - track.time(0), 1e-12);
  }

  @Test
  void silenceHasNoFormants() {
    Clip clip = new Clip(new float[RATE / 5], RATE, "silence", 0.0);
    FormantTrack track = FormantTracker.praat(5500, RateConverter.requireRate()).track(clip);
    assertTrue(track.frameCount() > 0);
    for (int i = 0; i < track.frameCount(); i++) assertTrue(Double.isNaN(track.frequency(i, 1)));
    assertTrue(Double.isNaN(track.median(0, 1)[0]));
  }

  @Test
  void wrongRateWithoutConverterIsAUserError() {
    Clip clip = new Clip(new float[16000], 16000, "x.wav", 0.0);
    SpectrolensException e = assertThrows(SpectrolensException.class,
        () -> FormantTracker.praat(5500, RateConverter.requireRate()).track(clip));
    assertTrue(e.getMessage().startsWith("x.wav: sample rate is 16000 Hz"), e.getMessage());
  }

  @Test
  void tooShortClipIsAUserError() {
    Clip clip = new Clip(new float[RATE / 100], RATE, "short.wav", 0.0);
    assertThrows(SpectrolensException.class,
        () -> FormantTracker.praat(5500, RateConverter.requireRate()).track(clip));
  }

  @Test
  void interpolatesBetweenFrames() {
    double[] times = {0.0, 0.01, 0.02};
    double[][] f = {{500, 1500}, {600, Double.NaN}, {700, 1700}};
    FormantTrack track = new FormantTrack(times, f, f, 2);
    assertEquals(550.0, track.at(0.005)[0], 1e-9);
    assertEquals(600.0, track.at(1, 0.01), 1e-9);
    assertTrue(Double.isNaN(track.at(2, 0.005)), "no value across a gap");
    assertTrue(Double.isNaN(track.at(0.03)[0]), "nothing outside the frames");
    assertEquals(600.0, track.median(0, 0.02)[0], 1e-9);
    assertEquals(1600.0, track.median(0, 0.02)[1], 1e-9);
  }
}

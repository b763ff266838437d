package org.spectrolens.acoustics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.Clip;

class PitchTrackerTest {
  private static final int RATE = 16000;

  private static Clip clip(double[] x) {
    return new Clip(Signals.normalise(x, 0.5), RATE, "test", 0.0);
  }

  @Test
  void harmonicComplexAt150Hz() {
    PitchTrack track = PitchTracker.praat().track(clip(Signals.harmonics(RATE, 0.605, 150, 150, 20)));
    // 1 + floor((0.605 - 0.04) / 0.01) = 57 frames
    assertEquals(57, track.frameCount());
    double worst = 0;
    for (int i = 0; i < track.frameCount(); i++) {
      assertTrue(track.isVoiced(i), "frame " + i);
      worst = Math.max(worst, Math.abs(track.f0(i) - 150) / 150);
    }
    System.out.printf("harmonic complex 150 Hz: %d/%d frames voiced, worst relative F0 error %.2e%n",
        track.frameCount(), track.frameCount(), worst);
    assertTrue(worst < 0.01, "worst " + worst);
  }

  @Test
  void sweepFrom100To200Hz() {
    double seconds = 1.0;
    PitchTrack track = PitchTracker.praat().track(clip(Signals.harmonics(RATE, seconds, 100, 200, 20)));
    double worst = 0;
    int voiced = 0;
    for (int i = 0; i < track.frameCount(); i++) {
      if (!track.isVoiced(i)) continue;
      voiced++;
      double truth = Signals.glide(100, 200, seconds, track.time(i));
      worst = Math.max(worst, Math.abs(track.f0(i) - truth) / truth);
    }
    System.out.printf("sweep 100->200 Hz: %d/%d frames voiced, worst relative F0 error %.2e%n",
        voiced, track.frameCount(), worst);
    assertEquals(track.frameCount(), voiced);
    assertTrue(worst < 0.01, "worst " + worst);
  }

  @Test
  void pulsedVowelAt120Hz() {
    double[] y = Signals.vowel(Signals.pulseTrain(RATE, 0.5, 120), RATE,
        new double[][] {{500, 60}, {1500, 90}, {2500, 120}});
    PitchTrack track = PitchTracker.praat().track(clip(y));
    assertEquals(120.0, track.median(0, 1), 1.2);
    assertTrue(track.voicedFraction(0, 1) == 1.0);
  }

  @Test
  void noiseIsUnvoiced() {
    PitchTrack track = PitchTracker.praat().track(clip(Signals.whiteNoise(RATE, 1.0, 7)));
    double voiced = track.voicedFraction(0, 1);
    System.out.printf("white noise: voiced fraction %.3f of %d frames%n", voiced, track.frameCount());
    assertTrue(voiced < 0.05, "voiced fraction " + voiced);
  }

  @Test
  void silenceIsUnvoiced() {
    PitchTrack track = PitchTracker.praat().track(new Clip(new float[RATE / 2], RATE));
    assertTrue(track.frameCount() > 0);
    assertEquals(0.0, track.voicedFraction(0, 1));
    assertTrue(Double.isNaN(track.median(0, 1)));
  }

  @Test
  void silenceAroundAToneIsUnvoiced() {
    double[] x = Signals.concat(new double[RATE / 4], Signals.harmonics(RATE, 0.5, 200, 200, 10), new double[RATE / 4]);
    PitchTrack track = PitchTracker.praat().track(clip(x));
    assertEquals(0.0, track.voicedFraction(0, 0.2));
    assertEquals(0.0, track.voicedFraction(0.8, 1.0));
    assertEquals(1.0, track.voicedFraction(0.3, 0.7));
    assertEquals(200.0, track.median(0.3, 0.7), 2.0);
  }

  @Test
  void sincInterpolationReproducesABandLimitedCurve() {
    double[] r = new double[400];
    for (int i = 0; i < r.length; i++) r[i] = Math.cos(2 * Math.PI * 0.03 * i);
    double worst = 0;
    for (double x = 100; x < 300; x += 0.37) {
      worst = Math.max(worst, Math.abs(PitchCandidates.sinc(r, x) - Math.cos(2 * Math.PI * 0.03 * x)));
    }
    assertTrue(worst < 1e-3, "worst " + worst);
    assertEquals(r[7], PitchCandidates.sinc(r, 7.0), 0.0);
    // even extension below lag 0: r(-x) = r(x)
    assertEquals(PitchCandidates.sinc(r, 2.3), PitchCandidates.sinc(r, -2.3), 1e-12);
  }

  @Test
  void tooShortIsAUserError() {
    assertThrows(SpectrolensException.class, () -> PitchTracker.praat().track(new Clip(new float[300], RATE, "s.wav", 0)));
  }
}

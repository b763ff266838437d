package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VoiceQualityTest {
  @Test
  void theTiltFilterIsDownByTiltDbAt3kHzAndFlatAtZero() {
    for (int sr : new int[] {16000, 22050, 48000}) {
      for (double db : new double[] {1, 6, 15, 24}) {
        double a = new VoiceQuality(0.6, 0, db, 0, 0).tiltCoefficient(sr);
        double w = 2 * Math.PI * 3000 / sr;
        // |H(w)| of y[n] = (1 - a) x[n] + a y[n-1]
        double mag = (1 - a) / Math.hypot(1 - a * Math.cos(w), a * Math.sin(w));
        assertEquals(-db, 20 * Math.log10(mag), 1e-9, sr + " Hz, " + db + " dB");
      }
      assertEquals(0, VoiceQuality.of(SpeakerGroup.MEN).tiltCoefficient(sr), 0);
    }
  }

  @Test
  void uniformVoicesAreTheGroupsAndVariedOnesSpreadAroundThem() {
    SplittableRandom rng = new SplittableRandom(4);
    for (SpeakerGroup g : SpeakerGroup.values()) {
      assertEquals(VoiceQuality.of(g), VoiceQuality.Variety.UNIFORM.draw(g, rng));
      int n = 20000;
      double oq = 0;
      double tilt = 0;
      double logJitter = 0;
      for (int i = 0; i < n; i++) {
        VoiceQuality v = VoiceQuality.Variety.VARIED.draw(g, rng);
        assertTrue(v.openQuotient() >= 0.4 && v.openQuotient() <= 0.85 && v.tiltDb() >= 0 && v.tiltDb() <= 15);
        oq += v.openQuotient() / n;
        tilt += v.tiltDb() / n;
        logJitter += Math.log(v.jitter()) / n;
      }
      assertEquals(g.openQuotient, oq, 0.005, g + " mean open quotient");
      assertEquals(7.5, tilt, 0.15, g + " mean tilt");
      assertEquals(0.005, Math.exp(logJitter), 0.0001, g + " geometric mean jitter");
    }
    assertThrows(IllegalArgumentException.class, () -> VoiceQuality.Variety.parse("creaky"));
  }

  @Test
  void aTiltedVoiceHasWeakerHighHarmonicsByAboutItsTilt() {
    SpeakerGroup g = SpeakerGroup.MEN;
    double[] f = {500, 1500, 2500, 3500};
    double[] level = new double[2];
    double[] tilts = {0, 12};
    for (int t = 0; t < 2; t++) {
      VoiceQuality v = new VoiceQuality(g.openQuotient, 0, tilts[t], 0, 0);
      Speaker spk = new Speaker("x", g, 0, 120, 1, VowelSystem.CITATION, Map.of(), v);
      UtterancePlan plan = Planner.isolatedVowel(spk, "AH1", f, 0.4);
      float[] x = FormantSynthesizer.render(plan, Tracks.of(plan), 22050, new SplittableRandom(1));
      // energy near F3 (2.5 kHz) over energy near F1 (0.5 kHz), by Goertzel over the middle of the vowel
      int a = (int) (0.2 * 22050);
      int b = (int) (0.4 * 22050);
      level[t] = 10 * Math.log10(bandPower(x, a, b, 2300, 2700) / bandPower(x, a, b, 300, 700));
    }
    // the filter takes 12 dB at 3 kHz and a little at 0.5 kHz: about 9-12 dB between the two bands
    double drop = level[0] - level[1];
    assertTrue(drop > 8 && drop < 13, "F3/F1 level drop " + drop + " dB");
  }

  private static double bandPower(float[] x, int a, int b, double lo, double hi) {
    double sum = 0;
    for (double hz = lo; hz <= hi; hz += 20) {
      double w = 2 * Math.PI * hz / 22050;
      double re = 0;
      double im = 0;
      for (int n = a; n < b; n++) {
        double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * (n - a) / (b - a));
        re += hann * x[n] * Math.cos(w * n);
        im -= hann * x[n] * Math.sin(w * n);
      }
      sum += re * re + im * im;
    }
    return sum;
  }
}

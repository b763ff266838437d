package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VowelSystemTest {
  @Test
  void citationTalkersAimAtHillenbrandsMeans() {
    for (SpeakerGroup g : SpeakerGroup.values()) {
      Speaker s = Speaker.draw("x", g, VowelSystem.CITATION, VoiceQuality.Variety.UNIFORM, new SplittableRandom(3));
      for (String v : VowelNorms.TARGET_VOWELS) assertArrayEquals(VowelNorms.of(g, v).mean(), s.vowelMeans().get(v), 0);
    }
  }

  @Test
  void connectedTalkersShareTheCitationTalkersScaleF0AndRate() {
    // the extra draws come after the citation ones: a citation corpus did not change
    for (SpeakerGroup g : SpeakerGroup.values()) {
      Speaker a = Speaker.draw("x", g, VowelSystem.CITATION, VoiceQuality.Variety.UNIFORM, new SplittableRandom(9));
      Speaker b = Speaker.draw("x", g, VowelSystem.CONNECTED, VoiceQuality.Variety.UNIFORM, new SplittableRandom(9));
      assertEquals(a.logScale(), b.logScale(), 0);
      assertEquals(a.f0Mean(), b.f0Mean(), 0);
      assertEquals(a.rate(), b.rate(), 0);
    }
  }

  @Test
  void connectedTalkersLieBetweenTheTwoPublishedSystems() {
    SplittableRandom rng = new SplittableRandom(17);
    for (SpeakerGroup g : SpeakerGroup.values()) {
      double sumLogUw = 0;
      double sumLogErF3 = 0;
      double minAe = Double.POSITIVE_INFINITY;
      double maxAe = 0;
      int n = 4000;
      for (int t = 0; t < n; t++) {
        Speaker s = Speaker.draw("x", g, VowelSystem.CONNECTED, VoiceQuality.Variety.UNIFORM, rng);
        for (String v : new String[] {"IY", "AE", "ER", "AA"}) {
          double[] hb = VowelNorms.of(g, v).mean();
          double[] pb = PetersonBarney.means(g, v);
          double[] m = s.vowelMeans().get(v);
          for (int k = 0; k < 3; k++) {
            // /ɝ/'s F3 reaches up to /ʌ/'s (no r-colouring), above both published /ɝ/ values
            double hi = v.equals("ER") && k == 2 ? VowelNorms.of(g, VowelSystem.UNCOLOURED).mean(3) : Math.max(hb[k], pb[k]);
            assertTrue(m[k] >= Math.min(hb[k], pb[k]) - 1e-9 && m[k] <= hi + 1e-9, g + " " + v + " F" + (k + 1));
          }
          assertEquals(hb[3], m[3], 0, "F4 stays Hillenbrand's");
        }
        double ae = s.vowelMeans().get("AE")[1];
        minAe = Math.min(minAe, ae);
        maxAe = Math.max(maxAe, ae);
        sumLogUw += Math.log(s.vowelMeans().get("UW")[1]);
        sumLogErF3 += Math.log(s.vowelMeans().get("ER")[2]);
      }
      // independent w and depth rho, both U(0,1): E log F3 = (log H95 + log PB52) / 4 + log(/ʌ/ F3) / 2
      double er = 0.25 * Math.log(VowelNorms.of(g, "ER").mean(3)) + 0.25 * Math.log(PetersonBarney.means(g, "ER")[2])
          + 0.5 * Math.log(VowelNorms.of(g, VowelSystem.UNCOLOURED).mean(3));
      assertEquals(Math.exp(er), Math.exp(sumLogErF3 / n), 0.01 * Math.exp(er), g + " geometric mean /ɝ/ F3");
      // w ~ U(0,1) reaches both ends; /u/'s fronting phi ~ U(0,1) interpolates in log F2 toward
      // 1600 Hz (scaled), from the talker's own (H95-PB52) /u/ F2: its mean log is the mid-point
      // of the three logs weighted 1/4, 1/4, 1/2.
      assertEquals(Math.min(VowelNorms.of(g, "AE").mean(2), PetersonBarney.means(g, "AE")[1]), minAe, 15, g + " /ae/ F2 low end");
      assertEquals(Math.max(VowelNorms.of(g, "AE").mean(2), PetersonBarney.means(g, "AE")[1]), maxAe, 15, g + " /ae/ F2 high end");
      double expected = 0.25 * Math.log(VowelNorms.of(g, "UW").mean(2)) + 0.25 * Math.log(PetersonBarney.means(g, "UW")[1])
          + 0.5 * Math.log(VowelSystem.FRONTED_UW_F2_MEN * g.formantRatio(2));
      assertEquals(Math.exp(expected), Math.exp(sumLogUw / n), 0.01 * Math.exp(expected), g + " geometric mean /u/ F2");
    }
  }

  @Test
  void tokensVaryAroundTheTalkersOwnMeans() {
    SplittableRandom rng = new SplittableRandom(23);
    Speaker s = Speaker.draw("x", SpeakerGroup.MEN, VowelSystem.CONNECTED, VoiceQuality.Variety.UNIFORM, rng);
    double[] own = s.vowelMeans().get("UW");
    int n = 20000;
    double sumLog = 0;
    for (int i = 0; i < n; i++) sumLog += Math.log(s.drawVowel("UW", rng)[1]);
    // log-normal with the mean at own * scale: geometric mean = own * scale * exp(-total^2 / 2)
    VowelNorms.Stats h = VowelNorms.of(SpeakerGroup.MEN, "UW");
    double cv = h.sd(2) / h.mean(2);
    double geo = own[1] * s.scale() * Math.exp(-Math.log1p(cv * cv) / 2);
    assertEquals(geo, Math.exp(sumLog / n), 0.01 * geo);
  }

  @Test
  void parsesItsLabelsOnly() {
    assertEquals(VowelSystem.CONNECTED, VowelSystem.parse("connected"));
    assertEquals(VowelSystem.CITATION, VowelSystem.parse(VowelSystem.CITATION.label()));
    assertThrows(IllegalArgumentException.class, () -> VowelSystem.parse("hvd"));
  }
}

package org.spectrolens.synth.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A whole channel: the SNR it realises, what it draws, what it records. */
class ChannelTest {
  private static final int SR = 16000;

  /** A speech-like test signal: 0.2 s of silence, 1 s of a vowel-like harmonic complex, 0.2 s of silence. */
  private static float[] dry() {
    float[] x = new float[(int) (1.4 * SR)];
    for (int i = (int) (0.2 * SR); i < 1.2 * SR; i++) {
      double t = i / (double) SR;
      for (int k = 1; k <= 30; k++) x[i] += (float) (0.05 / k * Math.sin(2 * Math.PI * 120 * k * t));
    }
    return x;
  }

  private static boolean[] active() {
    boolean[] a = new boolean[(int) (1.4 * SR)];
    for (int i = (int) (0.2 * SR); i < 1.2 * SR; i++) a[i] = true;
    return a;
  }

  private static float[] babble(int index) {
    return toFloat(ChannelPartsTest.sine(200 + 50 * index, SR));
  }

  private static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
    return f;
  }

  @Test
  void theRecordingsSnrOverThePhonesIsTheDrawnSnr() {
    Room room = new Room(0.4, 6);
    Microphone mic = new Microphone(100, 7000, 2500, 4, 1);
    for (BackgroundNoise kind : new BackgroundNoise[] {BackgroundNoise.WHITE, BackgroundNoise.PINK, BackgroundNoise.BABBLE}) {
      for (boolean telephone : new boolean[] {false, true}) {
        for (double snr : new double[] {5, 17.5, 35}) {
          Channel noisy = new Channel(room, mic, telephone, kind, snr, new int[] {1, 2, 3, 4});
          Channel quiet = new Channel(room, mic, telephone, BackgroundNoise.NONE, Double.NaN, new int[0]);
          // the same stream: the room's response is drawn first, so both recordings share the speech
          float[] withNoise = noisy.apply(dry(), SR, active(), ChannelTest::babble, new SplittableRandom(8));
          float[] speech = quiet.apply(dry(), SR, active(), ChannelTest::babble, new SplittableRandom(8));
          double ps = 0;
          double pn = 0;
          boolean[] a = active();
          for (int i = 0; i < a.length; i++) {
            if (!a[i]) continue;
            ps += (double) speech[i] * speech[i];
            double n = withNoise[i] - speech[i];
            pn += n * n;
          }
          assertEquals(snr, 10 * Math.log10(ps / pn), 0.1, kind + (telephone ? " by telephone" : "") + " at " + snr + " dB");
        }
      }
    }
  }

  @Test
  void theSpeechKeepsItsLevelOverThePhones() {
    Channel c = new Channel(new Room(0.7, 0), new Microphone(300, 4000, 5000, -6, 1), true, BackgroundNoise.NONE, Double.NaN, new int[0]);
    float[] y = c.apply(dry(), SR, active(), ChannelTest::babble, new SplittableRandom(1));
    double before = 0;
    double after = 0;
    float[] x = dry();
    for (int i = (int) (0.2 * SR); i < 1.2 * SR; i++) {
      before += (double) x[i] * x[i];
      after += (double) y[i] * y[i];
    }
    assertEquals(0, 10 * Math.log10(after / before), 1e-3);
  }

  @Test
  void aCleanChannelIsNoChannelAndDrawsNothing() {
    SplittableRandom rng = new SplittableRandom(4);
    long before = new SplittableRandom(4).nextLong();
    assertSame(Channel.CLEAN, Channel.Variety.CLEAN.draw(3, 10, rng));
    assertEquals(before, rng.nextLong(), "the stream is untouched");
    float[] x = dry();
    assertSame(x, Channel.CLEAN.apply(x, SR, active(), ChannelTest::babble, rng));
    assertEquals(",,,,,,no,none,", Channel.CLEAN.csv());
  }

  @Test
  void variedChannelsFollowTheirDistributions() {
    SplittableRandom rng = new SplittableRandom(6);
    int n = 20000;
    int rooms = 0;
    int phones = 0;
    int noisy = 0;
    int[] kinds = new int[4];
    double rt60 = 0;
    for (int i = 0; i < n; i++) {
      Channel c = Channel.Variety.VARIED.draw(i % 50, 50, rng);
      if (c.room() != null) {
        rooms++;
        rt60 += c.room().rt60();
        assertTrue(c.room().rt60() >= 0.15 && c.room().rt60() <= 0.8 && c.room().drrDb() >= 0 && c.room().drrDb() <= 15);
      }
      if (c.telephone()) phones++;
      kinds[c.noise().ordinal()]++;
      if (c.noise() != BackgroundNoise.NONE) {
        noisy++;
        assertTrue(c.snrDb() >= 5 && c.snrDb() <= 35);
      } else {
        assertTrue(Double.isNaN(c.snrDb()));
      }
      assertEquals(c.noise() == BackgroundNoise.BABBLE ? BackgroundNoise.BABBLE_TALKERS : 0, c.babble().length);
      for (int t : c.babble()) assertTrue(t != i % 50 && t >= 0 && t < 50, "babble from other utterances");
      assertTrue(c.mic().highPassHz() >= 40 && c.mic().highPassHz() <= 300 && c.mic().lowPassHz() >= 4000 && c.mic().lowPassHz() <= 11000);
      assertEquals(Channel.CSV_HEADER.split(",").length, c.csv().split(",", -1).length, c.csv());
    }
    assertEquals(Channel.Variety.P_ROOM, rooms / (double) n, 0.01);
    assertEquals(Channel.Variety.P_TELEPHONE, phones / (double) n, 0.01);
    assertEquals(Channel.Variety.P_NOISE, noisy / (double) n, 0.01);
    assertEquals(0.475, rt60 / rooms, 0.005);
    for (int k = 1; k < 4; k++) assertEquals(Channel.Variety.P_NOISE / 3, kinds[k] / (double) n, 0.01, BackgroundNoise.values()[k].label());
  }
}

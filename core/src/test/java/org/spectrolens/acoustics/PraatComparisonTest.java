package org.spectrolens.acoustics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.audio.WavWriter;

/**
 * Our trackers against Praat itself on the same samples (32-bit float WAV). Skipped when praat
 * is not on the PATH.
 */
class PraatComparisonTest {
  private static final String FORMANT_SCRIPT = """
      form formants
        sentence file
        real ceiling
      endform
      Read from file: file$
      To Formant (burg): 0, 5, ceiling, 0.025, 50
      n = Get number of frames
      for i to n
        t = Get time from frame number: i
        line$ = fixed$ (t, 6)
        for k to 3
          f = Get value at time: k, t, "hertz", "linear"
          line$ = line$ + " " + fixed$ (f, 3)
        endfor
        for k to 3
          b = Get bandwidth at time: k, t, "hertz", "linear"
          line$ = line$ + " " + fixed$ (b, 3)
        endfor
        appendInfoLine: line$
      endfor
      """;

  private static final String PITCH_SCRIPT = """
      form pitch
        sentence file
        real floor
        real ceiling
      endform
      Read from file: file$
      To Pitch (ac): 0, floor, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, ceiling
      n = Get number of frames
      for i to n
        t = Get time from frame number: i
        f = Get value in frame: i, "Hertz"
        appendInfoLine: fixed$ (t, 6), " ", fixed$ (f, 4)
      endfor
      """;

  @TempDir static Path dir;

  @BeforeAll
  static void needsPraat() {
    assumeTrue(Praat.available(), "praat is not installed");
  }

  /** Hillenbrand et al. (1995) men's steady-state means, with Klatt-like bandwidths. */
  private static final double[][][] VOWELS = {
      {{343, 50}, {2323, 80}, {3001, 120}, {3658, 200}, {4500, 250}}, // i
      {{591, 60}, {1930, 90}, {2595, 120}, {3642, 200}, {4500, 250}}, // ae
      {{475, 55}, {1379, 80}, {1711, 100}, {3335, 200}, {4500, 250}}, // er
      {{756, 70}, {1309, 90}, {2535, 120}, {3684, 200}, {4500, 250}}, // a
      {{380, 50}, {992, 80}, {2355, 120}, {3378, 200}, {4500, 250}}, // u
  };
  private static final String[] NAMES = {"i", "ae", "er", "a", "u"};

  @Test
  void formantsAgreeWithPraatOnSteadyVowels() throws Exception {
    compareFormants(5500);
  }

  @Test
  void formantsAgreeWithPraatAtTheMaleCeiling() throws Exception {
    compareFormants(5000);
  }

  /**
   * Plain 120 Hz impulses through five resonators (no source tilt): the pre-emphasis adds a zero
   * that a 10-pole model cannot represent, so both trackers read F1 about 10 % high; what must
   * hold is that they agree with each other.
   */
  @Test
  void plainPulsesBiasBothTrackersAlike() throws Exception {
    int rate = 11000;
    double[][] truth = {{500, 60}, {1500, 90}, {2500, 120}, {3500, 150}, {4500, 200}};
    double[] y = Signals.vowel(Signals.pulseTrain(rate, 0.5, 120), rate, truth);
    Clip clip = new Clip(Signals.normalise(y, 0.5), rate, "plain", 0.0);
    Path wav = dir.resolve("plain.wav");
    WavWriter.writeFloat32(wav, clip);
    List<String> lines = Praat.runText(dir, FORMANT_SCRIPT, wav.toString(), "5500");
    FormantTrack ours = FormantTracker.praat(5500, RateConverter.requireRate()).track(clip);
    assertEquals(lines.size(), ours.frameCount(), "frame count");
    double[] praatF1 = new double[lines.size()], oursF1 = new double[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      praatF1[i] = Praat.number(lines.get(i).trim().split("\\s+")[1]);
      oursF1[i] = ours.frequency(i, 1);
    }
    double p = median(praatF1), o = median(oursF1);
    System.out.printf("plain pulses, 5 resonators (F1 = 500 Hz): median F1 Praat %.2f Hz, ours %.2f Hz%n", p, o);
    assertEquals(p, o, 0.001 * p);
  }

  /** Other rates: Praat resamples itself; we with SpectralResampler (the default). */
  @Test
  void formantsAgreeWithPraatAfterResamplingFrom22050() throws Exception {
    compareFormants(5500, 22050, FormantTracker.praat(5500), "spectral");
  }

  @Test
  void formantsAgreeWithPraatAfterResamplingFrom16000() throws Exception {
    compareFormants(5000, 16000, FormantTracker.praat(5000), "spectral");
  }

  /** The same with audio.Resampler (gentler anti-alias filter). */
  @Test
  void formantsAgreeWithPraatAfterPolyphaseResampling() throws Exception {
    compareFormants(5500, 22050, FormantTracker.praat(5500, Resampler::resample), "polyphase");
    compareFormants(5000, 16000, FormantTracker.praat(5000, Resampler::resample), "polyphase");
  }

  private void compareFormants(int ceiling) throws Exception {
    compareFormants(ceiling, 2 * ceiling, FormantTracker.praat(ceiling, RateConverter.requireRate()), "none");
  }

  private void compareFormants(int ceiling, int rate, FormantTracker tracker, String resampling) throws Exception {
    double worst = 0;
    for (int v = 0; v < VOWELS.length; v++) {
      // Pulses with a slight F0 glide, -12 dB/octave source tilt, a little aspiration noise.
      double[] pulses = Signals.pulseTrain(rate, 0.4, 115, 125);
      double[] source = Signals.tilt(Signals.tilt(pulses, rate, 100), rate, 100);
      double[] noise = Signals.scale(Signals.whiteNoise(rate, 0.4, 11 + v), 0.002);
      double[] y = Signals.vowel(add(source, noise), rate, VOWELS[v]);
      Clip clip = new Clip(Signals.normalise(y, 0.5), rate, NAMES[v], 0.0);
      Path wav = dir.resolve(NAMES[v] + ceiling + "_" + rate + ".wav");
      WavWriter.writeFloat32(wav, clip);
      List<String> lines = Praat.runText(dir, FORMANT_SCRIPT, wav.toString(), Integer.toString(ceiling));
      FormantTrack ours = tracker.track(clip);
      assertEquals(lines.size(), ours.frameCount(), "frame count");
      StringBuilder report = new StringBuilder("formants vs Praat, " + rate + " Hz, ceiling " + ceiling
          + ", resampling " + resampling + ", /" + NAMES[v] + "/: median |diff| ");
      for (int k = 1; k <= 6; k++) {
        double[] rel = new double[lines.size()];
        double maxHz = 0;
        for (int i = 0; i < lines.size(); i++) {
          String[] tok = lines.get(i).trim().split("\\s+");
          assertEquals(Double.parseDouble(tok[0]), ours.time(i), 1e-5, "frame time");
          double praat = Praat.number(tok[k]);
          double mine = k <= 3 ? ours.frequency(i, k) : ours.bandwidth(i, k - 3);
          rel[i] = Math.abs(mine - praat) / praat;
          maxHz = Math.max(maxHz, Math.abs(mine - praat));
          if (Double.isNaN(rel[i])) rel[i] = Double.POSITIVE_INFINITY;
        }
        double median = median(rel);
        if (k <= 3) worst = Math.max(worst, median);
        report.append(String.format(" %s%d %.5f%% (max %.3f Hz)", k <= 3 ? "F" : "B", k <= 3 ? k : k - 3, 100 * median, maxHz));
      }
      System.out.println(report);
    }
    System.out.printf("formants vs Praat, %d Hz, ceiling %d, resampling %s: worst median F1-F3 difference %.4f%%%n",
        rate, ceiling, resampling, 100 * worst);
    assertTrue(worst < 0.03, "worst median relative difference " + worst);
  }

  @Test
  void pitchAgreesWithPraatOnCleanGlides() throws Exception {
    int rate = 16000;
    double[][] formants = {{600, 60}, {1200, 90}, {2500, 120}, {3500, 200}};
    // silence, a voiced glide 110->180 Hz, noise, a voiced glide 230->200 Hz, silence; a faint
    // noise floor throughout.
    double[] glide1 = Signals.vowel(Signals.tilt(Signals.pulseTrain(rate, 0.5, 110, 180), rate, 100), rate, formants);
    double[] glide2 = Signals.vowel(Signals.tilt(Signals.pulseTrain(rate, 0.4, 230, 200), rate, 100), rate, formants);
    double peak = Math.max(max(glide1), max(glide2));
    double[] x = Signals.concat(new double[rate / 5], glide1,
        Signals.scale(Signals.whiteNoise(rate, 0.3, 3), 0.1 * peak), glide2, new double[rate / 5]);
    x = add(x, Signals.scale(Signals.whiteNoise(rate, x.length / (double) rate, 4), 1e-4 * peak));
    comparePitch("clean glides", new Clip(Signals.normalise(x, 0.5), rate, "pitch", 0.0), 75, 600);
  }

  @Test
  void pitchAgreesWithPraatOnRoughVoices() throws Exception {
    // Jitter 2 %, shimmer 10 %, fades in and out (voicing onsets near the silence threshold),
    // aspiration noise 26 dB down, a low male voice (85-100 Hz) and a child's (300-260 Hz).
    int rate = 22050;
    double[][] formants = {{500, 70}, {1500, 100}, {2500, 150}, {3500, 250}};
    double[] parts1 = voice(rate, 0.6, 100, 85, 21, formants);
    double[] parts2 = voice(rate, 0.5, 300, 260, 22, formants);
    double[] parts3 = voice(rate, 0.4, 140, 160, 23, formants);
    double peak = Math.max(max(parts1), Math.max(max(parts2), max(parts3)));
    double[] x = Signals.concat(new double[rate / 10], parts1, new double[rate / 8], parts2,
        Signals.scale(Signals.whiteNoise(rate, 0.15, 5), 0.05 * peak), parts3, new double[rate / 10]);
    x = add(x, Signals.scale(Signals.whiteNoise(rate, x.length / (double) rate, 6), 0.002 * peak));
    Clip clip = new Clip(Signals.normalise(x, 0.5), rate, "rough", 0.0);
    comparePitch("rough voices", clip, 75, 600);
    // Another floor and ceiling: a 0.0075 s step, so the path costs are rescaled.
    comparePitch("rough voices, 100-500 Hz", clip, 100, 500);
  }

  private static double[] voice(int rate, double seconds, double f0a, double f0b, long seed, double[][] formants) {
    double[] pulses = Signals.jitteredPulses(rate, seconds, f0a, f0b, 0.02, 0.10, seed);
    double[] source = Signals.tilt(Signals.tilt(pulses, rate, 100), rate, 100);
    double[] v = Signals.vowel(source, rate, formants);
    double[] noise = Signals.scale(Signals.whiteNoise(rate, seconds, seed + 100), 0.05 * max(v));
    return Signals.fade(add(v, noise), rate, 0.08);
  }

  private void comparePitch(String name, Clip clip, double floor, double ceiling) throws Exception {
    Path wav = dir.resolve(clip.source() + ".wav");
    WavWriter.writeFloat32(wav, clip);
    List<String> lines = Praat.runText(dir, PITCH_SCRIPT, wav.toString(), Double.toString(floor), Double.toString(ceiling));
    PitchTrack ours = PitchTracker.praat(floor, ceiling).track(clip);
    assertEquals(lines.size(), ours.frameCount(), "frame count");
    int agree = 0, bothVoiced = 0, praatVoiced = 0;
    double[] rel = new double[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      String[] tok = lines.get(i).trim().split("\\s+");
      assertEquals(Double.parseDouble(tok[0]), ours.time(i), 1e-5, "frame time");
      double praat = Praat.number(tok[1]);
      if (!Double.isNaN(praat)) praatVoiced++;
      if (Double.isNaN(praat) == !ours.isVoiced(i)) agree++;
      if (!Double.isNaN(praat) && ours.isVoiced(i)) rel[bothVoiced++] = Math.abs(ours.f0(i) - praat) / praat;
    }
    double[] diffs = Arrays.copyOf(rel, bothVoiced);
    Arrays.sort(diffs);
    double agreement = agree / (double) lines.size();
    int within1 = 0;
    for (double d : diffs) if (d < 0.01) within1++;
    System.out.printf("pitch vs Praat, %s: %d frames, Praat voiced %d, voicing agrees on %.1f%%; "
            + "on %d jointly voiced frames F0 relative difference median %.4f%%, max %.4f%%, %.1f%% of frames within 1%%%n",
        name, lines.size(), praatVoiced, 100 * agreement, bothVoiced, 100 * median(diffs),
        100 * diffs[bothVoiced - 1], 100.0 * within1 / bothVoiced);
    assertTrue(agreement >= 0.95, "voicing agreement " + agreement);
    assertTrue(median(diffs) < 0.01, "median relative difference " + median(diffs));
    assertTrue(within1 >= 0.95 * bothVoiced, "frames within 1%: " + within1 + " of " + bothVoiced);
  }

  private static double[] add(double[] a, double[] b) {
    double[] y = a.clone();
    for (int i = 0; i < y.length; i++) y[i] += b[i];
    return y;
  }

  private static double max(double[] x) {
    double m = 0;
    for (double v : x) m = Math.max(m, Math.abs(v));
    return m;
  }

  private static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }
}

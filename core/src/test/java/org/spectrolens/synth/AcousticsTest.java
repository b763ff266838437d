package org.spectrolens.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.spectrolens.synth.UtterancePlan.Segment;

/** The synthesised consonants have the spectra of the measurements they were built from. */
class AcousticsTest {
  private static final int SR = 22050;
  private static final int N = 512;

  @Test
  void fricativePeaksLevelsAndTheLowBandVoicingCue() {
    SynthCorpus corpus = new SynthCorpus(21, 120, SR);
    List<Double> sPeaks = new ArrayList<>();
    List<Double> shPeaks = new ArrayList<>();
    List<Double> sLevels = new ArrayList<>();
    List<Double> lowBandDrop = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Utterance u = corpus.synthesize(i);
      double[] vowelSpec = null;
      double vowelRms = 0;
      int nv = 0;
      for (Segment s : u.plan().segments()) {
        if (!s.label().isEmpty() && Phone.of(s.label()).isVowel() && Phone.stress(s.label()) == 1 && s.end() - s.start() > 0.06) {
          vowelRms += rms(u.samples(), s, 0.25);
          nv++;
          if (vowelSpec == null) vowelSpec = spectrum(u.samples(), s);
        }
      }
      if (nv == 0) continue;
      vowelRms /= nv;
      for (Segment s : u.plan().segments()) {
        if (s.end() - s.start() < 0.07 || !(s.label().equals("S") || s.label().equals("SH"))) continue;
        double[] spec = spectrum(u.samples(), s);
        double peak = argmax(spec) * (double) SR / N;
        (s.label().equals("S") ? sPeaks : shPeaks).add(peak);
        if (s.label().equals("S")) sLevels.add(20 * Math.log10(rms(u.samples(), s, 0.25) / vowelRms));
        if (vowelSpec != null) lowBandDrop.add(10 * Math.log10(band(vowelSpec, 0, 700) / band(spec, 0, 700)));
      }
    }
    assertTrue(sPeaks.size() > 20 && shPeaks.size() > 5, sPeaks.size() + " " + shPeaks.size());
    // Jongman et al. (2000): /s/ peak about 6.8 kHz (women about 700 Hz higher), /ʃ/ about 3.8 kHz.
    double sMedian = median(sPeaks);
    double shMedian = median(shPeaks);
    assertTrue(sMedian > 6000 && sMedian < 8200, "s peak " + sMedian);
    assertTrue(shMedian > 3000 && shMedian < 5000, "sh peak " + shMedian);
    // /s/ about 10 dB below the vowel
    double level = median(sLevels);
    System.out.printf(java.util.Locale.ROOT, "AcousticsTest: /s/ peak %.0f Hz (n=%d), /sh/ peak %.0f Hz (n=%d), /s/ level %.1f dB re vowel, low-band (<700 Hz) drop %.1f dB%n",
        sMedian, sPeaks.size(), shMedian, shPeaks.size(), level, median(lowBandDrop));
    assertTrue(level > -13 && level < -7, "s level " + level);
    // voiceless fricatives carry far less energy below 700 Hz than vowels
    assertTrue(median(lowBandDrop) > 25, "low band drop " + median(lowBandDrop));
  }

  private static double rms(float[] x, Segment s, double margin) {
    double d = s.end() - s.start();
    int a = (int) ((s.start() + margin * d) * SR);
    int b = (int) ((s.end() - margin * d) * SR);
    double sum = 0;
    for (int i = a; i < b; i++) sum += x[i] * x[i];
    return Math.sqrt(sum / (b - a));
  }

  /** Power spectrum of a Hann-windowed N-sample frame at the segment's centre. */
  private static double[] spectrum(float[] x, Segment s) {
    int c = (int) ((s.start() + s.end()) / 2 * SR);
    double[] buf = new double[N];
    for (int i = 0; i < N; i++) {
      double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / N);
      int j = c - N / 2 + i;
      buf[i] = j >= 0 && j < x.length ? w * x[j] : 0;
    }
    new DoubleFFT_1D(N).realForward(buf);
    double[] p = new double[N / 2];
    for (int k = 1; k < N / 2; k++) p[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
    p[0] = buf[0] * buf[0];
    return p;
  }

  private static double band(double[] p, double lo, double hi) {
    double s = 1e-30;
    for (int k = 0; k < p.length; k++) {
      double f = k * (double) SR / N;
      if (f >= lo && f < hi) s += p[k];
    }
    return s;
  }

  private static int argmax(double[] p) {
    int best = 1;
    for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
    return best;
  }

  private static double median(List<Double> v) {
    return SynthValidation.median(v);
  }
}

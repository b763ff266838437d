package org.spectrolens.synth;

import java.util.random.RandomGenerator;
import org.spectrolens.synth.UtterancePlan.NoiseEvent;

/**
 * A cascade/parallel formant synthesiser in the Klatt (1980) tradition, rendering an
 * {@link UtterancePlan} sample by sample: Rosenberg pulses with jitter, shimmer and breath noise
 * through the cascade (resonators updated every millisecond); aspiration noise through its own
 * copy of the cascade (so /h/ and VOT aspiration take the vowel's formants); frication and bursts
 * through fixed resonances (the parallel branch); lip radiation as a first difference.
 *
 * <p>Levels: the stressed vowels' RMS is the reference; every noise event is scaled so that its
 * RMS sits at its planned level in dB relative to that reference (Jongman et al. 2000 give
 * fricative levels this way). The output puts the vowels at -20 dBFS, over a faint noise floor.
 */
public final class FormantSynthesizer {
  private static final double VOWEL_RMS = 0.1;
  private static final double NOISE_FLOOR_RMS = Math.pow(10, -70 / 20.0);
  private static final double TAIL = 0.02;

  private FormantSynthesizer() {}

  public static float[] render(UtterancePlan plan, Tracks tracks, int sampleRate, RandomGenerator rng) {
    int n = (int) Math.round(plan.duration() * sampleRate);
    GlottalSource source = new GlottalSource(sampleRate, tracks, plan.speaker().voice(), rng);
    Cascade tract = new Cascade(sampleRate, tracks);
    double[] voice = new double[n];
    double prev = 0;
    for (int i = 0; i < n; i++) {
      double y = tract.process(i, source.next(i));
      voice[i] = y - prev; // radiation
      prev = y;
    }
    double ref = rms(voice, plan.referenceIntervals(), sampleRate);
    if (!(ref > 0)) ref = Math.max(1e-9, rms(voice, 0, n));
    double[] out = voice;
    for (NoiseEvent e : plan.noise()) addNoise(out, e, tracks, ref, sampleRate, rng);
    double gain = VOWEL_RMS / ref;
    double peak = 0;
    for (double v : out) peak = Math.max(peak, Math.abs(v * gain));
    if (peak > 0.89) gain *= 0.89 / peak;
    float[] samples = new float[n];
    for (int i = 0; i < n; i++) samples[i] = (float) (out[i] * gain + NOISE_FLOOR_RMS * rng.nextGaussian());
    return samples;
  }

  private static void addNoise(double[] out, NoiseEvent e, Tracks tracks, double ref, int sr, RandomGenerator rng) {
    int a = (int) Math.round(e.start() * sr);
    int b = Math.min(out.length, (int) Math.round(e.end() * sr));
    if (b <= a) return;
    int end = Math.min(out.length, b + (int) (TAIL * sr));
    double[] y = new double[end - a];
    double len = b - a;
    if (e.throughCascade()) {
      // Aspiration: noise through the vocal tract (following the tracks), then radiation.
      Cascade tract = new Cascade(sr, tracks);
      double ramp = Math.min(0.005 * sr, len / 3);
      double prev = 0;
      for (int i = a; i < end; i++) {
        double x = i < b ? envelope(i - a, len, ramp) * rng.nextGaussian() : 0;
        double v = tract.process(i, x);
        y[i - a] = v - prev;
        prev = v;
      }
    } else {
      NoiseShape s = e.shape();
      Resonator[] res = new Resonator[s.frequencies().length];
      double[] weight = new double[res.length];
      for (int k = 0; k < res.length; k++) {
        res[k] = new Resonator(sr);
        double f = Math.min(s.frequencies()[k], 0.45 * sr);
        res[k].set(f, s.bandwidths()[k]);
        double diffGain = 2 * Math.sin(Math.PI * f / sr);
        // unit peak gain per resonance, alternating signs (Klatt's parallel branch)
        weight[k] = (k % 2 == 0 ? 1 : -1) * s.amplitudes()[k] / (res[k].gainAt(f) * diffGain);
      }
      double lpCoef = Math.exp(-2 * Math.PI * 1500.0 / sr);
      double lp = 0;
      double prevX = 0;
      double ramp = e.burst() ? 0.0005 * sr : Math.min(0.015 * sr, len / 3);
      for (int i = a; i < end; i++) {
        double env = i >= b ? 0 : e.burst() ? burstEnvelope(i - a, len, ramp) : envelope(i - a, len, ramp);
        double x = env * rng.nextGaussian();
        double d = x - prevX;
        prevX = x;
        double v = 0;
        for (int k = 0; k < res.length; k++) v += weight[k] * res[k].process(d);
        lp = (1 - lpCoef) * x + lpCoef * lp;
        v += s.bypass() * (x - lp);
        y[i - a] = v;
      }
    }
    double sum = 0;
    for (int i = 0; i < len; i++) sum += y[i] * y[i];
    double r = Math.sqrt(sum / len);
    if (r <= 0) return;
    double g = ref * Math.pow(10, e.levelDb() / 20) / r;
    for (int i = 0; i < y.length; i++) out[a + i] += g * y[i];
  }

  /** Raised-cosine on and off ramps of {@code ramp} samples. */
  private static double envelope(int i, double len, double ramp) {
    if (ramp <= 0) return 1;
    if (i < ramp) return 0.5 - 0.5 * Math.cos(Math.PI * i / ramp);
    if (i > len - ramp) return 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, len - i) / ramp);
    return 1;
  }

  /** A burst: near-instant onset, then an exponential decay over its length. */
  private static double burstEnvelope(int i, double len, double onset) {
    double on = i < onset ? i / onset : 1;
    return on * Math.exp(-2.0 * i / len);
  }

  private static double rms(double[] x, java.util.List<double[]> intervals, int sr) {
    double sum = 0;
    long count = 0;
    for (double[] iv : intervals) {
      int a = Math.max(0, (int) Math.round(iv[0] * sr));
      int b = Math.min(x.length, (int) Math.round(iv[1] * sr));
      for (int i = a; i < b; i++) sum += x[i] * x[i];
      count += Math.max(0, b - a);
    }
    return count == 0 ? 0 : Math.sqrt(sum / count);
  }

  private static double rms(double[] x, int a, int b) {
    double sum = 0;
    for (int i = a; i < b; i++) sum += x[i] * x[i];
    return b > a ? Math.sqrt(sum / (b - a)) : 0;
  }
}

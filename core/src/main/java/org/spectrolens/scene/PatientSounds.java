package org.spectrolens.scene;

import static org.spectrolens.scene.Waveforms.logUniform;
import static org.spectrolens.scene.Waveforms.samples;
import static org.spectrolens.scene.Waveforms.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The positive events: sounds of a patient in distress. Each is drawn at an arbitrary level (the
 * scene scales it to its SNR) on a clip of {@code n} samples; ranges are in docs/scene.md.
 */
final class PatientSounds {
  private PatientSounds() {}

  static Sound draw(SoundKind kind, int n, int sampleRate, SplittableRandom rng) {
    return switch (kind) {
      case WHEEZE -> wheeze(n, sampleRate, rng);
      case RHONCHUS -> rhonchus(n, sampleRate, rng);
      case COUGH -> cough(n, sampleRate, rng);
      case STRIDOR -> stridor(n, sampleRate, rng);
      default -> throw new IllegalArgumentException("not a patient sound: " + kind);
    };
  }

  /**
   * Wheeze (Gavriely et al. 1984): a sinusoid whose fundamental (log-uniform 150-900 Hz) glides
   * by up to +-15 % with a slight vibrato, 250-700 ms, 40 ms ramps; harmonics 2-4 falling by a
   * ratio 0.1-0.4 per harmonic; one in three is polyphonic (a second, inharmonic component at
   * 1.3-1.8 times the fundamental, 6 dB down).
   */
  static Sound wheeze(int n, int sr, SplittableRandom rng) {
    double dur = uniform(rng, 0.25, Math.min(0.7, n / (double) sr));
    double onset = uniform(rng, 0, n / (double) sr - dur);
    double f0 = logUniform(rng, 150, 900);
    double glide = uniform(rng, -0.15, 0.15);
    double vibRate = uniform(rng, 3, 8);
    double vibDepth = uniform(rng, 0, 0.01);
    double ratio = uniform(rng, 0.1, 0.4);
    float[] out = new float[n];
    double[] env = Waveforms.envelope(n, samples(onset, sr), samples(dur, sr), samples(0.04, sr));
    java.util.function.DoubleUnaryOperator f = t -> {
      double u = Math.min(1, Math.max(0, (t - onset) / dur));
      return f0 * (1 + glide * u) * (1 + vibDepth * Math.sin(2 * Math.PI * vibRate * t));
    };
    Waveforms.addHarmonics(out, env, sr, f, k -> Math.pow(ratio, k - 1), 4, rng);
    double lo = Math.min(f0, f0 * (1 + glide)) * (1 - vibDepth);
    double hi = Math.max(f0, f0 * (1 + glide)) * (1 + vibDepth);
    if (rng.nextInt(3) == 0) {
      double m = uniform(rng, 1.3, 1.8);
      Waveforms.addHarmonics(out, env, sr, t -> m * f.applyAsDouble(t), k -> k == 1 ? 0.5 : 0, 1, rng);
      hi *= m;
    }
    return new Sound(List.of(new SceneEvent(SoundKind.WHEEZE, onset, onset + dur, lo, hi)), out);
  }

  /**
   * Rhonchus: a snoring-like periodic sound, fundamental 70-180 Hz with 2 % jitter-like wander,
   * harmonics falling as k^-1.5 (so the fundamental dominates, below 200 Hz), flutter of the soft
   * tissue as 20-40 % amplitude modulation at 15-30 Hz, 300-800 ms.
   */
  static Sound rhonchus(int n, int sr, SplittableRandom rng) {
    double dur = uniform(rng, 0.3, Math.min(0.8, n / (double) sr));
    double onset = uniform(rng, 0, n / (double) sr - dur);
    double f0 = uniform(rng, 70, 180);
    double wander = uniform(rng, 0.01, 0.03);
    double wanderRate = uniform(rng, 2, 6);
    double amRate = uniform(rng, 15, 30);
    double amDepth = uniform(rng, 0.2, 0.4);
    float[] out = new float[n];
    double[] env = Waveforms.envelope(n, samples(onset, sr), samples(dur, sr), samples(0.05, sr));
    for (int i = 0; i < n; i++) env[i] *= 1 - amDepth * (0.5 + 0.5 * Math.sin(2 * Math.PI * amRate * i / sr));
    Waveforms.addHarmonics(out, env, sr, t -> f0 * (1 + wander * Math.sin(2 * Math.PI * wanderRate * t)),
        k -> Math.pow(k, -1.5), 20, rng);
    return new Sound(List.of(new SceneEvent(SoundKind.RHONCHUS, onset, onset + dur, f0 * (1 - wander), f0 * (1 + wander))), out);
  }

  /**
   * Cough: the explosive phase, broadband noise (low-passed at 3-6 kHz) with a 2 ms attack and an
   * exponential decay (time constant 30-70 ms), then the intermediate phase, noise through
   * vocal-tract resonances near 500, 1500 and 2500 Hz decaying over 80-200 ms; 200-450 ms in all.
   * No pitch (f0 empty).
   */
  static Sound cough(int n, int sr, SplittableRandom rng) {
    double dur = uniform(rng, 0.2, 0.45);
    double onset = uniform(rng, 0, n / (double) sr - dur);
    int a = samples(onset, sr);
    int len = samples(dur, sr);
    double tauBurst = uniform(rng, 0.03, 0.07);
    double tauTail = uniform(rng, 0.08, 0.2);
    double[] burst = Waveforms.lowPass(Waveforms.white(n, rng), sr, uniform(rng, 3000, 6000));
    double[] tail = new double[n];
    double[] source = Waveforms.white(n, rng);
    for (double fc : new double[] {500, 1500, 2500}) {
      double[] band = Waveforms.bandPass(source.clone(), sr, fc * uniform(rng, 0.85, 1.15), 4);
      for (int i = 0; i < n; i++) tail[i] += band[i];
    }
    float[] out = new float[n];
    int attack = Math.max(1, samples(0.002, sr));
    for (int i = 0; i < len && a + i < n; i++) {
      double t = i / (double) sr;
      double rise = Math.min(1, i / (double) attack);
      double fadeOut = i > len - samples(0.02, sr) ? (len - i) / (double) samples(0.02, sr) : 1;
      double b = rise * Math.exp(-t / tauBurst);
      double c = 0.5 * rise * Math.exp(-t / tauTail);
      out[a + i] = (float) (fadeOut * (b * burst[a + i] * 3 + c * tail[a + i]));
    }
    return new Sound(List.of(new SceneEvent(SoundKind.COUGH, onset, onset + dur, Double.NaN, Double.NaN)), out);
  }

  /**
   * Stridor: a loud, harsh, high-pitched tone over one inspiration: fundamental log-uniform
   * 500-1200 Hz with a +-5 % glide, harmonics 2-3 at ratio 0.3-0.6, under a half-sine flow
   * envelope of 400-900 ms, plus turbulent noise band-passed around the fundamental (-10 dB).
   */
  static Sound stridor(int n, int sr, SplittableRandom rng) {
    double dur = uniform(rng, 0.4, Math.min(0.9, n / (double) sr));
    double onset = uniform(rng, 0, n / (double) sr - dur);
    double f0 = logUniform(rng, 500, 1200);
    double glide = uniform(rng, -0.05, 0.05);
    double ratio = uniform(rng, 0.3, 0.6);
    int a = samples(onset, sr);
    int len = samples(dur, sr);
    double[] env = new double[n];
    for (int i = 0; i < len && a + i < n; i++) env[a + i] = Math.sin(Math.PI * i / len);
    float[] out = new float[n];
    Waveforms.addHarmonics(out, env, sr, t -> f0 * (1 + glide * Math.min(1, Math.max(0, (t - onset) / dur))),
        k -> Math.pow(ratio, k - 1), 3, rng);
    double[] noise = Waveforms.bandPass(Waveforms.white(n, rng), sr, f0, 3);
    Waveforms.addShaped(out, noise, env, 0.3);
    List<SceneEvent> ev = new ArrayList<>();
    ev.add(new SceneEvent(SoundKind.STRIDOR, onset, onset + dur, Math.min(f0, f0 * (1 + glide)), Math.max(f0, f0 * (1 + glide))));
    return new Sound(ev, out);
  }
}

package org.spectrolens.scene;

import static org.spectrolens.scene.Waveforms.logUniform;
import static org.spectrolens.scene.Waveforms.samples;
import static org.spectrolens.scene.Waveforms.uniform;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The negative sounds (the room without a patient event) and the room background. Each is drawn
 * at an arbitrary level on a clip of {@code n} samples; staff speech comes from
 * {@link StaffSpeech}. Ranges are in docs/scene.md.
 */
final class RoomSounds {
  private RoomSounds() {}

  /**
   * Ventilator: one inspiration of a mechanical breath, 0.6-1.0 s of flow noise (white noise
   * band-passed at 300-800 Hz, Q 0.7, plus a low-passed share below 1.5 kHz) under a trapezoid
   * flow envelope (150 ms rise, 200 ms fall), opened by a 5 ms valve click.
   */
  static Sound ventilator(int n, int sr, SplittableRandom rng) {
    double clip = n / (double) sr;
    double dur = uniform(rng, 0.6, Math.min(1.0, clip));
    double onset = uniform(rng, 0, clip - dur);
    int a = samples(onset, sr);
    int len = samples(dur, sr);
    double[] flow = Waveforms.bandPass(Waveforms.white(n, rng), sr, uniform(rng, 300, 800), 0.7);
    double[] low = Waveforms.lowPass(Waveforms.white(n, rng), sr, 1500);
    double[] env = new double[n];
    int rise = samples(0.15, sr);
    int fall = samples(0.2, sr);
    for (int i = 0; i < len && a + i < n; i++) env[a + i] = Math.min(1, Math.min(i / (double) rise, (len - i) / (double) fall));
    float[] out = new float[n];
    for (int i = 0; i < n; i++) out[i] = (float) (env[i] * (flow[i] + 0.5 * low[i]));
    int click = samples(0.005, sr);
    for (int i = 0; i < click && a + i < n; i++) out[a + i] += (float) (3 * (1 - i / (double) click) * rng.nextGaussian());
    return new Sound(List.of(new SceneEvent(SoundKind.VENTILATOR, onset, onset + dur, Double.NaN, Double.NaN)), out);
  }

  /**
   * Monitor beeps: 1-3 pure tones at one frequency drawn from 900-1100 Hz, each 80-250 ms with
   * 8 ms ramps, 100-200 ms apart (one events.csv row per beep).
   */
  static Sound beeps(int n, int sr, SplittableRandom rng) {
    double clip = n / (double) sr;
    double f = uniform(rng, 900, 1100);
    int count = 1 + rng.nextInt(3);
    double len = uniform(rng, 0.08, 0.25);
    double gap = uniform(rng, 0.1, 0.2);
    double total = count * len + (count - 1) * gap;
    while (total > clip && count > 1) {
      count--;
      total = count * len + (count - 1) * gap;
    }
    double start = uniform(rng, 0, clip - total);
    float[] out = new float[n];
    List<SceneEvent> events = new ArrayList<>();
    double[] env = new double[n];
    for (int b = 0; b < count; b++) {
      double on = start + b * (len + gap);
      double[] e = Waveforms.envelope(n, samples(on, sr), samples(len, sr), samples(0.008, sr));
      for (int i = 0; i < n; i++) env[i] += e[i];
      events.add(new SceneEvent(SoundKind.BEEP, on, on + len, f, f));
    }
    Waveforms.addHarmonics(out, env, sr, t -> f, k -> 1, 1, rng);
    return new Sound(events, out);
  }

  /**
   * Air-conditioning hum over the whole clip: mains fundamental 50 or 60 Hz, harmonics 2-10
   * (the second, from transformer magnetostriction, strongest after the fundamental; the others
   * falling as 1/k with random phases), plus fan noise low-passed at 300-600 Hz (-6 dB).
   */
  static Sound hum(int n, int sr, SplittableRandom rng) {
    double mains = rng.nextBoolean() ? 50 : 60;
    double[] amp = new double[11];
    amp[1] = 1;
    amp[2] = uniform(rng, 0.5, 1.0);
    for (int k = 3; k <= 10; k++) amp[k] = uniform(rng, 0.3, 1.0) / k;
    float[] out = new float[n];
    double[] env = new double[n];
    java.util.Arrays.fill(env, 1);
    Waveforms.addHarmonics(out, env, sr, t -> mains, k -> amp[(int) k], 10, rng);
    double[] fan = Waveforms.lowPass(Waveforms.white(n, rng), sr, uniform(rng, 300, 600));
    Waveforms.addShaped(out, fan, env, 0.5);
    return new Sound(List.of(new SceneEvent(SoundKind.HUM, 0, n / (double) sr, mains, mains)), out);
  }

  /**
   * A door or a dropped object: 3-6 damped modes (log-uniform 150-3000 Hz, decay time constants
   * 15-120 ms) struck together, with a 3 ms noise burst; the event lasts until the slowest mode
   * has decayed by 40 dB (4.6 time constants), clamped to the clip.
   */
  static Sound impact(int n, int sr, SplittableRandom rng) {
    double clip = n / (double) sr;
    int modes = 3 + rng.nextInt(4);
    double[] f = new double[modes];
    double[] tau = new double[modes];
    double longest = 0;
    for (int m = 0; m < modes; m++) {
      f[m] = logUniform(rng, 150, 3000);
      tau[m] = uniform(rng, 0.015, 0.12);
      longest = Math.max(longest, tau[m]);
    }
    double dur = Math.min(4.6 * longest, clip * 0.9);
    double onset = uniform(rng, 0, clip - dur);
    int a = samples(onset, sr);
    float[] out = new float[n];
    for (int m = 0; m < modes; m++) {
      double amp = uniform(rng, 0.3, 1);
      double ph = rng.nextDouble(2 * Math.PI);
      for (int i = 0; a + i < n && i < samples(dur, sr); i++) {
        double t = i / (double) sr;
        out[a + i] += (float) (amp * Math.exp(-t / tau[m]) * Math.sin(2 * Math.PI * f[m] * t + ph));
      }
    }
    int burst = samples(0.003, sr);
    for (int i = 0; i < burst && a + i < n; i++) out[a + i] += (float) ((1 - i / (double) burst) * rng.nextGaussian());
    return new Sound(List.of(new SceneEvent(SoundKind.TRANSIENT, onset, onset + dur, Double.NaN, Double.NaN)), out);
  }

  /**
   * The room background under every clip: stationary pink (1/f) noise, low-passed at 4-6 kHz
   * (air absorption and distance), unit power.
   */
  static float[] background(int n, int sr, SplittableRandom rng) {
    double[] p = Waveforms.lowPass(Waveforms.pink(n, rng), sr, uniform(rng, 4000, 6000));
    double power = 0;
    for (double v : p) power += v * v;
    double g = 1 / Math.sqrt(power / n);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) out[i] = (float) (p[i] * g);
    return out;
  }
}

package org.spectrolens.scene;

import static org.spectrolens.scene.Waveforms.samples;
import static org.spectrolens.scene.Waveforms.uniform;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.spectrolens.synth.SynthCorpus;
import org.spectrolens.synth.Utterance;

/**
 * Staff speech: excerpts of utterances from the built-in speech synthesiser (men, women and
 * children drawn from Hillenbrand et al. 1995). A pool of utterances is synthesised once per scene
 * (in parallel) and each clip takes a 0.4-1.0 s excerpt of one, with 20 ms ramps; the event's f0
 * range is read from the utterance's own F0 track over the excerpt.
 */
final class StaffSpeech {
  private final Utterance[] pool;

  /** A pool of {@code size} utterances of a speech corpus seeded from the scene's seed. */
  StaffSpeech(long seed, int size, int sampleRate) {
    SynthCorpus corpus = new SynthCorpus(seed, size, sampleRate);
    this.pool = IntStream.range(0, size).parallel().mapToObj(corpus::synthesize).toArray(Utterance[]::new);
  }

  int size() {
    return pool.length;
  }

  Sound draw(int n, int sr, SplittableRandom rng) {
    Utterance u = pool[rng.nextInt(pool.length)];
    float[] s = u.samples();
    double clip = n / (double) sr;
    double dur = Math.min(uniform(rng, 0.4, Math.min(1.0, clip)), u.duration());
    double from = uniform(rng, 0, u.duration() - dur);
    double onset = uniform(rng, 0, clip - dur);
    int a = samples(onset, sr);
    int src = samples(from, sr);
    int len = samples(dur, sr);
    double[] env = Waveforms.envelope(n, a, len, samples(0.02, sr));
    float[] out = new float[n];
    for (int i = 0; i < len && a + i < n && src + i < s.length; i++) out[a + i] = (float) (env[a + i] * s[src + i]);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double t = from; t <= from + dur; t += 0.01) {
      double f0 = u.tracks().f0At(t);
      if (Double.isNaN(f0)) continue;
      lo = Math.min(lo, f0);
      hi = Math.max(hi, f0);
    }
    if (lo > hi) lo = hi = Double.NaN; // a voiceless excerpt
    return new Sound(List.of(new SceneEvent(SoundKind.SPEECH, onset, onset + dur, lo, hi)), out);
  }
}

package org.spectrolens.scene;

import java.util.List;

/**
 * A generated sound on the clip's time line: samples as long as the clip (zero outside its
 * events) and the events it holds (one, or several for a beep train). Levels are arbitrary until
 * the scene scales it to its SNR.
 */
record Sound(List<SceneEvent> events, float[] samples) {
  /** Mean power over the samples the events span (the level an SNR refers to). */
  double activePower(int sampleRate) {
    double sum = 0;
    long count = 0;
    for (SceneEvent e : events) {
      int a = (int) Math.round(e.onset() * sampleRate);
      int b = Math.min(samples.length, (int) Math.round(e.offset() * sampleRate));
      for (int i = a; i < b; i++) sum += (double) samples[i] * samples[i];
      count += Math.max(0, b - a);
    }
    return count == 0 ? 0 : sum / count;
  }

  Sound scaled(double gain) {
    float[] s = new float[samples.length];
    for (int i = 0; i < s.length; i++) s[i] = (float) (samples[i] * gain);
    return new Sound(events, s);
  }
}

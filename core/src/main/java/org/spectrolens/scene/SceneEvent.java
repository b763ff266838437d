package org.spectrolens.scene;

/**
 * One sound in a scene clip: a row of events.csv.
 *
 * @param kind what sounds
 * @param onset start in the clip (s)
 * @param offset end in the clip (s)
 * @param f0Min lowest fundamental over the event (Hz); NaN for sounds without a pitch
 * @param f0Max highest fundamental over the event (Hz); NaN for sounds without a pitch
 */
public record SceneEvent(SoundKind kind, double onset, double offset, double f0Min, double f0Max) {
  public SceneEvent {
    if (!(offset > onset) || onset < 0) throw new IllegalArgumentException("bad event span " + onset + " to " + offset);
  }

  public boolean tonal() {
    return !Double.isNaN(f0Min);
  }
}

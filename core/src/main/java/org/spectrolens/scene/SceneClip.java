package org.spectrolens.scene;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.spectrolens.audio.Clip;

/**
 * One clip of the scene with its truth: the clip is exactly {@code event + rest} (both already
 * on the 16-bit grid, so the WAV files sum exactly too).
 *
 * <p>The event stem is what the clip's label is about: the patient event of a positive clip, the
 * foreground negative sounds (speech, ventilator, beeps, hum, transient) of a negative one. The
 * rest is the room background, plus any negative sounds a positive clip also holds.
 *
 * @param id clip id, e.g. {@code scene-00042}
 * @param positive true for a patient event (folder {@code positive/})
 * @param kinds the kinds it holds, the event stem's first
 * @param snrDb the first sound's SNR: its mean power over its span over the background's power (dB)
 * @param events every sound's span and pitch range, the event stem's first
 * @param event the event stem's samples
 * @param rest the rest stem's samples
 * @param sampleRate Hz
 */
public record SceneClip(String id, boolean positive, List<SoundKind> kinds, double snrDb, List<SceneEvent> events,
    float[] event, float[] rest, int sampleRate) {
  public static final String POSITIVE = "positive";
  public static final String NEGATIVE = "negative";

  /** {@code positive} or {@code negative}: the class folder. */
  public String label() {
    return positive ? POSITIVE : NEGATIVE;
  }

  /** The clip: event + rest. */
  public Clip clip() {
    float[] s = new float[event.length];
    for (int i = 0; i < s.length; i++) s[i] = event[i] + rest[i];
    return new Clip(s, sampleRate, id, 0);
  }

  public Clip eventClip() {
    return new Clip(event, sampleRate, id + ".event", 0);
  }

  public Clip restClip() {
    return new Clip(rest, sampleRate, id + ".rest", 0);
  }

  /** The clips.csv row {@code id,label,kinds,snr_db} (kinds joined by ';'). */
  public String csvRow() {
    return String.format(Locale.ROOT, "%s,%s,%s,%.2f", id, label(), kinds.stream().map(SoundKind::id).collect(Collectors.joining(";")), snrDb);
  }

  /** The events.csv rows {@code id,kind,onset,offset,f0_min,f0_max} (f0 empty without a pitch). */
  public String eventRows() {
    StringBuilder b = new StringBuilder();
    for (SceneEvent e : events) {
      b.append(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f,", id, e.kind().id(), e.onset(), e.offset()));
      if (e.tonal()) b.append(String.format(Locale.ROOT, "%.1f,%.1f", e.f0Min(), e.f0Max()));
      else b.append(',');
      b.append('\n');
    }
    return b.toString();
  }
}

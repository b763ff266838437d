package org.spectrolens.scene;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The sounds of the intensive-care scene. Positive kinds are the patient events the monitoring
 * thesis detects; negative kinds are the room without a patient event. docs/scene.md states the
 * physics of each; {@link PatientSounds} and {@link RoomSounds} make them.
 */
public enum SoundKind {
  /** Continuous musical sound, fundamental 100-1000 Hz with harmonics, at least 250 ms (Gavriely et al. 1984). */
  WHEEZE(true),
  /** Low-pitched snoring-like continuous sound, fundamental below about 200 Hz. */
  RHONCHUS(true),
  /** An explosive broadband burst and its decay, then a shorter noisy tail. */
  COUGH(true),
  /** Loud, high-pitched (fundamental 500-1200 Hz), harsh sound over an inspiration. */
  STRIDOR(true),
  /** Staff speech from the built-in speech synthesiser. */
  SPEECH(false),
  /** A mechanical ventilator's inspiratory flow noise with its valve click. */
  VENTILATOR(false),
  /** Patient-monitor beeps: pure tones near 1 kHz (the tonal confounder of wheezes). */
  BEEP(false),
  /** Air-conditioning hum: mains fundamental (50 or 60 Hz) and harmonics over fan noise. */
  HUM(false),
  /** A door or a dropped object: damped modes struck at once. */
  TRANSIENT(false);

  private final boolean positive;

  SoundKind(boolean positive) {
    this.positive = positive;
  }

  /** True for patient events (the positive class). */
  public boolean positive() {
    return positive;
  }

  /** The id used in clips.csv and events.csv, e.g. {@code wheeze}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<SoundKind> positives() {
    return Stream.of(values()).filter(SoundKind::positive).toList();
  }

  public static List<SoundKind> negatives() {
    return Stream.of(values()).filter(k -> !k.positive).toList();
  }

  public static SoundKind fromId(String id) {
    for (SoundKind k : values()) if (k.id().equalsIgnoreCase(id)) return k;
    throw new IllegalArgumentException("unknown sound kind '" + id + "'");
  }
}

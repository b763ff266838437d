package org.spectrolens.acoustics;

/**
 * Praat's recommended formant ceiling per kind of speaker ("Sound: To Formant (burg)...": 5000 Hz
 * for a male speaker, 5500 Hz for an adult female, up to 8000 Hz for a young child): a shorter
 * vocal tract puts every formant higher, so five formants need a higher ceiling.
 */
public enum SpeakerType {
  MAN(5000),
  WOMAN(5500),
  CHILD(8000);

  private final double formantCeilingHz;

  SpeakerType(double formantCeilingHz) {
    this.formantCeilingHz = formantCeilingHz;
  }

  /** The ceiling in Hz for five formants. */
  public double formantCeilingHz() {
    return formantCeilingHz;
  }
}

package org.spectrolens.synth;

/**
 * The vocal tract as Klatt's cascade branch: a nasal pole-zero pair (the zero cancels the pole for
 * oral sounds) and five formant resonators in series, their coefficients updated every frame
 * from the {@link Tracks}. Formant amplitudes follow from the cascade itself.
 */
final class Cascade {
  private static final double NASAL_POLE = 270;
  private static final double NASAL_POLE_BW = 100;

  private final int sampleRate;
  private final Tracks tracks;
  private final Resonator[] formants = new Resonator[5];
  private final Resonator nasalPole;
  private final AntiResonator nasalZero;
  private int frame = -1;

  Cascade(int sampleRate, Tracks tracks) {
    this.sampleRate = sampleRate;
    this.tracks = tracks;
    for (int k = 0; k < 5; k++) formants[k] = new Resonator(sampleRate);
    nasalPole = new Resonator(sampleRate);
    nasalPole.set(NASAL_POLE, NASAL_POLE_BW);
    nasalZero = new AntiResonator(sampleRate);
  }

  /** Filters sample {@code n} of the source. */
  double process(int n, double x) {
    int f = Math.min(tracks.frames - 1, (int) (n / (sampleRate * Tracks.FRAME)));
    if (f != frame) {
      frame = f;
      double nyquistGuard = 0.45 * sampleRate;
      for (int k = 0; k < 5; k++) {
        formants[k].set(Math.min(tracks.formant[k][f], nyquistGuard), tracks.bandwidth[k][f]);
      }
      double z = tracks.nasalZero[f];
      nasalZero.set(z > 0 ? z : NASAL_POLE, NASAL_POLE_BW);
    }
    double y = nasalZero.process(nasalPole.process(x));
    for (int k = 4; k >= 0; k--) y = formants[k].process(y);
    return y;
  }
}

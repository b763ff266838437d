package org.spectrolens.synth;

import java.util.List;

/**
 * Everything the synthesiser is told to say, in seconds: the phone segments (what the TextGrid
 * shows), the formant targets with their transition lengths, the voicing level, the noise events
 * (frication, bursts, aspiration) and the F0 contour.
 */
public record UtterancePlan(
    Speaker speaker,
    List<Word> words,
    List<Segment> segments,
    List<Piece> pieces,
    List<Voicing> voicing,
    List<NoiseEvent> noise,
    List<double[]> referenceIntervals,
    Intonation intonation,
    double duration) {

  /** One phone (label "" for silence) of word {@code word} (-1 for silence). */
  public record Segment(String label, int word, double start, double end) {}

  /**
   * A stretch held at formant targets F1-F5 and bandwidths B1-B5 (Hz); {@code left} and
   * {@code right} are how long, inside this piece, the transitions from and to the neighbours take.
   * {@code nasalZero} is the nasal antiresonance (Hz), 0 for oral sounds.
   */
  public record Piece(double start, double end, double[] f, double[] b, double nasalZero,
      double left, double right) {}

  /** Voicing amplitude (linear, 1 = stressed vowel) over an interval. */
  public record Voicing(double start, double end, double level) {}

  /**
   * Noise: through the vocal-tract cascade (aspiration, /h/) or through its own resonances
   * (frication, bursts); its RMS is set to {@code levelDb} relative to the stressed vowels.
   */
  public record NoiseEvent(double start, double end, NoiseShape shape, double levelDb, boolean burst) {
    public boolean throughCascade() {
      return shape == null;
    }
  }

  /**
   * The F0 contour: the utterance's base F0, a declination line, pitch accents (Gaussian bumps in
   * log F0) and a final fall, plus Klatt's flutter.
   */
  public record Intonation(double baseF0, double speechStart, double speechEnd, double declinationStart,
      double declinationEnd, double finalFall, List<double[]> accents, double[] flutterPhases) {

    /** F0 in Hz at time t. */
    public double f0(double t) {
      double u = Math.max(0, Math.min(1, (t - speechStart) / Math.max(1e-3, speechEnd - speechStart)));
      double log = Math.log(baseF0) + declinationStart + (declinationEnd - declinationStart) * u;
      double fallStart = speechEnd - 0.25;
      if (t > fallStart) log -= finalFall * Math.min(1, (t - fallStart) / 0.25);
      for (double[] a : accents) {
        double z = (t - a[0]) / a[2];
        log += a[1] * Math.exp(-0.5 * z * z);
      }
      double f0 = Math.exp(log);
      // Klatt & Klatt (1990) flutter, FL = 25 %: slow quasi-random F0 wander of a few Hz.
      double s = Math.sin(2 * Math.PI * 12.7 * t + flutterPhases[0]) + Math.sin(2 * Math.PI * 7.1 * t + flutterPhases[1])
          + Math.sin(2 * Math.PI * 4.7 * t + flutterPhases[2]);
      return f0 + 0.5 * (f0 / 100) * s;
    }
  }
}

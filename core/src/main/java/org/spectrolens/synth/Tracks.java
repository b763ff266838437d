package org.spectrolens.synth;

import org.spectrolens.synth.UtterancePlan.Piece;
import org.spectrolens.synth.UtterancePlan.Voicing;

/**
 * The synthesiser's control parameters sampled every millisecond: F0 (0 where unvoiced), voicing
 * amplitude, F1-F5, B1-B5 and the nasal zero. Formants move between piece targets with raised-
 * cosine transitions; inside a piece, away from its edges, they sit exactly on the target.
 */
public final class Tracks {
  /** Frame period (s): the synthesiser updates its resonators this often. */
  public static final double FRAME = 0.001;

  final int frames;
  final double[] f0;
  final double[] av;
  final boolean[] voiced;
  final double[][] formant;
  final double[][] bandwidth;
  final double[] nasalZero;

  private Tracks(int frames) {
    this.frames = frames;
    f0 = new double[frames];
    av = new double[frames];
    voiced = new boolean[frames];
    formant = new double[5][frames];
    bandwidth = new double[5][frames];
    nasalZero = new double[frames];
  }

  public static Tracks of(UtterancePlan plan) {
    int n = (int) Math.ceil(plan.duration() / FRAME) + 2;
    Tracks tr = new Tracks(n);
    var pieces = plan.pieces();
    int pi = 0;
    double[] raw = new double[n];
    for (int i = 0; i < n; i++) {
      double t = i * FRAME;
      while (pi + 1 < pieces.size() && t >= pieces.get(pi).end()) pi++;
      Piece cur = pieces.get(pi);
      Piece other = null;
      double w = 0;
      if (pi > 0 && t < cur.start() + cur.left()) {
        Piece prev = pieces.get(pi - 1);
        double a = cur.start() - prev.right();
        double len = prev.right() + cur.left();
        other = prev;
        w = 1 - smooth((t - a) / len); // weight of prev
      } else if (pi + 1 < pieces.size() && t > cur.end() - cur.right()) {
        Piece next = pieces.get(pi + 1);
        double a = cur.end() - cur.right();
        double len = cur.right() + next.left();
        other = next;
        w = smooth((t - a) / len); // weight of next
      }
      for (int k = 0; k < 5; k++) {
        tr.formant[k][i] = mix(cur.f()[k], other == null ? 0 : other.f()[k], w);
        tr.bandwidth[k][i] = mix(cur.b()[k], other == null ? 0 : other.b()[k], w);
      }
      double zCur = cur.nasalZero() > 0 ? cur.nasalZero() : 0;
      tr.nasalZero[i] = zCur;
      for (Voicing v : plan.voicing()) {
        if (t >= v.start() && t < v.end()) raw[i] = v.level();
      }
      tr.voiced[i] = raw[i] > 0;
      tr.f0[i] = tr.voiced[i] ? plan.intonation().f0(t) : 0;
    }
    // Voicing amplitude ramps over about 6 ms instead of switching (no clicks).
    int half = 3;
    for (int i = 0; i < n; i++) {
      double s = 0;
      int c = 0;
      for (int j = i - half; j <= i + half; j++) {
        if (j >= 0 && j < n) {
          s += raw[j];
          c++;
        }
      }
      tr.av[i] = s / c;
    }
    return tr;
  }

  private static double mix(double a, double b, double wOther) {
    return wOther == 0 ? a : a + (b - a) * wOther;
  }

  private static double smooth(double u) {
    u = Math.max(0, Math.min(1, u));
    return 0.5 - 0.5 * Math.cos(Math.PI * u);
  }

  int frameAt(double t) {
    return Math.max(0, Math.min(frames - 1, (int) Math.round(t / FRAME)));
  }

  /** F0 at time t, or NaN where unvoiced. */
  public double f0At(double t) {
    int i = frameAt(t);
    return voiced[i] ? f0[i] : Double.NaN;
  }

  /** Formant k (1-5) at time t (Hz). */
  public double formantAt(int k, double t) {
    return formant[k - 1][frameAt(t)];
  }

  /** Bandwidth k (1-5) at time t (Hz). */
  public double bandwidthAt(int k, double t) {
    return bandwidth[k - 1][frameAt(t)];
  }
}

package org.spectrolens.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.spectrolens.synth.Phone.Manner;
import org.spectrolens.synth.UtterancePlan.Intonation;
import org.spectrolens.synth.UtterancePlan.NoiseEvent;
import org.spectrolens.synth.UtterancePlan.Piece;
import org.spectrolens.synth.UtterancePlan.Segment;
import org.spectrolens.synth.UtterancePlan.Voicing;

/**
 * Turns a speaker and a sentence into an {@link UtterancePlan}: draws the vowel tokens, the
 * consonant loci, the durations (Klatt 1976: stressed vowels about 130 ms, unstressed 70 ms;
 * VOT of /p t k/ 58/71/73 ms after Zue 1976), noise levels (Jongman 2000) and the intonation.
 *
 * <p>Over 300 lines on purpose: every random draw of an utterance happens here, in one fixed
 * order, so a seed reproduces a corpus; split across classes, a new draw in one place would
 * silently reorder the others.
 */
public final class Planner {
  private static final double[] NEUTRAL_MEN = {500, 1500, 2500, 3500};

  private Planner() {}

  private record Slot(String label, Phone phone, int stress, int word, Word w, boolean lastWord) {}

  /** Plans the sentence; the random stream decides every draw, so equal streams give equal plans. */
  public static UtterancePlan plan(Speaker spk, List<Word> words, RandomGenerator rng) {
    List<Slot> slots = new ArrayList<>();
    for (int wi = 0; wi < words.size(); wi++) {
      Word w = words.get(wi);
      for (String label : w.phones()) {
        slots.add(new Slot(label, Phone.of(label), Phone.stress(label), wi, w, wi == words.size() - 1));
      }
    }
    int n = slots.size();
    // Vowel tokens first (each vowel: one or two target vectors F1-F5).
    double[][][] vowelTargets = new double[n][][];
    for (int i = 0; i < n; i++) {
      if (slots.get(i).phone.isVowel()) vowelTargets[i] = vowelTargets(spk, slots.get(i), rng);
    }
    Builder b = new Builder(spk);
    double lead = 0.15 + 0.15 * rng.nextDouble();
    b.silence(0, lead);
    double t = lead;
    List<double[]> accents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Slot s = slots.get(i);
      if (i > 0 && s.word != slots.get(i - 1).word && s.word >= 3 && rng.nextDouble() < 0.08) {
        double pause = 0.12 + 0.13 * rng.nextDouble();
        b.silence(t, t + pause);
        t += pause;
      }
      Slot next = i + 1 < n ? slots.get(i + 1) : null;
      double stretch = spk.rate() * (s.lastWord ? 1.3 : 1.0);
      double[] neighbour = neighbourVowel(vowelTargets, i);
      switch (s.phone.manner) {
        case VOWEL -> {
          double d = vowelDuration(s, rng) * stretch;
          double[][] tg = spk.vowels() == VowelSystem.CONNECTED
              ? undershoot(spk, vowelTargets[i], i > 0 ? slots.get(i - 1).phone : null, next == null ? null : next.phone, d)
              : vowelTargets[i];
          double edge = Math.min(0.035, 0.25 * d);
          double level = s.stress >= 1 ? 1.0 : 0.63;
          if (tg.length == 1) {
            b.piece(t, t + d, tg[0], 0, edge, edge, s.phone);
          } else {
            b.piece(t, t + d / 2, tg[0], 0, edge, 0.2 * d, s.phone);
            b.piece(t + d / 2, t + d, tg[1], 0, 0.2 * d, edge, s.phone);
          }
          b.voicing(t, t + d, level);
          if (s.stress >= 1) {
            b.reference.add(new double[] {t + 0.25 * d, t + 0.75 * d});
            boolean content = "NAVS".contains(s.w.pos());
            if (content && rng.nextDouble() < 0.7) {
              accents.add(new double[] {t + d / 2, 0.05 + 0.05 * rng.nextDouble(), 0.06});
            }
          }
          b.segment(s.label, s.word, t, t + d);
          t += d;
        }
        case FRICATIVE -> {
          double base = switch (s.phone) {
            case S, SH -> 0.105; case F -> 0.095; case TH -> 0.085; case Z -> 0.075; case V -> 0.06;
            default -> 0.045;
          };
          double d = base * lognormal(rng, 0.15) * stretch;
          double edge = Math.min(0.02, 0.4 * d);
          b.piece(t, t + d, consonantTarget(spk, s.phone, neighbour, 0.45), 0, edge, edge, s.phone);
          double level = fricationDb(s.phone);
          b.noise(t, t + d, NoiseShape.frication(s.phone), level, false);
          if (s.phone.voiced) b.voicing(t, t + d, 0.3);
          b.segment(s.label, s.word, t, t + d);
          t += d;
        }
        case ASPIRATE -> {
          double d = 0.06 * lognormal(rng, 0.15) * stretch;
          double[] tg = neighbour != null ? neighbour.clone() : neutral(spk);
          b.piece(t, t + d, tg, 0, 0.01, 0.01, s.phone);
          b.pieces.get(b.pieces.size() - 1).b()[0] = 300; // open glottis: wide B1 (Klatt)
          b.noise(t, t + d, null, -18, false);
          b.segment(s.label, s.word, t, t + d);
          t += d;
        }
        case NASAL, APPROXIMANT -> {
          boolean nasal = s.phone.manner == Manner.NASAL;
          double d = (nasal ? 0.06 : 0.055) * lognormal(rng, 0.15) * stretch;
          double edge = Math.min(0.02, 0.4 * d);
          double zero = switch (s.phone) {
            case M -> 750; case N -> 1450; case NG -> 2000; default -> 0;
          };
          double[] tg = consonantTarget(spk, s.phone, neighbour, nasal ? 0.3 : 0.2);
          b.piece(t, t + d, tg, zero, edge, edge, s.phone);
          b.voicing(t, t + d, nasal ? 0.45 : 0.6);
          b.segment(s.label, s.word, t, t + d);
          t += d;
        }
        case STOP, AFFRICATE -> {
          boolean affricate = s.phone.manner == Manner.AFFRICATE;
          boolean voiced = s.phone.voiced;
          double closure = (voiced ? 0.05 : 0.055) * lognormal(rng, 0.15) * spk.rate();
          double burst = switch (s.phone) {
            case P -> 0.005; case B -> 0.004; case T, CH -> 0.012; case D, JH -> 0.01; case K -> 0.02;
            default -> 0.015;
          };
          boolean intoVowel = next != null && (next.phone.isVowel() || next.phone.manner == Manner.APPROXIMANT);
          boolean afterS = i > 0 && slots.get(i - 1).phone == Phone.S && slots.get(i - 1).word == s.word;
          double release;
          if (affricate) {
            release = (voiced ? 0.05 : 0.065) * lognormal(rng, 0.15) * stretch;
          } else if (voiced) {
            release = switch (s.phone) { case B -> 0.015; case D -> 0.021; default -> 0.034; } * lognormal(rng, 0.2);
          } else if (intoVowel && !afterS) {
            release = switch (s.phone) { case P -> 0.058; case T -> 0.071; default -> 0.073; } * lognormal(rng, 0.15);
          } else {
            release = burst + (afterS ? 0.008 : 0.02) * lognormal(rng, 0.2);
          }
          release = Math.max(release, burst + 0.003);
          double end = t + closure + release;
          double velarPeak = neighbour != null
              ? clamp(1.05 * neighbour[1], 1200 * spk.group().formantRatio(2), 3000 * spk.group().formantRatio(2))
              : 1900 * spk.group().formantRatio(2);
          double[] tg = consonantTarget(spk, s.phone, neighbour, s.phone == Phone.K || s.phone == Phone.G ? 0.7 : 0.45);
          tg[0] = s.phone.locus[0] * spk.group().formantRatio(1) * spk.scale();
          b.piece(t, end, tg, 0, Math.min(0.02, 0.4 * closure), Math.min(0.04, release), s.phone);
          if (!voiced) b.pieces.get(b.pieces.size() - 1).b()[0] = 300;
          if (voiced) b.voicing(t, t + closure, 0.06); // voice bar
          double rel = t + closure;
          NoiseShape bs = NoiseShape.burst(s.phone, velarPeak);
          double burstDb = switch (s.phone) {
            case P -> -20; case T, CH -> -10; case K -> -12; case B -> -24; case D, JH -> -16; default -> -18;
          };
          b.noise(rel, rel + burst, bs, burstDb, true);
          if (affricate) {
            b.noise(rel + burst, end, NoiseShape.frication(s.phone), voiced ? -14 : -9, false);
            if (voiced) b.voicing(rel + burst, end, 0.3);
          } else if (!voiced && end - (rel + burst) > 0.004) {
            b.noise(rel + burst, end, null, intoVowel ? (s.phone == Phone.P ? -22 : -20) : -24, false);
          }
          b.segment(s.label, s.word, t, end);
          t = end;
        }
        default -> throw new IllegalStateException(s.phone.toString());
      }
    }
    double speechEnd = t;
    double trail = 0.2 + 0.15 * rng.nextDouble();
    b.silence(t, t + trail);
    t += trail;
    b.fillSilenceTargets();
    double baseF0 = spk.f0Mean() * Math.exp(spk.group().withinLogF0Sd * rng.nextGaussian());
    Intonation into = new Intonation(baseF0, lead, speechEnd, 0.06, -0.08, 0.08, accents,
        new double[] {2 * Math.PI * rng.nextDouble(), 2 * Math.PI * rng.nextDouble(), 2 * Math.PI * rng.nextDouble()});
    return new UtterancePlan(spk, words, b.segments, b.pieces, b.voicing, b.noise, b.reference, into, t);
  }

  /** An isolated steady vowel (for checking the synthesiser): silence, the vowel, silence. */
  public static UtterancePlan isolatedVowel(Speaker spk, String label, double[] targetsF1toF4, double seconds) {
    Builder b = new Builder(spk);
    double lead = 0.1;
    b.silence(0, lead);
    double[] f = {targetsF1toF4[0], targetsF1toF4[1], targetsF1toF4[2], targetsF1toF4[3], Math.max(spk.f5(), targetsF1toF4[3] + 500)};
    b.piece(lead, lead + seconds, f, 0, 0, 0, Phone.of(label));
    b.voicing(lead, lead + seconds, 1.0);
    b.reference.add(new double[] {lead + 0.25 * seconds, lead + 0.75 * seconds});
    b.segment(label, 0, lead, lead + seconds);
    b.silence(lead + seconds, lead + seconds + 0.1);
    b.fillSilenceTargets();
    Intonation into = new Intonation(spk.f0Mean(), lead, lead + seconds, 0, 0, 0, List.of(), new double[] {0, 1, 2});
    Word w = new Word("N", label, List.of(label));
    return new UtterancePlan(spk, List.of(w), b.segments, b.pieces, b.voicing, b.noise, b.reference, into,
        lead + seconds + 0.1);
  }

  private static double[][] vowelTargets(Speaker spk, Slot s, RandomGenerator rng) {
    String[] parts = switch (s.phone) {
      case AY -> new String[] {"AA", "IH"};
      case AW -> new String[] {"AA", "UH"};
      case OY -> new String[] {"AO", "IY"};
      default -> new String[] {s.phone.name()};
    };
    double[][] out = new double[parts.length][];
    for (int p = 0; p < parts.length; p++) {
      double[] f4 = spk.drawVowel(parts[p], rng);
      if (s.stress == 0) {
        // Unstressed vowels are centralised toward the talker's neutral vowel (less for /ɚ/).
        double[] neutral = neutral(spk);
        double keep = s.phone == Phone.ER ? 0.7 : 0.5;
        for (int k = 0; k < 3; k++) f4[k] = Math.exp(keep * Math.log(f4[k]) + (1 - keep) * Math.log(neutral[k]));
      }
      out[p] = new double[] {f4[0], f4[1], f4[2], f4[3], Math.max(spk.f5(), f4[3] + 500)};
    }
    return out;
  }

  /** Undershoot at 0 s: the share of the way from target to locus a vowel of no duration stops at. */
  static final double UNDERSHOOT_AT_ZERO = 0.8;
  /** How fast undershoot fades with the vowel's duration (1/s). */
  static final double UNDERSHOOT_RATE = 12;

  /**
   * Connected speech's undershoot (Lindblom 1963: the shorter the vowel, the further its F2 stays
   * from its target toward the flanking consonants' loci, exponentially in duration): F2 and F3
   * move toward the mean locus of the consonants on either side by {@code 0.8 exp(-12 d)} of the
   * way (a 130 ms stressed vowel: 17 %; a 65 ms unstressed one: 37 %). Vowels, /h/ and silence
   * have no locus and do not pull. A diphthong's first target feels the left consonant, its last
   * the right. The constants are of the order of Lindblom's fits, not his exact values.
   */
  private static double[][] undershoot(Speaker spk, double[][] targets, Phone left, Phone right, double d) {
    double share = UNDERSHOOT_AT_ZERO * Math.exp(-UNDERSHOOT_RATE * d);
    double[][] out = new double[targets.length][];
    for (int p = 0; p < targets.length; p++) {
      out[p] = targets[p].clone();
      Phone a = targets.length == 1 || p == 0 ? left : null;
      Phone b = targets.length == 1 || p == targets.length - 1 ? right : null;
      for (int k = 1; k < 3; k++) {
        double sum = 0;
        int n = 0;
        for (Phone c : new Phone[] {a, b}) {
          if (c == null || c.isVowel() || c.locus[k] == 0) continue;
          sum += c.locus[k] * spk.group().formantRatio(k + 1) * spk.scale();
          n++;
        }
        if (n > 0) out[p][k] += share * (sum / n - out[p][k]);
      }
      // keep the order F1 < F2 < F3 < F4 < F5
      out[p][2] = Math.max(out[p][2], out[p][1] + 200);
      out[p][3] = Math.max(out[p][3], out[p][2] + 300);
      out[p][4] = Math.max(out[p][4], out[p][3] + 400);
    }
    return out;
  }

  private static double[] neutral(Speaker spk) {
    double[] f = new double[5];
    for (int k = 0; k < 4; k++) f[k] = NEUTRAL_MEN[k] * spk.group().formantRatio(k + 1) * spk.scale();
    f[4] = Math.max(spk.f5(), f[3] + 500);
    return f;
  }

  /** The nearest following vowel's (first) target, else the nearest preceding one, else null. */
  private static double[] neighbourVowel(double[][][] vt, int i) {
    for (int j = i + 1; j < vt.length; j++) if (vt[j] != null) return vt[j][0];
    for (int j = i - 1; j >= 0; j--) if (vt[j] != null) return vt[j][vt[j].length - 1];
    return null;
  }

  /** Locus scaled to the talker, F2/F3 pulled toward the neighbouring vowel by {@code pull}. */
  private static double[] consonantTarget(Speaker spk, Phone p, double[] vowel, double pull) {
    double[] f = vowel != null ? vowel.clone() : neutral(spk);
    for (int k = 0; k < 3; k++) {
      double locus = p.locus[k] * spk.group().formantRatio(k + 1) * spk.scale();
      f[k] = k == 0 || vowel == null ? locus : locus + pull * (vowel[k] - locus);
    }
    // keep the order F1 < F2 < F3 < F4 < F5
    f[1] = Math.max(f[1], f[0] + 200);
    f[2] = Math.max(f[2], f[1] + 200);
    f[3] = Math.max(f[3], f[2] + 300);
    f[4] = Math.max(f[4], f[3] + 400);
    return f;
  }

  private static double vowelDuration(Slot s, RandomGenerator rng) {
    if (s.stress == 0) return Math.max(0.04, (s.phone == Phone.ER ? 0.08 : 0.065) * lognormal(rng, 0.2));
    double base = switch (s.phone) {
      case IY -> 0.12; case IH, UH -> 0.09; case EY, AO, OW -> 0.14; case EH, AH -> 0.10;
      case AE -> 0.15; case AA -> 0.14; case UW, ER -> 0.13; case AY, AW -> 0.17; default -> 0.18;
    };
    return base * lognormal(rng, 0.15);
  }

  /** Level of frication relative to the vowel (Jongman et al. 2000); voiced cognates 6 dB weaker. */
  private static double fricationDb(Phone p) {
    return switch (p) {
      case S -> -10; case SH -> -9; case F -> -17; case TH -> -18;
      case Z -> -16; case V -> -23; default -> -24;
    };
  }

  private static double lognormal(RandomGenerator rng, double sd) {
    return Math.exp(sd * rng.nextGaussian());
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Collects the plan's lists; bandwidths come from Hawks &amp; Miller at the talker's F0. */
  private static final class Builder {
    final Speaker spk;
    final List<Segment> segments = new ArrayList<>();
    final List<Piece> pieces = new ArrayList<>();
    final List<Voicing> voicing = new ArrayList<>();
    final List<NoiseEvent> noise = new ArrayList<>();
    final List<double[]> reference = new ArrayList<>();

    Builder(Speaker spk) {
      this.spk = spk;
    }

    void segment(String label, int word, double a, double b) {
      segments.add(new Segment(label, word, a, b));
    }

    void silence(double a, double b) {
      segments.add(new Segment("", -1, a, b));
      pieces.add(new Piece(a, b, null, null, 0, 0, 0));
    }

    void piece(double a, double b, double[] f, double nasalZero, double left, double right, Phone p) {
      double[] bw = new double[5];
      for (int k = 0; k < 5; k++) bw[k] = Bandwidths.hawksMiller(f[k], spk.f0Mean());
      if (p.manner == Manner.NASAL) bw[0] = 100;
      if (p.manner == Manner.FRICATIVE || p.manner == Manner.AFFRICATE) bw[0] = 200;
      pieces.add(new Piece(a, b, f.clone(), bw, nasalZero, left, right));
    }

    void voicing(double a, double b, double level) {
      voicing.add(new Voicing(a, b, level));
    }

    void noise(double a, double b, NoiseShape shape, double db, boolean burst) {
      NoiseShape s = shape == null ? null : shape.shifted(spk.group().fricativeShiftHz());
      noise.add(new NoiseEvent(a, b, s, db, burst));
    }

    /** Silences hold a neighbour's targets, so the tracks are defined everywhere. */
    void fillSilenceTargets() {
      for (int i = 0; i < pieces.size(); i++) {
        Piece p = pieces.get(i);
        if (p.f() != null) continue;
        // A pause or the final silence holds what came before; the leading silence what follows.
        Piece src = null;
        for (int j = i - 1; j >= 0 && src == null; j--) if (pieces.get(j).f() != null) src = pieces.get(j);
        for (int j = i + 1; j < pieces.size() && src == null; j++) if (pieces.get(j).f() != null) src = pieces.get(j);
        pieces.set(i, new Piece(p.start(), p.end(), src.f().clone(), src.b().clone(), src.nasalZero(), 0, 0));
      }
    }
  }
}

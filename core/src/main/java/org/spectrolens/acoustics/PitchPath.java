package org.spectrolens.acoustics;

/**
 * The Viterbi path through the pitch candidates (Boersma 1993): maximise the sum of the chosen
 * candidates' local strengths minus transition costs: the octave-jump cost times |log2(F/F')|
 * between voiced frames and the voiced/unvoiced cost at each voicing change.
 */
final class PitchPath {
  private PitchPath() {}

  /** @return F0 per frame along the best path, NaN where the unvoiced candidate wins */
  static double[] best(PitchCandidates[] frames, double ceiling, double octaveCost,
      double octaveJumpCost, double voicedUnvoicedCost) {
    int nFrames = frames.length;
    double[][] score = new double[nFrames][];
    int[][] back = new int[nFrames][];
    for (int t = 0; t < nFrames; t++) {
      PitchCandidates c = frames[t];
      int states = c.voicedCount + 1; // state 0 = unvoiced
      double[] local = new double[states];
      local[0] = c.unvoicedStrength;
      for (int j = 0; j < c.voicedCount; j++) {
        local[j + 1] = PitchCandidates.localStrength(c.strength[j], c.frequency[j], octaveCost, ceiling);
      }
      score[t] = new double[states];
      back[t] = new int[states];
      if (t == 0) {
        System.arraycopy(local, 0, score[t], 0, states);
        continue;
      }
      PitchCandidates p = frames[t - 1];
      for (int j = 0; j < states; j++) {
        double bestValue = Double.NEGATIVE_INFINITY;
        int bestFrom = 0;
        for (int i = 0; i < score[t - 1].length; i++) {
          double cost = transition(p, i, c, j, octaveJumpCost, voicedUnvoicedCost);
          double v = score[t - 1][i] - cost;
          if (v > bestValue) {
            bestValue = v;
            bestFrom = i;
          }
        }
        score[t][j] = bestValue + local[j];
        back[t][j] = bestFrom;
      }
    }
    double[] f0 = new double[nFrames];
    if (nFrames == 0) return f0;
    int state = 0;
    double[] last = score[nFrames - 1];
    for (int j = 1; j < last.length; j++) if (last[j] > last[state]) state = j;
    for (int t = nFrames - 1; t >= 0; t--) {
      f0[t] = state == 0 ? Double.NaN : frames[t].frequency[state - 1];
      state = back[t][state];
    }
    return f0;
  }

  private static double transition(PitchCandidates p, int i, PitchCandidates c, int j,
      double octaveJumpCost, double voicedUnvoicedCost) {
    boolean prevVoiced = i > 0, voiced = j > 0;
    if (!prevVoiced && !voiced) return 0.0;
    if (prevVoiced != voiced) return voicedUnvoicedCost;
    return octaveJumpCost * Math.abs(Math.log(p.frequency[i - 1] / c.frequency[j - 1]) / Math.log(2.0));
  }
}
